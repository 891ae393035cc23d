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

/** On the review step: adds a box, moves it right and makes it taller with the keyboard (it keeps focus), drags it with the mouse, and deletes another with the Delete key; checked through each box's label (position and size). */
export async function editBoxWithKeyboard(page: Page): Promise<void> {
  const boxes = page.getByRole('button', { name: /^Mask \d+:/ });
  const before = await boxes.count();
  await page.getByRole('button', { name: 'Add a box' }).click();
  await expect(boxes).toHaveCount(before + 1);
  const box = boxes.nth(before);
  const start = (await box.getAttribute('aria-label')) ?? '';
  const [, x, y, w, h] = /from (\d+), (\d+), (\d+) by (\d+)/.exec(start)?.map(Number) ?? [];
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(box).toBeFocused();
  const after = (await box.getAttribute('aria-label')) ?? '';
  const [, x2, y2, w2, h2] = /from (\d+), (\d+), (\d+) by (\d+)/.exec(after)?.map(Number) ?? [];
  expect(x2).toBeGreaterThan(x ?? Infinity);
  expect(y2).toBe(y);
  expect(w2).toBe(w);
  expect(h2).toBeGreaterThan(h ?? Infinity);
  // The mouse moves it too: dragging its middle to the right.
  const area = await box.boundingBox();
  if (!area) throw new Error('the box is not on screen');
  await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width / 2 + 30, area.y + area.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = (await box.getAttribute('aria-label')) ?? '';
  const [, x3, y3] = /from (\d+), (\d+)/.exec(dragged)?.map(Number) ?? [];
  expect(x3).toBeGreaterThan(x2 ?? Infinity);
  expect(y3).toBe(y2);
  // Delete removes a box; the others stay.
  await page.getByRole('button', { name: 'Add a box' }).click();
  await boxes.nth(before + 1).focus();
  await page.keyboard.press('Delete');
  await expect(boxes).toHaveCount(before + 1);
}
