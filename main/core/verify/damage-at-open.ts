/**
 * When the database cannot be opened although the passphrase is right, the page sweep says how
 * much is damaged, so the person (and `scanvault verify`) gets a plain account instead of a bare
 * SQLite code. The keys are still held here: the caller zeroes them afterwards.
 */
import { isDamagedDatabase } from '../core-error';
import type { DatabaseKey } from '../crypto/secret-keys';
import { VaultError, isVaultError } from '../vault/errors';
import { databasePath } from '../vault/layout';
import { sweepDatabasePages } from './page-sweep';

const WHAT_TO_DO = 'Your passphrase is right. Restore the vault from a backup (scanvault restore), and keep this folder unchanged until then.';

export function damagedOpenError(dir: string, key: () => DatabaseKey, error: unknown): VaultError | null {
  if (!isVaultError(error, 'VAULT_DAMAGED') && !isDamagedDatabase(error)) return null;
  let detail = 'could not be read';
  try {
    const file = databasePath(dir);
    const sweep = sweepDatabasePages(file, `${file}-wal`, key());
    const bad = sweep.badPages.length + sweep.badWalFrames.length;
    if (bad > 0) detail = `is damaged: ${bad} of ${sweep.pagesChecked} pages failed their check`;
    else if (sweep.truncated) detail = 'is cut short';
  } catch {
    detail = 'could not be read from the disk';
  }
  return new VaultError('VAULT_DAMAGED', `The vault’s index file (vault.db) ${detail}, so the vault cannot be opened. ${WHAT_TO_DO}`, { cause: { code: 'DATABASE' } });
}
