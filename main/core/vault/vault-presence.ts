import { existsSync } from 'node:fs';
import { blobsRoot, databasePath, headerPath } from './layout';

/**
 * A folder with the vault's database or blob folder but no vault.json is a vault that lost its
 * key file (deleted by hand, a partial copy or restore). It is not "no vault": creating one would
 * be refused (the folder is not empty) and deleting the rest would destroy the records, which
 * vault.json from a backup can still open.
 */
export const HEADER_MISSING_MESSAGE =
  'This folder holds a ScanVault vault, but its key file vault.json is missing, so it cannot be opened. '
  + 'Copy vault.json back into this folder from a backup of the vault. Do not delete or move anything in the folder meanwhile.';

export function isHeaderlessVault(dir: string): boolean {
  return !existsSync(headerPath(dir)) && (existsSync(databasePath(dir)) || existsSync(blobsRoot(dir)));
}

/** What to tell someone whose folder has no openable vault: restore vault.json, or create a vault. */
export function describeMissingVault(dir: string): string {
  return isHeaderlessVault(dir) ? HEADER_MISSING_MESSAGE : `There is no vault in ${dir} yet. Create one with "scanvault init".`;
}
