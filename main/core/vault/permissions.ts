/**
 * Vault files are for the owner only: 0600 files, 0700 folders. Even encrypted, a copy made by
 * another account of this computer is an offline attack on the passphrase. New files are created
 * with these modes; opening a vault also tightens files made by older versions (which left
 * vault.db and folders 0644/0755). SQLite gives vault.db-wal and -shm the mode of vault.db.
 * On Windows, modes mean little; chmod is best effort there.
 */
import { chmodSync, closeSync, openSync } from 'node:fs';
import { readdir, chmod, lstat } from 'node:fs/promises';
import path from 'node:path';
import { BLOBS_DIR, DATABASE_FILE, HEADER_FILE, LOCK_FILE } from './layout';

export const VAULT_FILE_MODE = 0o600;
export const VAULT_DIR_MODE = 0o700;

/** An empty file SQLite then takes as a new database, so vault.db (and its WAL) start owner-only. */
export function createOwnerOnlyFile(file: string): void {
  closeSync(openSync(file, 'wx', VAULT_FILE_MODE));
  chmodSync(file, VAULT_FILE_MODE); // the umask may have removed bits, never added any: set exactly
}

/** The vault folder, its database files and header 0600/0700, and every blob folder and file. */
export async function restrictVaultFolder(dir: string): Promise<void> {
  await chmodQuiet(dir, VAULT_DIR_MODE);
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, HEADER_FILE, LOCK_FILE]) {
    await chmodQuiet(path.join(dir, name), VAULT_FILE_MODE);
  }
  // A blobs folder already 0700 was made by this version, with every file 0600: skip the walk
  // (a vault of 100 000 images would otherwise pay for as many lstat calls at every unlock).
  const blobs = await lstat(path.join(dir, BLOBS_DIR)).catch(() => null);
  if (blobs && (blobs.mode & 0o777) !== VAULT_DIR_MODE) await restrictTree(path.join(dir, BLOBS_DIR));
}

async function restrictTree(dir: string): Promise<void> {
  const info = await lstat(dir).catch(() => null);
  if (!info?.isDirectory()) return;
  if ((info.mode & 0o777) !== VAULT_DIR_MODE) await chmodQuiet(dir, VAULT_DIR_MODE);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await restrictTree(full);
    else if (entry.isFile()) {
      const mode = (await lstat(full)).mode & 0o777;
      if (mode !== VAULT_FILE_MODE) await chmodQuiet(full, VAULT_FILE_MODE);
    }
  }
}

async function chmodQuiet(target: string, mode: number): Promise<void> {
  try {
    await chmod(target, mode);
  } catch {
    // missing (no WAL yet) or not ours to change: opening still works, nothing else to do
  }
}
