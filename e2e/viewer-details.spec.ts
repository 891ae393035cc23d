/**
 * What the study view shows besides pixels, in Chromium through the browser host and under the
 * app's own CSP (no bypass: pdf.js and its worker must work with it): the tag browser with the
 * identifying attributes marked, an Encapsulated PDF, a structured report, and provenance.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SAMPLES_DIR, samplesPresent } from '../main/test-support/sample-corpus';
import { createVault, importPath } from './support/pages';
import { test, expect, type ServedApp } from './support/serve-fixture';

test.skip(!samplesPresent, 'needs ../shared/dicom-samples');

/** One sample alone in a folder beside the test's vault, so its study is the only one. */
function folderWith(app: ServedApp, name: string, sample: string): string {
  const dir = path.join(path.dirname(app.vaultDir), name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(SAMPLES_DIR, sample), path.join(dir, path.basename(sample)));
  return dir;
}

async function openOnlyStudy(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: /^Open study:/ }).first().click();
  await expect(page.getByRole('navigation', { name: 'Series in this study' })).toBeVisible();
}

test('tag browser: every attribute, PatientName marked as identifying, searchable; provenance of the picture', async ({ app, page }, testInfo) => {
  await createVault(page, app.url);
  await importPath(page, path.join(SAMPLES_DIR, 'ct-series'), 'Sample CT');
  await openOnlyStudy(page);
  await expect(page.getByTestId('viewport-1')).toHaveAttribute('data-rendered-index', /\d+/, { timeout: 30_000 });

  await page.getByRole('button', { name: 'Details' }).click();
  const attributes = page.getByRole('region', { name: 'Attributes' });
  await attributes.getByLabel('Search attributes').fill('0010,0010');
  const patientName = attributes.getByRole('treeitem', { name: /^\(0010,0010\) Patient Name/ });
  await expect(patientName).toHaveCount(1);
  await expect(patientName).toHaveClass(/identifying/);
  await expect(patientName).toContainText('Can identify you');
  await attributes.getByLabel('Search attributes').fill('');
  await attributes.getByLabel('Only attributes that can identify you').check();
  await expect(attributes.getByRole('treeitem', { name: /^\(0028,0010\) Rows/ })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('tag-browser.png') });


  await page.getByRole('tab', { name: 'Where it came from' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Sample CT');
  await expect(page.getByRole('tabpanel')).toContainText(/([0-9a-f]{8} ){7}[0-9a-f]{8}/);
});

test('the tag tree works by keyboard alone, and its keys do not move the picture', async ({ app, page }) => {
  await createVault(page, app.url);
  await importPath(page, folderWith(app, 'MR', 'mr-series/enhanced-mr-siemens-xa10/6_1.dcm'), 'Sample enhanced MR');
  await openOnlyStudy(page);
  await expect(page.getByTestId('viewport-1')).toHaveAttribute('data-rendered-index', '0', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Details' }).click();
  const attributes = page.getByRole('region', { name: 'Attributes' });

  // The tree by keyboard alone: arrows move, Home/End jump, Right/Left open and close a sequence.
  const items = attributes.getByRole('treeitem');
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  // The first sequence: Left closes it, Right opens it again, Enter toggles.
  const at = await items.evaluateAll((els) => els.findIndex((el) => el.hasAttribute('aria-expanded')));
  expect(at).toBeGreaterThanOrEqual(0);
  const sequence = items.nth(at);
  await sequence.focus();
  if ((await sequence.getAttribute('aria-expanded')) === 'false') await page.keyboard.press('ArrowRight');
  await expect(sequence).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(sequence).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(sequence).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(sequence).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('viewport-1')).toHaveAttribute('data-rendered-index', '0'); // the keys did not move the picture
});

test('an Encapsulated PDF opens in the document view, drawn by pdf.js under the app CSP', async ({ app, page }, testInfo) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') cspErrors.push(m.text()); });
  await createVault(page, app.url);
  await importPath(page, folderWith(app, 'PDF', 'sr-pdf-rt-other/sample-pdf.dcm'), 'Sample PDF');
  await openOnlyStudy(page);
  const pdf = page.getByRole('region', { name: 'PDF document' });
  await expect(pdf.getByRole('status').filter({ hasText: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 30_000 });
  await expect(pdf.getByRole('img', { name: 'Page 1 of the document' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('encapsulated-pdf.png') });
  expect(cspErrors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
});

test('a structured report reads as text', async ({ app, page }, testInfo) => {
  await createVault(page, app.url);
  await importPath(page, folderWith(app, 'SR', 'sr-pdf-rt-other/test-SR.dcm'), 'Sample report');
  await openOnlyStudy(page);
  const report = page.getByRole('group', { name: /^Viewport 1/ }).getByRole('region', { name: 'Report' });
  await expect(report.getByRole('heading', { name: 'Diagnosis' })).toBeVisible({ timeout: 30_000 });
  await expect(report).toContainText('Diameter: 3');
  await page.screenshot({ path: testInfo.outputPath('structured-report.png') });
});
