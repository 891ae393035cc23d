/** Page objects for the share wizard, and verifyExport called from the page (the app's own API, same session). */
import { expect, type Page } from '@playwright/test';

/** Waits for wizard step `n` with this title to be on screen (its heading takes focus). */
export async function shareStep(page: Page, n: number, title: string, timeout?: number): Promise<void> {
  await expect(page.getByText(`Step ${n} of 7`, { exact: true })).toBeVisible(timeout === undefined ? {} : { timeout });
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused();
}

export async function nextStep(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

export interface VerifiedExport { ok: boolean; signatureValid: boolean; fingerprintMismatch: boolean; files: number; problems: unknown[] }

/** Checks an exported folder or zip with the core's verifyExport, against the fingerprint the app showed. */
export async function verifyExportInPage(page: Page, target: string, fingerprint: string): Promise<VerifiedExport> {
  const result = await page.evaluate(async ({ p, fp }) => {
    const res = await fetch('/api/verifyExport', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: p, fingerprint: fp }) });
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  }, { p: target, fp: fingerprint });
  if (!result.ok) throw new Error(`verifyExport failed: ${result.error?.message ?? 'unknown'}`);
  return result.value as VerifiedExport;
}
