/** Where a backup may be written and a restore may go: never over anything that exists. */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CoreError } from '../core-error';
import { isHeaderlessVault } from '../vault/vault-presence';
import { vaultExists } from '../vault/vault';

/** Files some systems drop into any folder; they do not make it "not empty". */
const IGNORABLE = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

function inside(parent: string, child: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function assertOutsideVault(vaultDir: string, target: string): void {
  if (inside(vaultDir, target)) {
    throw new CoreError('BAD_REQUEST', 'A backup inside the vault folder would be lost with it. Choose a place outside the vault folder, ideally another drive.');
  }
}

/** A backup file is never written over an existing one; its folder must exist. */
export async function assertNewFile(file: string): Promise<void> {
  if (existsSync(file)) throw new CoreError('TARGET_EXISTS', 'A file with this name already exists, and ScanVault never overwrites it. Choose another name.');
  const parent = await stat(path.dirname(file)).catch(() => null);
  if (!parent?.isDirectory()) throw new CoreError('PATH_NOT_FOUND', 'The folder for the backup file does not exist. Check that the drive is connected, or choose another place.');
}

/** A restore goes only into a missing or empty folder: it never replaces a vault or anything else. */
export async function assertRestoreTarget(dir: string): Promise<void> {
  if (vaultExists(dir) || isHeaderlessVault(dir)) {
    throw new CoreError('VAULT_EXISTS', 'This folder already holds a vault, and restoring never replaces one. Choose a new, empty folder to restore into.');
  }
  const entries = await readdir(dir).catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw new CoreError('FOLDER_NOT_EMPTY', 'This is not a folder ScanVault can restore into. Choose a new, empty folder.');
  });
  if (entries.some((name) => !IGNORABLE.has(name))) {
    throw new CoreError('FOLDER_NOT_EMPTY', 'This folder already holds other files, and restoring never mixes with them. Choose a new, empty folder.');
  }
  const parent = await stat(path.dirname(path.resolve(dir))).catch(() => null);
  if (!parent?.isDirectory()) throw new CoreError('PATH_NOT_FOUND', 'The place for the restored vault does not exist. Check that the drive is connected, or choose another place.');
}
