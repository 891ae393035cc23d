/**
 * The library at scale, seen from the page: the search narrows the list, a filter and "Clear
 * search" work, opening a study (click and Enter) reaches the study screen, and a series is
 * removed after a confirmation that says exactly what goes and that earlier backups keep it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeSeries, newUid } from '../main/test-support/dicom-fixtures';
import { violations } from './support/axe';
import { createVault, importPath } from './support/pages';
import { test, expect, type ServedApp } from './support/serve-fixture';

test.use({ bypassCSP: true });

function threeStudies(app: ServedApp): string {
  const root = path.join(path.dirname(app.vaultDir), 'SCANS');
  mkdirSync(root, { recursive: true });
  const head = newUid();
  const files = [
    ...makeSeries(2, { studyUid: head, studyDescription: 'CT HEAD', seriesDescription: 'AXIAL', studyDate: '20240315', rows: 16, columns: 16 }),
    ...makeSeries(1, { studyUid: head, studyDescription: 'CT HEAD', seriesDescription: 'CORONAL', studyDate: '20240315', rows: 16, columns: 16 }),
    ...makeSeries(1, { studyDescription: 'MR KNEE', modality: 'MR', bodyPart: 'KNEE', studyDate: '20230101', institution: 'Northside', rows: 16, columns: 16 }),
    ...makeSeries(1, { studyDescription: 'US ABDOMEN', modality: 'US', studyDate: '20220101', rows: 16, columns: 16 }),
  ];
  files.forEach((b, i) => writeFileSync(path.join(root, `IM${i}`), b));
  return root;
}

test('search narrows the list, a study opens, a series is removed after confirmation', async ({ app, page }) => {
  await createVault(page, app.url);
  await importPath(page, threeStudies(app), 'Hospital downloads');
  await page.getByRole('button', { name: 'Go to library' }).click();

  const count = page.getByRole('status').filter({ hasText: /stud(y|ies)/ });
  const studies = page.getByRole('list', { name: 'Studies' }).getByRole('article');
  await expect(count).toHaveText('3 studies in the vault');
  await expect(studies).toHaveCount(3);

  await page.getByRole('searchbox', { name: 'Search' }).fill('knee');
  await expect(count).toHaveText('1 study match');
  await expect(studies).toHaveCount(1);
  await expect(studies.first()).toContainText('MR KNEE');
  expect(await violations(page), 'library with a search').toEqual([]);

  await page.getByRole('searchbox', { name: 'Search' }).fill('northside knee');
  await expect(studies).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search' }).fill('no such scan');
  await expect(page.getByRole('heading', { name: 'No studies match' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(studies).toHaveCount(3);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');

  await page.getByLabel('Kind of scan').selectOption('US');
  await expect(studies).toHaveCount(1);
  await expect(studies.first()).toContainText('US ABDOMEN');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByLabel('From date').fill('2023-01-01');
  await expect(studies).toHaveCount(2);
  await page.getByLabel('Sort by').selectOption('date-oldest');
  await expect(studies.first()).toContainText('MR KNEE');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(studies).toHaveCount(3);

  // Open by click, back, then by keyboard (Enter).
  await page.getByRole('button', { name: /^Open study: .*CT HEAD/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /CT HEAD/ })).toBeVisible();
  await page.getByRole('button', { name: 'Back to library' }).click();
  await page.getByRole('button', { name: /^Open study: .*MR KNEE/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /MR KNEE/ })).toBeVisible();
  await page.getByRole('button', { name: 'Back to library' }).click();

  // Remove one series of the CT: the dialog says what goes, Cancel first; cancelling keeps it.
  const ct = studies.filter({ hasText: 'CT HEAD' });
  await ct.getByRole('button', { name: 'Show 2 series' }).click();
  await ct.getByRole('button', { name: /^Remove Series 1: AXIAL from the vault/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove this series from the vault?' });
  await expect(dialog).toContainText('This removes 1 series and 2 pictures');
  await expect(dialog).toContainText('They came from: Hospital downloads.');
  await expect(dialog).toContainText('Backups of the vault made earlier still hold them');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await violations(page), 'removal confirmation').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(ct).toContainText('3 pictures');

  await ct.getByRole('button', { name: /^Remove Series 1: AXIAL from the vault/ }).click();
  await dialog.getByRole('button', { name: 'Remove from vault' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Removed 1 series and 2 pictures from the vault.' })).toBeFocused();
  await expect(studies.filter({ hasText: 'CT HEAD' })).toContainText('1 series · 1 picture');
  await expect(studies).toHaveCount(3);
});
