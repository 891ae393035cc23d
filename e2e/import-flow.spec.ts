import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeSeries } from '../main/test-support/dicom-fixtures';
import { createVault, importPath, PASSPHRASE, unlock } from './support/pages';
import { test, expect, type ServedApp } from './support/serve-fixture';

/** A small CD-like tree beside the test's vault folder (removed with it by the fixture). */
function fixtureCd(app: ServedApp): string {
  const root = path.dirname(app.vaultDir);
  const cd = path.join(root, 'MERCY_CD');
  mkdirSync(path.join(cd, 'IMAGES'), { recursive: true });
  makeSeries(4, { patientName: 'DOE^JANE', studyDescription: 'CT HEAD', seriesDescription: 'AXIAL', rows: 32, columns: 32 })
    .forEach((b, i) => writeFileSync(path.join(cd, 'IMAGES', `IM${i}`), b));
  writeFileSync(path.join(cd, 'AUTORUN.INF'), '[autorun]\nopen=viewer.exe\n');
  writeFileSync(path.join(cd, 'IMAGES', 'BROKEN'), Buffer.from('DICM but not really'));
  return cd;
}

test('create a vault, import a CD by path, see it in the library, lock and unlock', async ({ app, page }) => {
  const recoveryKey = await createVault(page, app.url);
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}[ -]?){9}$/);
  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();

  await importPath(page, fixtureCd(app), 'CD from Mercy Hospital');
  await expect(page.getByText('4', { exact: true }).first()).toBeVisible();
  await page.getByText('Skipped (1)').click();
  await expect(page.getByText('MERCY_CD/AUTORUN.INF')).toBeVisible();
  await page.getByText('Could not be imported (1)').click();
  await expect(page.getByText('MERCY_CD/IMAGES/BROKEN')).toBeVisible();

  await page.getByRole('button', { name: 'Go to library' }).click();
  await expect(page.getByText('Jane Doe').first()).toBeVisible();
  const study = page.getByRole('article').filter({ hasText: 'CT HEAD' });
  await expect(study).toContainText('CD from Mercy Hospital');
  await study.getByRole('button', { name: /Show 1 series/ }).click();
  await expect(study.getByRole('img', { name: /Preview of Series/ })).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await unlock(page, 'not my passphrase at all');
  await expect(page.getByRole('alert')).toContainText('passphrase');
  await unlock(page, PASSPHRASE);
  await expect(page.getByText('Jane Doe').first()).toBeVisible({ timeout: 30_000 });
});

test('a clear error for a path that does not exist', async ({ app, page }) => {
  await createVault(page, app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Path on this computer').fill('/no/such/folder');
  await page.getByLabel('Where did this copy come from?').fill('Nowhere');
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('alert')).toContainText(/could not be found|Nothing to import/);
});

test('check vault reports all good after an import', async ({ app, page }) => {
  await createVault(page, app.url);
  await importPath(page, fixtureCd(app), 'USB stick');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Check vault' }).click();
  await page.getByRole('button', { name: 'Check vault now' }).click();
  await expect(page.getByRole('heading', { name: 'All good' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/index pages, 4 stored files/)).toBeVisible();
  await expect(page.locator('code.anchor')).toHaveText(/^[0-9]+:[0-9a-f]{64}$/);
});

test('import files picked in the browser: sent over loopback, held in memory, stored', async ({ app, page }) => {
  await createVault(page, app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  const files = makeSeries(3, { patientName: 'ROE^RICHARD', studyDescription: 'MR KNEE', modality: 'MR' })
    .map((buffer, i) => ({ name: `IM${i}.dcm`, mimeType: 'application/dicom', buffer }));
  await page.getByLabel('Choose files…').setInputFiles(files);
  await page.getByLabel('Where did this copy come from?').fill('Portal download');
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Go to library' }).click();
  await expect(page.getByText('Richard Roe').first()).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'MR KNEE' })).toContainText('3');
});
