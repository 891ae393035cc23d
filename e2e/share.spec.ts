/**
 * Sharing in the app, through the browser host: the wizard end to end to a folder (an ultrasound
 * series held back for burned-in text: one picture left out, one released after a confirmation) and,
 * as a follow-up to the same doctor, to a zip; both copies exist on disk and verifyExport says ok. Then
 * the record of shares: both shares listed, the CSV download's content, the printout, and a share
 * made elsewhere recorded with a letter (after plain-words validation errors). axe on every step;
 * screenshots of every step go to test-results. A second test covers a held-back series with a
 * mask drawn and moved with the keyboard, applied to the whole series.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeSeries } from '../main/test-support/dicom-fixtures';
import { violations } from './support/axe';
import { confirm, createVault, importPath } from './support/pages';
import { editBoxWithKeyboard, nextStep, shareStep, verifyExportInPage } from './support/share-pages';
import { test, expect, type ServedApp } from './support/serve-fixture';

test.use({ bypassCSP: true });

const JANE = { patientName: 'DOE^JANE', birthDate: '19800412', patientId: 'MERCY-77', institution: 'Mercy Imaging' };

function cd(app: ServedApp): string {
  const dir = path.join(path.dirname(app.vaultDir), 'CD');
  mkdirSync(dir, { recursive: true });
  makeSeries(2, { ...JANE, modality: 'CT', studyDescription: 'CT HEAD', studyDate: '20240320', rows: 64, columns: 64 }).forEach((b, i) => writeFileSync(path.join(dir, `CT${i}`), b));
  // Ultrasound commonly burns the patient's name into the picture: held back for review.
  makeSeries(2, { ...JANE, modality: 'US', studyDescription: 'US ABDOMEN', studyDate: '20240402', seriesDescription: 'LIVER', rows: 96, columns: 128 }).forEach((b, i) => writeFileSync(path.join(dir, `US${i}`), b));
  return dir;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function axe(page: Page, what: string): Promise<void> {
  expect(await violations(page), what).toEqual([]);
}

test('share a study through the wizard to a folder and a zip, then keep the record of shares', async ({ app, page }) => {
  test.setTimeout(300_000);
  const root = path.dirname(app.vaultDir);
  await createVault(page, app.url);
  await importPath(page, cd(app), 'CD from Mercy Imaging');
  await page.getByRole('button', { name: 'Go to library' }).click();

  // A study's "Share…" opens the wizard with that study ticked.
  await page.getByRole('button', { name: 'Share study: 2 April 2024, US ABDOMEN' }).click();
  await shareStep(page, 1, 'Choose what to share');
  await expect(page.getByLabel('2 April 2024, US ABDOMEN')).toBeChecked();
  await expect(page.getByLabel('20 March 2024, CT HEAD')).not.toBeChecked();
  await page.getByLabel('20 March 2024, CT HEAD').check();
  await axe(page, 'step 1');
  await shot(page, 'share-1-choose');
  await nextStep(page);

  // Next without a name or purpose: plain words under the fields.
  await shareStep(page, 2, 'Who receives it, and why');
  await nextStep(page);
  await expect(page.getByText('Write the name of the person or place that receives the copy.')).toBeVisible();
  await expect(page.getByLabel('Recipient’s name')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Recipient’s name').fill('Dr Ana Lee');
  await page.getByLabel('Their role').fill('Radiologist');
  await page.getByLabel('Organisation').fill('City Clinic');
  await page.getByLabel('How to reach them').fill('ana.lee@cityclinic.example');
  await page.getByLabel('Why you share it').fill('Second opinion on my liver ultrasound');
  await axe(page, 'step 2');
  await shot(page, 'share-2-recipient');
  await nextStep(page);

  await shareStep(page, 3, 'How to share');
  await expect(page.getByLabel('De-identified copy (recommended)')).toBeChecked();
  await expect(page.getByLabel('Keep the time between scans')).toBeChecked();
  await expect(page.getByLabel('Keep the hospital’s name')).not.toBeChecked();
  await expect(page.getByLabel('Include the reports too')).not.toBeChecked();
  await page.getByLabel('Identified copy (the originals)').check();
  await expect(page.getByRole('note')).toContainText('carries your name');
  await page.getByLabel('De-identified copy (recommended)').check();
  await axe(page, 'step 3');
  await shot(page, 'share-3-method');
  await page.getByRole('button', { name: 'Prepare the copy' }).click();

  // Preparing runs as a job, then one file before and after.
  await shareStep(page, 4, 'Check one file', 60_000);
  const nameRow = page.getByRole('row').filter({ hasText: 'PatientName' });
  await expect(nameRow).toContainText('DOE^JANE');
  await expect(nameRow).toContainText('Replaced with the made-up name');
  const birthRow = page.getByRole('row').filter({ hasText: 'PatientBirthDate' });
  await expect(birthRow).toContainText('19800412');
  await expect(birthRow.getByRole('cell').nth(1)).not.toContainText('19800412');
  await page.getByLabel('File', { exact: true }).selectOption({ index: 2 });
  await expect(page.getByRole('row').filter({ hasText: 'PatientName' })).toContainText('DOE^JANE');
  await axe(page, 'step 4');
  await shot(page, 'share-4-preview');
  await nextStep(page);

  // The ultrasound pictures are held back. Boxes move and resize with the keyboard; the first
  // picture is left out, the second included as it is after a confirmation.
  await shareStep(page, 5, 'Pictures that may show text');
  await expect(page.getByText('Item 1 of 2')).toBeVisible();
  await expect(page.getByRole('img', { name: 'The held-back picture' })).toBeVisible();
  await editBoxWithKeyboard(page);
  await axe(page, 'step 5');
  await shot(page, 'share-5-review');
  await page.getByRole('button', { name: 'Leave it out' }).click();
  await expect(page.getByText('Item 2 of 2')).toBeVisible();
  await page.getByRole('button', { name: 'Include as it is…' }).click();
  await confirm(page, 'Include it as it is?', 'Include as it is');
  await expect(page.getByRole('status').filter({ hasText: 'Every item has a decision.' })).toContainText('0 covered, 1 left out, 1 included');
  await nextStep(page);

  await shareStep(page, 6, 'Where to save it');
  await page.getByLabel('New folder for the copy').fill('relative/folder');
  await nextStep(page);
  await expect(page.getByRole('alert')).toContainText('full path');
  const folder = path.join(root, 'for-dr-lee');
  await page.getByLabel('New folder for the copy').fill(folder);
  await axe(page, 'step 6');
  await shot(page, 'share-6-destination');
  await nextStep(page);

  await shareStep(page, 7, 'What will leave this computer');
  const summary = page.getByTestId('share-summary');
  await expect(summary).toContainText('3 files');
  await expect(summary).toContainText('2 studies');
  await expect(summary).toContainText('0 covered and included, 1 included as they are, 1 left out');
  await expect(summary).toContainText('Dr Ana Lee, Radiologist, City Clinic');
  const pseudonym = (await summary.locator('code').first().innerText()).trim();
  expect(pseudonym).not.toContain('DOE');
  await axe(page, 'step 7');
  await shot(page, 'share-7-summary');
  await page.getByRole('button', { name: 'Export', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'The copy is ready' })).toBeFocused({ timeout: 60_000 });
  const fingerprint = (await page.getByTestId('export-fingerprint').innerText()).trim();
  expect(fingerprint.length).toBeGreaterThan(10);
  await axe(page, 'done');
  await shot(page, 'share-8-done');
  expect(existsSync(path.join(folder, 'DICOMDIR'))).toBe(true);
  const checkedFolder = await verifyExportInPage(page, folder, fingerprint);
  // The manifest lists the 3 DICOM files plus the DICOMDIR and the doctor's README.
  expect(checkedFolder).toMatchObject({ ok: true, signatureValid: true, fingerprintMismatch: false, files: 5, problems: [] });

  // A follow-up to the same doctor, as a zip: the same made-up name, so the doctor can compare.
  await page.getByRole('button', { name: 'Share something else' }).click();
  await page.getByLabel('20 March 2024, CT HEAD').check();
  await nextStep(page);
  await page.getByLabel('Recipient’s name').fill('Dr Ana Lee');
  await page.getByLabel('Why you share it').fill('Follow-up: the head CT');
  await nextStep(page);
  await page.getByLabel(/A follow-up to the share of/).check();
  await page.getByRole('button', { name: 'Prepare the copy' }).click();
  await shareStep(page, 4, 'Check one file', 60_000);
  await nextStep(page);
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was held back' })).toBeVisible();
  await nextStep(page);
  await page.getByLabel('One zip file').check();
  const zip = path.join(root, 'for-dr-lee-2.zip');
  await page.getByLabel('Save the zip file as').fill(zip);
  await nextStep(page);
  await expect(page.getByTestId('share-summary')).toContainText(pseudonym);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'The copy is ready' })).toBeVisible({ timeout: 60_000 });
  expect(existsSync(zip)).toBe(true);
  expect(await verifyExportInPage(page, zip, fingerprint)).toMatchObject({ ok: true, files: 4, problems: [] });

  // The record of shares: both, newest first, with the signing key.
  await page.getByRole('button', { name: 'See your record of shares' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shares' })).toBeVisible();
  await expect(page.getByTestId('signing-key')).toHaveText(fingerprint);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Follow-up: the head CT');
  await expect(rows.nth(2)).toContainText('Second opinion on my liver ultrasound');
  await expect(rows.nth(2)).toContainText(pseudonym);
  await axe(page, 'record of shares');
  await shot(page, 'share-9-history');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^shares-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('Dr Ana Lee');
  expect(csv).toContain('Second opinion on my liver ultrasound');
  expect(csv).toContain(pseudonym);
  expect(csv.trim().split('\n').length).toBe(3);

  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('article', { name: 'Record of shares' })).toContainText('Dr Ana Lee');
  await axe(page, 'print preview');
  await shot(page, 'share-10-print');
  await page.getByRole('button', { name: '← Back to the record of shares' }).click();

  // A share made elsewhere: validation in plain words, then recorded with a letter.
  await page.getByRole('button', { name: 'Record a share made elsewhere…' }).click();
  const form = page.getByRole('form', { name: 'Record a share made elsewhere' });
  await form.getByLabel('Date it happened').fill('2024-02-30');
  await form.getByRole('button', { name: 'Record this share' }).click();
  await expect(form.getByText('That date does not exist.')).toBeVisible();
  await expect(form.getByText('Say how it was shared')).toBeVisible();
  await form.getByLabel('Date it happened').fill('2024-05-02');
  await form.getByLabel('How it was shared').fill('CD sent by the hospital');
  await form.getByLabel('Recipient’s name').fill('Acme Health Insurance');
  await form.getByLabel('Why it was shared').fill('Claim review');
  await form.getByLabel('20 March 2024, CT HEAD').check();
  const letter = path.join(root, 'letter.pdf');
  const other = await page.context().newPage();
  await other.setContent('<p>Mercy Imaging sent your CT to Acme Health Insurance on 2 May 2024.</p>');
  writeFileSync(letter, await other.pdf({ format: 'A4' }));
  await other.close();
  await form.getByLabel('A letter or document about it (optional)').setInputFiles(letter);
  await axe(page, 'outside share form');
  await shot(page, 'share-11-outside');
  await form.getByRole('button', { name: 'Record this share' }).click();
  await expect(form.getByRole('status')).toHaveText('The share with Acme Health Insurance is now in the record.');
  await expect(rows).toHaveCount(4);
  const outside = rows.filter({ hasText: 'Acme Health Insurance' });
  await expect(outside).toContainText('Made outside ScanVault');
  await expect(outside).toContainText('Letter attached');
  await shot(page, 'share-12-history-after');
});

test('a held-back ultrasound series is covered with a mask moved by the keyboard', async ({ app, page }) => {
  const dir = path.join(path.dirname(app.vaultDir), 'US');
  mkdirSync(dir, { recursive: true });
  makeSeries(3, { ...JANE, modality: 'US', studyDescription: 'US ABDOMEN', studyDate: '20240402', rows: 96, columns: 128 }).forEach((b, i) => writeFileSync(path.join(dir, `US${i}`), b));
  await createVault(page, app.url);
  await importPath(page, dir, 'Portal download');
  await page.getByRole('button', { name: 'Go to library' }).click();
  await page.getByRole('button', { name: 'Share study: 2 April 2024, US ABDOMEN' }).click();
  await nextStep(page);
  await page.getByLabel('Recipient’s name').fill('Dr Ana Lee');
  await page.getByLabel('Why you share it').fill('Second opinion');
  await nextStep(page);
  await page.getByRole('button', { name: 'Prepare the copy' }).click();
  await shareStep(page, 4, 'Check one file', 60_000);
  await nextStep(page);
  await shareStep(page, 5, 'Pictures that may show text');
  const noScreening = await page.getByRole('note').filter({ hasText: 'could not look for text inside the pictures' }).count();
  test.skip(noScreening > 0, 'this build has no burned-in screening or masking yet (the core says so); it arrives with the burned-in branch');
  await expect(page.getByText('Item 1 of 3')).toBeVisible();
  await editBoxWithKeyboard(page);
  await page.getByLabel(/Do the same for all 3 held-back pictures/).check();
  await page.getByRole('button', { name: 'Cover the boxes and include' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Every item has a decision.' })).toContainText('3 covered');
  await shot(page, 'share-mask-review');
  await nextStep(page);
  const folder = path.join(path.dirname(app.vaultDir), 'masked');
  await page.getByLabel('New folder for the copy').fill(folder);
  await nextStep(page);
  await expect(page.getByTestId('share-summary')).toContainText('3 covered and included');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'The copy is ready' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('3 pictures with text covered')).toBeVisible();
  const fingerprint = (await page.getByTestId('export-fingerprint').innerText()).trim();
  expect(await verifyExportInPage(page, folder, fingerprint)).toMatchObject({ ok: true, files: 5, problems: [] });
});
