/** Page objects: the steps a person takes, by role and accessible name (as the UI labels them). */
import { expect, type Page } from '@playwright/test';

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
