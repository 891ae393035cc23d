/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A/AA rules: contrast, labels, roles, names)
 * on every main screen. axe is injected from node_modules (never downloaded); the page's CSP is
 * bypassed for this injection only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeSeries } from '../main/test-support/dicom-fixtures';
import { violations } from './support/axe';
import { createVault, importPath } from './support/pages';
import { test, expect } from './support/serve-fixture';

test.use({ bypassCSP: true });

test('every main screen passes axe WCAG 2.1 AA checks', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Create vault' })).toBeVisible();
  expect(await violations(page), 'first run').toEqual([]);

  await createVault(page, app.url);
  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();
  expect(await violations(page), 'empty library').toEqual([]);

  const cd = path.join(path.dirname(app.vaultDir), 'CD');
  mkdirSync(cd);
  makeSeries(2, { rows: 32, columns: 32 }).forEach((b, i) => writeFileSync(path.join(cd, `IM${i}`), b));
  writeFileSync(path.join(cd, 'autorun.inf'), '[autorun]');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  expect(await violations(page), 'import setup').toEqual([]);
  await importPath(page, cd, 'CD from Mercy Hospital');
  expect(await violations(page), 'import report').toEqual([]);

  await page.getByRole('button', { name: 'Go to library' }).click();
  await page.getByRole('button', { name: /Show 1 series/ }).first().click();
  expect(await violations(page), 'library').toEqual([]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Shares' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Record of shares' })).toBeVisible();
  expect(await violations(page), 'record of shares').toEqual([]);
  await page.getByRole('button', { name: 'Share scans…' }).click();
  await expect(page.getByText('Step 1 of 7', { exact: true })).toBeVisible();
  expect(await violations(page), 'share wizard, first step').toEqual([]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Check vault' }).click();
  await page.getByRole('button', { name: 'Check vault now' }).click();
  await expect(page.getByRole('heading', { name: 'All good' })).toBeVisible();
  expect(await violations(page), 'check vault').toEqual([]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  expect(await violations(page), 'settings').toEqual([]);

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  expect(await violations(page), 'unlock').toEqual([]);
});

test('first run and unlock work with the keyboard alone', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type('correct horse battery staple');
  await page.getByLabel('Type the passphrase again').focus();
  await page.keyboard.type('correct horse battery staple');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Write down your recovery key' })).toBeVisible({ timeout: 30_000 });
  const checkbox = page.getByLabel('I have written down my recovery key');
  for (let i = 0; i < 10 && !(await checkbox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await page.keyboard.type('correct horse battery staple');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible({ timeout: 30_000 });
});
