/**
 * AI-use record: plan an exam, answer questions (progress, flags, history, follow-ups), attach a
 * consent form and record the answer a flagged passage implies, import the exam's images and link
 * them, then print the checklist and a letter to PDF and read the text back. axe on every screen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { QUESTIONNAIRE } from '../shared/questionnaire';
import { makeSeries } from '../main/test-support/dicom-fixtures';
import { violations } from './support/axe';
import { filesUnder, findIdentifiers } from './support/leak-scan';
import { createVault, importPath } from './support/pages';
import { pdfText } from './support/pdf-text';
import { test, expect, type ServedApp } from './support/serve-fixture';

test.use({ bypassCSP: true });

const JANE = { patientName: 'DOE^JANE', birthDate: '19800412', patientId: 'MERCY-1', institution: 'Mercy Imaging', rows: 16, columns: 16 };

function studyFolder(app: ServedApp, name: string, o: Parameters<typeof makeSeries>[1]): string {
  const dir = path.join(path.dirname(app.vaultDir), name);
  mkdirSync(dir, { recursive: true });
  makeSeries(2, { ...JANE, ...o }).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  return dir;
}

/** A two-page consent form, printed to PDF by the browser itself (no PDF library needed). */
async function consentFormPdf(page: Page, file: string): Promise<void> {
  const other = await page.context().newPage();
  await other.setContent(`<html><body style="font: 14px sans-serif">
    <h1>Mercy Imaging: consent for imaging</h1>
    <p>I agree to have the imaging examination my doctor ordered. The procedure and its risks were explained to me.</p>
    <h2 style="break-before: page">How we use your images</h2>
    <p>Your images may be de-identified and used to train artificial intelligence models that improve our products.</p>
    <p>We may send images to a cloud service operated by our technology partner.</p>
  </body></html>`);
  writeFileSync(file, await other.pdf({ format: 'A4' }));
  await other.close();
}

