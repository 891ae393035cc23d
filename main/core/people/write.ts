import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CoreError } from '../core-error';
import type { OpenVault } from '../vault/vault';

const IMPORT_SAVING = 'An import is still being saved. Wait for it to finish, then try again.';

/**
 * Runs one people change as its own transaction. Until the write scheduler (`vault.writes.run`)
 * reaches this branch, a change is refused while an import holds the connection's transaction:
 * joining it would tie the change (and its history entry) to the import's commit or rollback.
 */
export async function runWrite<T>(vault: OpenVault, fn: (db: Database) => T): Promise<T> {
  const db = vault.db;
  if (db.inTransaction) throw new CoreError('JOB_RUNNING', IMPORT_SAVING);
  return db.transaction(() => fn(db)).immediate();
}
