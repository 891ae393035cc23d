/**
 * Backups: the screen says no backup exists yet (with a reminder), makes a backup file that is
 * checked after writing, then shows when the last backup was made; the backup restores into a new
 * folder after a confirmation, and restoring over the vault's own folder is refused.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeSeries } from '../main/test-support/dicom-fixtures';
import { violations } from './support/axe';
import { confirm, createVault, importPath, PASSPHRASE, unlock, useDifferentFolder } from './support/pages';
import { test, expect } from './support/serve-fixture';

test.use({ bypassCSP: true });

test('make a backup file, see "last backup", and restore it into a new folder', async ({ app, page }) => {
  const root = path.dirname(app.vaultDir);
  const cd = path.join(root, 'CD');
  mkdirSync(cd);
  makeSeries(2, { rows: 16, columns: 16 }).forEach((b, i) => writeFileSync(path.join(cd, `IM${i}`), b));
  const recoveryKey = await createVault(page, app.url);
  await importPath(page, cd, 'Hospital CD');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  await expect(page.getByTestId('last-backup')).toHaveText('No backup of this vault has been made yet.');
  await expect(page.getByRole('status').filter({ hasText: 'Make a backup now' })).toBeVisible();
  expect(await violations(page), 'backups screen').toEqual([]);

  // A relative path is refused in the browser before anything is asked of the core.
  await page.getByLabel('Save the backup file as').fill('backup.svbackup');
  await page.getByRole('button', { name: 'Make backup file' }).click();
  await expect(page.getByRole('alert')).toContainText('full path');

  const file = path.join(root, 'my-backup.svbackup');
  await page.getByLabel('Save the backup file as').fill(file);
  await page.getByRole('button', { name: 'Make backup file' }).click();
  await expect(page.getByRole('heading', { name: 'Backup made and checked' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Backup made and checked' })).toBeFocused();
  await expect(page.getByTestId('last-backup')).toContainText('(today)');
  await expect(page.getByRole('status').filter({ hasText: 'Make a backup now' })).toHaveCount(0);
  expect(existsSync(file)).toBe(true);

  // Restoring over the vault itself is refused: nothing is destroyed.
  await page.getByLabel('Backup file or folder').fill(file);
  await page.getByLabel('Restore into the new folder').fill(app.vaultDir);
  await page.getByLabel('Passphrase of the backed-up vault').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Restore…' }).click();
  await confirm(page, 'Restore this backup?', 'Restore');
  await expect(page.getByRole('alert').filter({ hasText: 'already holds a vault' })).toBeVisible({ timeout: 30_000 });

  const restored = path.join(root, 'restored');
  await page.getByLabel('Restore into the new folder').fill(restored);
  await page.getByLabel('Passphrase of the backed-up vault').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Restore…' }).click();
  await confirm(page, 'Restore this backup?', 'Restore');
  await expect(page.getByRole('heading', { name: 'Backup restored and checked' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('2 stored files were restored into the new folder.')).toBeVisible();
  expect(existsSync(path.join(restored, 'vault.json'))).toBe(true);
  expect(await violations(page), 'after restore').toEqual([]);

  // The computer is "lost": from the first-run screen of an empty folder, restore and open the vault.
  await page.getByRole('button', { name: 'Lock' }).click();
  await useDifferentFolder(page, path.join(root, 'empty'));
  await expect(page.getByRole('heading', { name: 'Welcome to ScanVault' })).toBeVisible();
  await page.getByText('Restore a vault from a backup').click();
  const again = path.join(root, 'restored-again');
  await page.getByLabel('Backup file or folder').fill(file);
  await page.getByLabel('Restore into the new folder').fill(again);
  // The passphrase forgotten: the recovery key opens the backup too.
  await page.getByLabel('I forgot the passphrase: use the recovery key').check();
  await page.getByLabel('Recovery key of the backed-up vault').fill(recoveryKey);
  await page.getByRole('button', { name: 'Restore…' }).click();
  await confirm(page, 'Restore this backup?', 'Restore');
  await expect(page.getByRole('heading', { name: 'Backup restored and checked' })).toBeFocused({ timeout: 60_000 });
  expect(await violations(page), 'restore on the first-run screen').toEqual([]);
  await page.getByRole('button', { name: 'Open the restored vault' }).click();
  await expect(page.getByTestId('vault-folder')).toHaveText(again);
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backups' }).click();
  await expect(page.getByTestId('last-backup')).toHaveText('No backup of this vault has been made yet.');
});
