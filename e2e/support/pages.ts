/** Page objects: the steps a person takes, by role and accessible name (as the UI labels them). */
import { expect, type Locator, type Page } from '@playwright/test';

export const PASSPHRASE = 'correct horse battery staple';

export async function createVault(page: Page, url: string): Promise<string> {
  await page.goto(url);
  return createVaultHere(page);
}

/** On the first-run screen already open: create the vault and get past the recovery key. */
export async function createVaultHere(page: Page): Promise<string> {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Write down your recovery key' })).toBeVisible({ timeout: 30_000 });
  const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim().replace(/\s+/g, ' ');
  await page.getByLabel('I have written down my recovery key').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return recoveryKey;
}

export async function importPath(page: Page, folder: string, sourceLabel: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Path on this computer').fill(folder);
  await page.getByLabel('Where did this copy come from?').fill(sourceLabel);
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
}

export async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** "Use a different folder" on the first-run or unlock screen: type a folder and switch to it. */
export async function useDifferentFolder(page: Page, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Use a different folder' }).click();
  await page.getByLabel('Vault folder').fill(folder);
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.getByTestId('vault-folder')).toHaveText(folder);
}

/** The library's section for the person whose records include this patient ID. */
export function personSection(page: Page, patientId: string): Locator {
  return page.getByRole('region').filter({ hasText: `Patient ID ${patientId}` });
}

/** From the library: open a person's page (profile and records) by one of their patient IDs. */
export async function openPerson(page: Page, patientId: string): Promise<void> {
  await personSection(page, patientId).getByRole('button', { name: /^Profile and records of / }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Records from hospitals' })).toBeVisible();
}

/** Answers the open confirmation dialog with its confirm button; waits for it to close. */
export async function confirm(page: Page, title: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}
