/**
 * The viewer's leak test: import every sample, open every study, show every series and the details
 * panel, lock; then no file in the vault folder, the server's and the browser's temp folders or the
 * browser profile (cache, IndexedDB, Cache Storage, service workers, GPU cache) holds a patient
 * name, patient ID or UID from the samples. The browser runs with its own persistent profile and
 * temp folder so there is a place to look; the server runs with its own TMPDIR.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { SAMPLES_DIR, samplesPresent } from '../main/test-support/sample-corpus';
import { CHROMIUM_ARGS } from './support/browser';
import { findIdentifiers, identifiersIn, withoutValuesIn } from './support/leak-scan';
import { createVault, importPath } from './support/pages';
import { startServe, type ServedApp } from './support/serve-fixture';

test.skip(!samplesPresent, 'needs ../shared/dicom-samples');

const ROOT = path.resolve(import.meta.dirname, '..');

/** The library draws only the cards near the screen: scroll towards the i-th (0-based) until it is drawn, then open it. */
async function openStudyAt(page: Page, i: number): Promise<void> {
  const open = page.locator(`ul[aria-label="Studies"] > li[aria-posinset="${i + 1}"]`).getByRole('button', { name: /^Open study:/ });
  await expect(page.locator('ul[aria-label="Studies"] > li').first()).toBeVisible();
  for (let step = 0; step < 500 && (await open.count()) === 0; step += 1) {
    await page.evaluate((n) => {
      const items = [...document.querySelectorAll('ul[aria-label="Studies"] > li')];
      const at = (el: Element | undefined): number => Number(el?.getAttribute('aria-posinset') ?? 1) - 1;
      const toward = n < at(items[0]) ? -1 : 1;
      window.scrollBy(0, toward * window.innerHeight * 0.6);
    }, i);
    await page.waitForTimeout(50);
  }
  await open.scrollIntoViewIfNeeded();
  await open.click();
}

async function showEverySeries(page: Page): Promise<number> {
  const strip = page.getByRole('navigation', { name: 'Series in this study' });
  await expect(strip).toBeVisible({ timeout: 30_000 });
  const series = strip.getByRole('button');
  const count = await series.count();
  for (let j = 0; j < count; j += 1) {
    await series.nth(j).click();
    // A picture on screen, a document, or the viewer's plain error: whichever this object gives.
    await expect(page.locator('[data-rendered-index], .viewport-error, .document-pane, [role="alert"]').first()).toBeVisible({ timeout: 30_000 });
  }
  return count;
}

test('after viewing every sample and locking, no identifier is on disk', async ({ browserName }, testInfo) => {
  test.skip(browserName !== 'chromium', 'Chromium only');
  test.setTimeout(900_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-leak-'));
  const serverTmp = path.join(dir, 'server-tmp');
  const browserTmp = path.join(dir, 'browser-tmp');
  const profile = path.join(dir, 'profile');
  for (const d of [serverTmp, browserTmp, profile]) mkdirSync(d);
  let app: ServedApp | null = null;
  const executablePath = process.env.SCANVAULT_E2E_RESOLVED;
  const context = await chromium.launchPersistentContext(profile, {
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
    env: { ...process.env, TMPDIR: browserTmp },
    viewport: { width: 1280, height: 860 },
  });
  try {
    app = await startServe(path.join(dir, 'vault'), path.join(dir, 'config'), { TMPDIR: serverTmp });
    const page = context.pages()[0] ?? await context.newPage();
    await createVault(page, app.url);
    await importPath(page, SAMPLES_DIR, 'Every sample');

    const total = await page.evaluate(async () => {
      const res = await fetch('/api/queryStudies', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ limit: 1 }) });
      return ((await res.json()) as { value: { total: number } }).value.total;
    });
    expect(total).toBeGreaterThan(50);
    let seriesShown = 0;
    for (let i = 0; i < total; i += 1) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
      await openStudyAt(page, i);
      seriesShown += await showEverySeries(page);
      await page.getByRole('button', { name: 'Details' }).click();
      await page.getByRole('button', { name: 'Back to library' }).click();
    }
    testInfo.annotations.push({ type: 'viewed', description: `${total} studies, ${seriesShown} series` });
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { name: /unlock/i })).toBeVisible();
    await context.close();

    const ids = withoutValuesIn(identifiersIn(SAMPLES_DIR), [path.join(ROOT, 'dist')]);
    expect(ids.names.size + ids.ids.size + ids.uids.size).toBeGreaterThan(100);
    const hits = findIdentifiers([path.join(dir, 'vault'), serverTmp, browserTmp, profile], ids);
    expect(hits.map((h) => `${path.relative(dir, h.file)}: ${h.value}`)).toEqual([]);
  } finally {
    await context.close().catch(() => undefined);
    if (app) {
      app.process.kill('SIGTERM');
      await new Promise((r) => app?.process.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
