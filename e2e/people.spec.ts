/**
 * People: two hospitals' records of one person are one person in the library; a record with another
 * birth date stays apart, can be linked by hand ("This is the same person") and split off again
 * ("This is someone else"); the profile is edited with labelled fields and kept after locking.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeSeries, type FixtureOptions } from '../main/test-support/dicom-fixtures';
import { violations } from './support/axe';
import { confirm, createVault, importPath, openPerson, PASSPHRASE, personSection, unlock } from './support/pages';
import { test, expect, type ServedApp } from './support/serve-fixture';

test.use({ bypassCSP: true });

/** One folder with three records: two of the same person from different hospitals, one with another birth date. */
function threeRecords(app: ServedApp): string {
  const root = path.join(path.dirname(app.vaultDir), 'DOWNLOADS');
  const records: [string, FixtureOptions][] = [
    ['MERCY', { patientName: 'DOE^JANE', birthDate: '19800412', patientId: 'MERCY-1', studyDescription: 'CT HEAD', institution: 'Mercy Hospital' }],
    ['NORTH', { patientName: 'Doe^Jane^^', birthDate: '19800412', patientId: 'NORTH-2', studyDescription: 'MR KNEE', modality: 'MR', institution: 'Northside' }],
    ['CLINIC', { patientName: 'DOE^JANE', birthDate: '19800413', patientId: 'CLINIC-3', studyDescription: 'US ABDOMEN', modality: 'US', institution: 'Clinic' }],
  ];
  for (const [folder, o] of records) {
    mkdirSync(path.join(root, folder), { recursive: true });
    makeSeries(2, { ...o, rows: 16, columns: 16 }).forEach((b, i) => writeFileSync(path.join(root, folder, `IM${i}`), b));
  }
  return root;
}

test('records are grouped by person, linked and unlinked by hand, and the profile is kept', async ({ app, page }) => {
  await createVault(page, app.url);
  await importPath(page, threeRecords(app), 'Hospital downloads');
  await page.getByRole('button', { name: 'Go to library' }).click();

  // Same name and birth date, different patient IDs: one person with both studies.
  const jane = personSection(page, 'MERCY-1');
  await expect(jane).toContainText('Patient ID NORTH-2');
  await expect(jane).toContainText('2 studies');
  await expect(jane).not.toContainText('CLINIC-3');
  await expect(personSection(page, 'CLINIC-3')).toContainText('1 study');
  // The study list is one list for everyone; a person's button narrows it to their studies.
  await jane.getByRole('button', { name: /^Only their studies/ }).click();
  await expect(page.getByRole('list', { name: 'Studies' }).getByRole('article')).toHaveCount(2);
  await jane.getByRole('button', { name: /^Only their studies/ }).click();
  await expect(page.getByRole('list', { name: 'Studies' }).getByRole('article')).toHaveCount(3);
  expect(await violations(page), 'library with people').toEqual([]);

  await openPerson(page, 'MERCY-1');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const records = page.getByRole('region', { name: 'Records from hospitals' });
  await expect(records.getByRole('listitem')).toHaveCount(2);

  // "This is the same person": the record with the other birth date, after a confirmation.
  const select = page.getByLabel('Record listed under someone else');
  const option = (await select.getByRole('option', { name: /CLINIC-3/ }).textContent())!;
  await select.selectOption({ label: option });
  await page.getByRole('button', { name: 'This is the same person' }).click();
  await expect(page.getByRole('dialog', { name: 'Is this the same person?' })).toContainText('is now listed under another person with the same name. It will move, with its 1 study, to');
  expect(await violations(page), 'link confirmation').toEqual([]);
  await confirm(page, 'Is this the same person?', 'Yes, same person');
  await expect(records.getByRole('listitem')).toHaveCount(3);
  await expect(records.getByRole('listitem').filter({ hasText: 'CLINIC-3' })).toContainText('placed here by you');

  // With the keyboard: Enter opens the confirmation with focus inside it, Escape cancels, changes
  // nothing and puts focus back on the button.
  const split = page.getByRole('button', { name: /^This is someone else: .*CLINIC-3/ });
  await split.focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: 'Is this record someone else?' });
  await expect(ask.getByRole('button', { name: 'Yes, this is someone else' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(split).toBeFocused();
  await expect(records.getByRole('listitem')).toHaveCount(3);

  // "This is someone else": back to a person of its own.
  await page.getByRole('button', { name: /^This is someone else: .*CLINIC-3/ }).click();
  await expect(page.getByRole('dialog', { name: 'Is this record someone else?' })).toContainText('Nothing is deleted');
  await confirm(page, 'Is this record someone else?', 'Yes, this is someone else');
  await expect(records.getByRole('listitem')).toHaveCount(2);

  // The profile: a wrong email is shown beside its field; then everything is saved.
  await page.getByLabel('Legal name').fill('Jane Ann Doe');
  await page.getByLabel('Birth date').fill('1980-04-12');
  await page.getByLabel('Former names').fill('Jane Smith');
  await page.getByLabel('Email', { exact: true }).fill('jane at example');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('need a look');
  await page.getByLabel('Email', { exact: true }).fill('jane@example.org');
  await page.getByRole('button', { name: 'Add a record number' }).click();
  await page.getByLabel('Hospital or practice').fill('Mercy Hospital');
  await page.getByLabel('Record number', { exact: true }).fill('MRN-0001');
  const rep = page.getByRole('group', { name: 'Someone who acts for this person (a parent for a child)' });
  await rep.getByLabel('Their name').fill('Pat Doe');
  await rep.getByLabel('Relationship').fill('parent');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  expect(await violations(page), 'person page').toEqual([]);

  await page.getByLabel('Name shown in ScanVault').fill('Jane (me)');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jane (me)' })).toBeVisible();

  await page.getByRole('button', { name: '← Back to library' }).click();
  await expect(page.getByRole('region', { name: 'Jane (me)' })).toContainText('Patient ID NORTH-2');
  await expect(page.getByRole('region', { name: 'Jane (me)' })).not.toContainText('CLINIC-3');

  // Kept in the vault: lock, unlock, and the profile is still there.
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlock(page, PASSPHRASE);
  await openPerson(page, 'MERCY-1');
  await expect(page.getByLabel('Legal name')).toHaveValue('Jane Ann Doe');
  await expect(page.getByLabel('Record number', { exact: true })).toHaveValue('MRN-0001');
  await expect(page.getByLabel('Their name')).toHaveValue('Pat Doe');
});
