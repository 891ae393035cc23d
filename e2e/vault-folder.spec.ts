import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createVaultHere, useDifferentFolder } from './support/pages';
import { settingsFilePath } from '../main/core/paths';
import { serveEnv, startServe, test, expect } from './support/serve-fixture';

test('use a different folder on the first-run screen: the new vault is created there and remembered', async ({ app, page }) => {
  const second = mkdtempSync(path.join(os.tmpdir(), 'sv-e2e-second-'));
  try {
    await page.goto(app.url);
    await expect(page.getByTestId('vault-folder')).toHaveText(app.vaultDir);

    await useDifferentFolder(page, second);
    await expect(page.getByRole('status')).toHaveText('Now using this folder.');
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

    await createVaultHere(page);
    await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();
    expect(existsSync(path.join(second, 'vault.json'))).toBe(true);
    expect(existsSync(path.join(app.vaultDir, 'vault.json'))).toBe(false);
    expect(JSON.parse(readFileSync(app.settingsFile, 'utf8'))).toEqual({ vaultDir: second });

    // Back at the unlock screen, the folder in use is shown.
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    await expect(page.getByTestId('vault-folder')).toHaveText(second);
  } finally {
    rmSync(second, { recursive: true, force: true });
  }
});

test('a folder that holds other files: creating a vault there is refused clearly', async ({ app, page }) => {
  const full = mkdtempSync(path.join(os.tmpdir(), 'sv-e2e-full-'));
  writeFileSync(path.join(full, 'letter.txt'), 'not a vault');
  try {
    await page.goto(app.url);
    await useDifferentFolder(page, full);
    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Type the passphrase again').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByRole('alert')).toContainText('already holds other files');
    // The folder field opens right away so another folder can be chosen; the passphrase is kept.
    await expect(page.getByLabel('Vault folder')).toBeFocused();
    await page.getByLabel('Vault folder').fill('relative/folder');
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'full path' })).toBeVisible();
    expect(readdirSync(full)).toEqual(['letter.txt']);
  } finally {
    rmSync(full, { recursive: true, force: true });
  }
});

test('a remembered vault folder on a disconnected drive: says so and creates nothing', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-e2e-drive-'));
  const configDir = path.join(dir, 'config');
  const drive = path.join(dir, 'media', 'usb', 'ScanVault');
  const settingsFile = settingsFilePath(serveEnv(configDir));
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify({ vaultDir: drive }));
  const app = await startServe(null, configDir);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Your vault folder is not available' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(drive);
    await expect(page.getByRole('button', { name: 'Create vault' })).toHaveCount(0);
    expect(existsSync(drive)).toBe(false);

    mkdirSync(drive, { recursive: true }); // the drive is plugged in
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  } finally {
    app.process.kill('SIGTERM');
    await new Promise((r) => app.process.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
