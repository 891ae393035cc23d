/**
 * AI-use record, from an empty vault: the Providers view (add a facility and an AI company, change
 * one, attach a document to one and see it listed) and planning an exam for someone new before any
 * import. axe on every screen.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { violations } from './support/axe';
import { createVault } from './support/pages';
import { test, expect } from './support/serve-fixture';

test.use({ bypassCSP: true });

/** A one-page privacy notice, printed to PDF by the browser itself. */
async function noticePdf(page: Page, file: string): Promise<void> {
  const other = await page.context().newPage();
  await other.setContent('<html><body style="font: 14px sans-serif"><h1>NimbusRad privacy notice</h1><p>We process images in the cloud.</p></body></html>');
  writeFileSync(file, await other.pdf({ format: 'A4' }));
  await other.close();
}

test('providers are added, changed and given documents, and an exam is planned for someone new', async ({ app, page }, testInfo) => {
  test.setTimeout(120_000);
  await createVault(page, app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'AI use' }).click();
  await page.getByRole('button', { name: 'Providers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Facilities' })).toContainText('No facilities yet.');
  expect(await violations(page), 'providers, empty').toEqual([]);

  // A facility; saving without a name says what is missing, beside the field.
  await page.getByRole('button', { name: 'Add a facility or AI company' }).click();
  const form = page.getByRole('form', { name: 'Add a facility or AI company' });
  await expect(form.getByLabel('Facility (hospital, clinic or imaging centre)')).toBeChecked();
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByText('Name: type the name of the facility or company.')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('see the messages beside them');
  expect(await violations(page), 'provider form with an error').toEqual([]);
  await form.getByLabel('Name', { exact: true }).fill('Northside Clinic');
  await form.getByLabel('Address, phone or email').fill('4 River Lane\nSpringfield');
  await form.getByLabel('Privacy office or officer').fill('Privacy Officer');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Northside Clinic is added.' })).toBeVisible();

  // An AI company.
  await page.getByRole('button', { name: 'Add a facility or AI company' }).click();
  await form.getByLabel('AI company (makes or runs an AI tool)').check();
  await form.getByLabel('Name', { exact: true }).fill('NimbusRad');
  await form.getByLabel('What they say about AI in general').fill('Images are read by our cloud AI and deleted after 30 days.');
  await form.getByRole('button', { name: 'Add' }).click();
  const vendors = page.getByRole('list', { name: 'AI companies' });
  await expect(vendors.getByRole('region', { name: 'NimbusRad' })).toContainText('deleted after 30 days');
  await expect(page.getByRole('list', { name: 'Facilities' }).getByRole('region', { name: 'Northside Clinic' })).toContainText('4 River Lane');

  // Change the facility: its new name and privacy officer show once saved.
  await page.getByRole('button', { name: 'Change details of Northside Clinic' }).click();
  const change = page.getByRole('form', { name: 'Change Northside Clinic' });
  await expect(change.getByLabel('Name', { exact: true })).toHaveValue('Northside Clinic');
  await change.getByLabel('Name', { exact: true }).fill('Northside Imaging Clinic');
  await change.getByLabel('Privacy office or officer').fill('Ms Okafor, Privacy Office');
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes to Northside Imaging Clinic are saved.' })).toBeVisible();
  const northside = page.getByRole('list', { name: 'Facilities' }).getByRole('region', { name: 'Northside Imaging Clinic' });
  await expect(northside).toContainText('Ms Okafor, Privacy Office');
  await expect(page.getByRole('region', { name: 'Northside Clinic', exact: true })).toHaveCount(0);

  // A document attached to the AI company, listed with it.
  const nimbus = vendors.getByRole('region', { name: 'NimbusRad' });
  await nimbus.getByText('Documents of NimbusRad (0)').click();
  const pdf = path.join(path.dirname(app.vaultDir), 'nimbus-notice.pdf');
  await noticePdf(page, pdf);
  await nimbus.getByLabel('Document (PDF or photo)').setInputFiles(pdf);
  await expect(nimbus.getByLabel('Kind of document')).toHaveValue('privacy-notice');
  await nimbus.getByLabel('Title (optional)').fill('NimbusRad privacy notice');
  await nimbus.getByRole('button', { name: 'Attach document' }).click();
  await expect(nimbus.getByText('“NimbusRad privacy notice” is attached and stored encrypted.')).toBeVisible();
  await expect(nimbus.getByRole('list', { name: 'Documents of NimbusRad' })).toContainText('NimbusRad privacy notice');
  await expect(nimbus).toContainText('1 document');
  await page.screenshot({ path: testInfo.outputPath('providers.png'), fullPage: true });
  expect(await violations(page), 'providers with documents').toEqual([]);

  // No scans yet: an exam is planned for someone new, named by the patient.
  await page.getByRole('button', { name: '← Back to AI use' }).click();
  await page.getByRole('button', { name: 'Plan an exam' }).click();
  await expect(page.getByLabel('Whose exam')).toHaveValue('new');
  await page.getByLabel('Exam date').fill('2026-12-10');
  await page.getByLabel('Kind of scan').selectOption({ label: 'CT scan' });
  await page.getByLabel('Facility').selectOption({ label: 'Northside Imaging Clinic' });
  await page.getByRole('button', { name: 'Save planned exam' }).click();
  await expect(page.getByText('Name: type who the exam is for')).toBeVisible();
  await expect(page.getByLabel('Their name')).toHaveAttribute('aria-invalid', 'true');
  expect(await violations(page), 'plan for someone new, with an error').toEqual([]);
  await page.getByLabel('Their name').fill('Little Sam');
  await page.getByRole('button', { name: 'Save planned exam' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '10 December 2026, CT scan' })).toBeFocused();

  await page.getByRole('button', { name: '← Back to AI use' }).click();
  const exams = page.getByRole('list', { name: 'Exams' });
  await expect(exams.getByRole('button', { name: /^Open exam: / })).toHaveCount(1);
  await expect(exams).toContainText('Little Sam');
  await expect(exams).toContainText('Northside Imaging Clinic');
  // The next exam can be for the same person, now in the list.
  await page.getByRole('button', { name: 'Plan an exam' }).click();
  await expect(page.getByLabel('Whose exam').getByRole('option', { name: 'Little Sam' })).toHaveCount(1);
  expect(await violations(page), 'plan with a person').toEqual([]);
});