const question = (page: Page, text: string): Locator => page.getByRole('article', { name: new RegExp(`^\\d+\\. ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });

async function answerYesNo(page: Page, text: string, value: 'Yes' | 'No', by: { name: string; role: string; quote: string }): Promise<void> {
  const q = question(page, text);
  await q.getByRole('button', { name: `Answer: ${text}` }).click();
  await q.getByRole('group', { name: 'Their answer' }).getByLabel(value, { exact: true }).check();
  await q.getByLabel('Name', { exact: true }).fill(by.name);
  await q.getByLabel('Role', { exact: true }).fill(by.role);
  await q.getByLabel('Organisation').fill('Mercy Imaging');
  await q.getByLabel('How they answered').selectOption('phone');
  await q.getByLabel('Their exact words').fill(by.quote);
  await q.getByRole('button', { name: 'Save answer' }).click();
  await expect(q.getByText(by.quote)).toBeVisible();
  // Focus comes back to the question, not to the top of the page.
  await expect(q.getByRole('button', { name: `Change answer: ${text}` })).toBeFocused();
}

async function printToPdf(page: Page, file: string): Promise<string> {
  const bytes = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(file, bytes);
  expect(bytes.length).toBeGreaterThan(1000);
  return (await pdfText(bytes)).text;
}

/** From the AI use page: plan the coming chest CT at Mercy Imaging; ends on the exam's page. */
async function planExam(page: Page, checkAxe = false): Promise<void> {
  await page.getByRole('button', { name: 'Plan an exam' }).click();
  await page.getByLabel('Exam date').fill('2026-12-10');
  await page.getByLabel('Kind of scan').selectOption({ label: 'CT scan' });
  // The earlier import named Mercy Imaging as its institution: it is a facility already.
  await page.getByLabel('Facility').selectOption({ label: 'Mercy Imaging' });
  await page.getByLabel('Body part').fill('Chest');
  await page.getByLabel('Ordering provider').fill('Dr Patel');
  await page.getByLabel('Reason for the exam').fill('Follow-up of a cough');
  if (checkAxe) expect(await violations(page), 'plan an exam').toEqual([]);
  await page.getByRole('button', { name: 'Save planned exam' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '10 December 2026, CT scan of the chest' })).toBeFocused();
}

/** Attaches the consent form to the open exam. */
async function attachConsentForm(page: Page, app: ServedApp): Promise<Locator> {
  const pdf = path.join(path.dirname(app.vaultDir), 'consent.pdf');
  await consentFormPdf(page, pdf);
  await page.getByLabel('Document (PDF or photo)').setInputFiles(pdf);
  await page.getByLabel('Kind of document').selectOption({ label: 'Consent form' });
  await page.getByRole('button', { name: 'Attach document' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is attached and stored encrypted' })).toBeVisible();
  const docs = page.getByRole('list', { name: 'Attached documents' });
  await expect(docs).toContainText('consent.pdf');
  await expect(docs).toContainText('Consent form · PDF');
  return docs;
}

test('an exam planned, answered, documented, linked to its images, and printed', async ({ app, page }, testInfo) => {
  test.setTimeout(240_000);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await createVault(page, app.url);
  // An earlier scan tells ScanVault who Jane is; its study gets an exam of its own.
  await importPath(page, studyFolder(app, 'EARLIER', { studyDescription: 'MR KNEE', modality: 'MR', studyDate: '20250110' }), 'Earlier CD');

  await nav.getByRole('button', { name: 'AI use' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI use' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Exams' }).getByRole('button', { name: /^Open exam: / })).toHaveCount(1);
  // The import's exam is at the facility its study names, not "Facility not set".
  await expect(page.getByRole('list', { name: 'Exams' })).toContainText('Mercy Imaging');
  expect(await violations(page), 'dashboard').toEqual([]);

  await planExam(page, true);
  const total = QUESTIONNAIRE.questions.length;
  await expect(page.getByText(`0 of ${total} answered`)).toBeVisible();
  await expect(page.getByText('No concerns recorded yet.')).toBeVisible();

  // Answers, with who said them and how; the flags follow.
  const [aiUsed, cloud, optOut, product] = ['ai-used', 'cloud-processing', 'opt-out-secondary-use', 'ai-product']
    .map((id) => QUESTIONNAIRE.questions.find((q) => q.id === id)!.text) as [string, string, string, string];
  await answerYesNo(page, aiUsed, 'No', { name: 'Sam Reyes', role: 'Front desk', quote: 'I don’t think so.' });
  const flags = page.getByRole('list', { name: 'Concerns raised by the answers' });
  await expect(page.getByText(`1 of ${total} answered`)).toBeVisible();
  await answerYesNo(page, cloud, 'Yes', { name: 'Dr Lee', role: 'Radiologist', quote: 'It runs on the vendor’s cloud.' });
  await answerYesNo(page, optOut, 'No', { name: 'Ana Cruz', role: 'Privacy officer', quote: 'There is no opt-out for that.' });
  await expect(page.getByText(`3 of ${total} answered`)).toBeVisible();
  await expect(flags).toContainText('Cloud processing');
  await expect(flags).toContainText('No way to opt out');
  await expect(flags).toContainText('Your images or data were sent to an outside company or cloud service.');
  await expect(flags).not.toContainText('AI used');

  // Changing an answer keeps the earlier one readable.
  const used = question(page, aiUsed);
  await used.getByRole('button', { name: `Change answer: ${aiUsed}` }).click();
  await used.getByRole('group', { name: 'Their answer' }).getByLabel('Yes', { exact: true }).check();
  await used.getByLabel('Name', { exact: true }).fill('Dr Lee');
  await used.getByLabel('Their exact words').fill('Every chest CT is pre-read by an AI tool.');
  await used.getByRole('button', { name: 'Save answer' }).click();
  await expect(flags).toContainText('AI used');
  await used.getByText('Earlier answers (1)').click();
  await expect(used.locator('.history-list')).toContainText('I don’t think so.');
  await expect(page.getByText(`3 of ${total} answered`)).toBeVisible();

  // With the keyboard: Enter on "Answer" opens the form with focus on its first choice; Cancel closes it.
  const kb = question(page, QUESTIONNAIRE.questions.find((q) => q.id === 'radiologist-review')!.text);
  await kb.getByRole('button', { name: /^Answer: / }).focus();
  await page.keyboard.press('Enter');
  await expect(kb.getByRole('group', { name: 'Their answer' }).getByLabel('Yes', { exact: true })).toBeFocused();
  await kb.screenshot({ path: testInfo.outputPath('answer-form.png') });
  await kb.getByRole('button', { name: 'Cancel' }).press('Enter');
  await expect(kb.getByRole('button', { name: /^Answer: / })).toBeVisible();

  // "They will find out" stays open and can carry a follow-up date; one in the past is overdue.
  const prod = question(page, product);
  await prod.getByRole('button', { name: `Answer: ${product}` }).click();
  await prod.getByLabel('They will find out').check();
  await prod.getByRole('button', { name: 'Save answer' }).click();
  await expect(prod.getByText('They will find out')).toBeVisible();
  await expect(page.getByText(`3 of ${total} answered`)).toBeVisible();
  await used.screenshot({ path: testInfo.outputPath('question-with-history.png') });
  await prod.getByRole('button', { name: 'Set a follow-up date' }).click();
  await prod.getByLabel('Follow up by').fill('2026-01-05');
  await prod.getByRole('button', { name: 'Set follow-up date' }).click();
  await expect(prod.getByText(/Follow-up overdue: it was due 5 January 2026/)).toBeVisible();
  expect(await violations(page), 'exam with answers').toEqual([]);

  // A consent form, stored encrypted with the exam (its passages: the next test).
  await attachConsentForm(page, app);

  // The scan happened: import its images and link them to the planned exam.
  // The import page still shows the first import's report: "Import more" starts a new one.
  await nav.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('button', { name: 'Import more' }).click();
  await importPath(page, studyFolder(app, 'NEWCT', { studyDescription: 'CT CHEST', modality: 'CT', studyDate: '20261210' }), 'Mercy portal download');
  await nav.getByRole('button', { name: 'AI use' }).click();
  await expect(page.getByRole('list', { name: 'Exams' }).getByRole('button', { name: /^Open exam: / })).toHaveCount(3);
  await page.getByRole('button', { name: 'Open exam: 10 December 2026, CT scan of the chest' }).click();
  await page.getByLabel('Study with this exam’s images').selectOption({ label: '10 December 2026, CT CHEST (Mercy Imaging)' });
  await page.getByRole('button', { name: 'Link these images' }).click();
  await expect(page.getByText('In the vault: 10 December 2026, CT CHEST')).toBeVisible();
  await expect(page.getByText(`3 of ${total} answered`)).toBeVisible();
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('exam-top.png') });
  // "Only the ones still open" leaves out what is answered ("they will find out" stays).
  await page.getByLabel(/^Only the \d+ still open$/).check();
  await expect(page.getByRole('article', { name: new RegExp(`^\\d+\\. ${aiUsed}`) })).toHaveCount(0);
  await expect(question(page, product)).toBeVisible();
  await page.getByLabel(`All ${total} questions`).check();

  // The dashboard (also reached by "AI use" again from inside an exam): the import's own exam was folded into the planned one.
  await nav.getByRole('button', { name: 'AI use' }).click();
  await expect(page.getByRole('list', { name: 'Exams' }).getByRole('button', { name: /^Open exam: / })).toHaveCount(2);
  await expect(page.locator('.overview-item').filter({ hasText: 'Exams that used AI' })).toContainText('1');
  await expect(page.getByRole('region', { name: 'Follow-ups' })).toContainText('Overdue since 5 January 2026');
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });
  expect(await violations(page), 'dashboard with exams').toEqual([]);

  // The checklist prints with every question and without the app around it.
  await page.getByRole('button', { name: 'Open exam: 10 December 2026, CT scan of the chest' }).click();
  await page.getByRole('button', { name: 'Print checklist' }).click();
  await expect(page.getByRole('heading', { name: 'Questions to ask about AI at my exam' })).toBeVisible();
  expect(await violations(page), 'checklist preview').toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('checklist-preview.png') });
  // "Print" opens the browser's print window (counted here instead of opened).
  await page.evaluate(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => { w.printed += 1; };
  });
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const checklist = await printToPdf(page, testInfo.outputPath('checklist.pdf'));
  for (const q of QUESTIONNAIRE.questions) expect(checklist, q.id).toContain(q.text.replace(/\s+/g, ' '));
  expect(checklist).toContain('Mercy Imaging');
  expect(checklist).not.toContain('Skip to content');
  expect(checklist).not.toContain('Check vault');
  expect(checklist).not.toContain('Back to the exam');
  await page.getByRole('button', { name: '← Back to the exam' }).click();

  // A letter, prefilled from the profile-less vault and the facility's record, edited, printed, logged as sent.
  await page.getByText('Facility details: Mercy Imaging').click();
  await page.getByLabel('Postal address').fill('1 Hospital Road\nSpringfield');
  await page.getByRole('button', { name: 'Save facility details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Facility details saved.' })).toBeVisible();
  await page.getByLabel('Letter to write').selectOption({ label: 'Questions about the use of AI in my imaging exam' });
  await page.getByRole('button', { name: 'Start letter' }).click();
  const editor = page.getByRole('region', { name: 'Questions about the use of AI in my imaging exam' });
  await expect(editor.getByLabel('Letter text')).toHaveValue(new RegExp(product.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(editor.getByText(/Still to fill in/)).toContainText('your address');
  await expect(editor.getByText(/Still to fill in/)).not.toContainText('their postal address');
  const from = editor.getByLabel('From', { exact: true });
  await from.fill((await from.inputValue()).replace('[your address]', '12 Elm Street, Springfield'));
  expect(await violations(page), 'letter editor').toEqual([]);
  await editor.getByRole('button', { name: 'Print letter' }).click();
  await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeFocused();
  const letter = await printToPdf(page, testInfo.outputPath('letter.pdf'));
  expect(letter).toContain('Questions about the use of AI in my imaging exam');
  expect(letter).toContain('12 Elm Street, Springfield');
  expect(letter).toContain('1 Hospital Road');
  expect(letter).toContain(product.replace(/\s+/g, ' '));
  expect(letter).not.toContain(aiUsed); // answered, so the letter does not ask it again
  expect(letter).not.toContain('Skip to content');
  await page.screenshot({ path: testInfo.outputPath('letter-preview.png'), fullPage: true });
  await page.getByRole('button', { name: '← Back to the exam' }).click();
  await page.getByRole('button', { name: 'Open letter: Questions about the use of AI in my imaging exam' }).click();
  await expect(editor.getByLabel('From', { exact: true })).toHaveValue(/12 Elm Street/);
  await editor.getByLabel('Sent on').fill('2026-12-02');
  await editor.getByLabel('How you sent it').selectOption('Email');
  await editor.getByRole('button', { name: 'Log as sent' }).click();
  await expect(editor.getByText('Sent 2 December 2026 by email.')).toBeVisible();
  await editor.getByRole('button', { name: '← Back to the letters' }).click();
  await expect(page.getByRole('list', { name: 'Letters for this exam' })).toContainText('sent 2 December 2026 by email');

  // Their reply attaches to the letter.
  await page.getByRole('button', { name: 'Open letter: Questions about the use of AI in my imaging exam' }).click();
  const reply = path.join(path.dirname(app.vaultDir), 'reply.pdf');
  await consentFormPdf(page, reply);
  await editor.getByLabel('Document (PDF or photo)').setInputFiles(reply);
  await expect(editor.getByLabel('Kind of document')).toHaveValue('letter-received');
  await editor.getByRole('button', { name: 'Attach document' }).click();
  await expect(editor.getByText('1 document attached as their reply.')).toBeVisible();
  await editor.getByRole('button', { name: '← Back to the letters' }).click();

  // The next exam at the same facility offers its answers as "carried over, confirm", never copied.
  await page.getByRole('button', { name: '← Back to AI use' }).click();
  await page.getByRole('button', { name: 'Plan an exam' }).click();
  await expect(page.getByLabel('Facility')).toHaveValue(/\d+/);
  await page.getByLabel('Exam date').fill('2027-01-20');
  await page.getByRole('button', { name: 'Save planned exam' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^20 January 2027/ })).toBeFocused();
  await expect(page.getByText(`0 of ${total} answered`)).toBeVisible();
  const next = question(page, aiUsed);
  const carried = next.getByRole('group', { name: 'Carried over, confirm' });
  await expect(carried).toContainText('they said: Yes');
  await carried.getByRole('button', { name: 'Confirm carried-over answer' }).click();
  await expect(next.getByLabel('Their exact words')).toHaveValue('Every chest CT is pre-read by an AI tool.');
  await next.getByRole('button', { name: 'Save answer' }).click();
  await expect(next.getByText('Confirmed from an earlier exam at the same facility.')).toBeVisible();
  await expect(page.getByText(`1 of ${total} answered`)).toBeVisible();
  expect(await violations(page), 'exam with a carried-over answer').toEqual([]);

  // Everything typed above sits encrypted in the vault: none of it is in its files as plain text.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  const typed = ['Every chest CT is pre-read by an AI tool.', 'There is no opt-out for that.', '12 Elm Street, Springfield', '1 Hospital Road', 'Follow-up of a cough', 'Dr Patel'];
  expect(filesUnder(app.vaultDir).length).toBeGreaterThan(0);
  expect(findIdentifiers([app.vaultDir], { names: new Set(typed), ids: new Set(), uids: new Set() })).toEqual([]);
});

test('a consent form’s passages are found and lead to the answer they imply, with the quote', async ({ app, page }, testInfo) => {
  await createVault(page, app.url);
  await importPath(page, studyFolder(app, 'EARLIER', { studyDescription: 'MR KNEE', modality: 'MR', studyDate: '20250110' }), 'Earlier CD');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'AI use' }).click();
  await planExam(page);
  // The appointment moved by a day: the exam's details can be changed.
  await page.getByRole('button', { name: 'Change exam details' }).click();
  const details = page.getByRole('form', { name: 'Change exam details' });
  await details.getByLabel('Exam date').fill('2026-12-11');
  expect(await violations(page), 'change exam details').toEqual([]);
  await details.getByRole('button', { name: 'Save exam details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '11 December 2026, CT scan of the chest' })).toBeVisible();
  // The consent form: attached encrypted, read, and its passages lead to an answer with the quote.
  const docs = await attachConsentForm(page, app);
  // The stored form can be read in the page (decrypted in memory, drawn by pdf.js).
  await docs.getByRole('button', { name: 'Show the document: consent.pdf' }).click();
  await expect(docs.getByRole('img', { name: 'Page 1 of the document' })).toBeVisible();
  await expect(docs.getByText('Page 1 of 2')).toBeVisible();
  expect(await violations(page), 'document shown').toEqual([]);
  await docs.screenshot({ path: testInfo.outputPath('document-shown.png') });
  await docs.getByRole('button', { name: 'Hide the document: consent.pdf' }).click();
  await docs.getByRole('button', { name: /^Find the passages that matter/ }).click();
  const passages = page.getByRole('list', { name: 'Passages to read in consent.pdf' });
  await expect(passages).toBeVisible({ timeout: 60_000 });
  const training = passages.getByRole('listitem').filter({ has: page.locator('mark', { hasText: /train/i }) }).first();
  await expect(training).toContainText('page 2');
  await expect(passages).not.toContainText('page 1');
  await page.getByRole('region', { name: 'Documents' }).screenshot({ path: testInfo.outputPath('passages.png') });
  await training.getByRole('button', { name: /^Record the answer this implies/ }).click();
  const trainingText = QUESTIONNAIRE.questions.find((q) => q.id === 'training-use')!.text;
  const trainingQ = question(page, trainingText);
  await expect(trainingQ.getByLabel('Their exact words')).toHaveValue(/train artificial intelligence models/);
  await trainingQ.getByLabel('With identifying details removed').check();
  await trainingQ.getByRole('button', { name: 'Save answer' }).click();
  await expect(page.getByRole('list', { name: 'Concerns raised by the answers' })).toContainText('Used for training or research');
  await expect(page.getByText(`1 of ${QUESTIONNAIRE.questions.length} answered`)).toBeVisible();
  expect(await violations(page), 'passages').toEqual([]);

  // The complaint worksheet works out the 180-day deadline from the date the patient learned of it.
  await page.getByLabel('Letter to write').selectOption({ label: 'Facts for a privacy complaint to the Office for Civil Rights' });
  await page.getByRole('button', { name: 'Start letter' }).click();
  const sheet = page.getByRole('region', { name: 'Facts for a privacy complaint to the Office for Civil Rights' });
  await sheet.getByLabel('When you learned what happened').fill('2026-11-30');
  await expect(sheet.getByLabel('Letter text')).toHaveValue(/file by May 29, 2027, 180 days after you learned of it on November 30, 2026/);
  await sheet.getByRole('button', { name: 'Save changes' }).click();
  await expect(sheet.getByRole('status').filter({ hasText: 'Letter saved.' })).toBeVisible();
  expect(await violations(page), 'complaint worksheet').toEqual([]);

});
