import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import type { DatabaseKey } from '../crypto/secret-keys';
import { VaultError } from '../vault/errors';

export type VaultDatabase = SqliteDatabase;

declare const writeAccess: unique symbol;
/**
 * The connection as handed to a write function by the WriteScheduler, inside its transaction. Only
 * the scheduler makes one, so a db/ function that writes (it takes a WritableDB) cannot be called
 * with `vault.db` outside a scheduled write: the compiler refuses it.
 */
export type WritableDB = VaultDatabase & { readonly [writeAccess]: true };

/**
 * Opens the SQLCipher database (SQLite3MultipleCiphers, cipher 'sqlcipher', legacy=4 =
 * SQLCipher 4 defaults: AES-256-CBC + HMAC-SHA512 per 4096-byte page) with a raw 32-byte
 * key, and proves the key right by reading sqlite_master before anything is written.
 *
 * With a wrong key SQLite reports SQLITE_NOTADB at that first read; no WAL/SHM file is
 * created and nothing is modified. Since the key comes from the unwrapped master key,
 * a mismatch here means the database does not belong to this header: VAULT_DAMAGED.
 *
 * `create: false` requires the file to exist, so a missing database is never silently
 * replaced by an empty one.
 */
export function openEncryptedDatabase(file: string, key: DatabaseKey, options: { create: boolean }): VaultDatabase {
  let db: VaultDatabase;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch (error) {
    throw new VaultError('VAULT_DAMAGED', undefined, { cause: sqliteCodeOnly(error) });
  }
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    // The hex string is a copy of the key that JS cannot zero; it lives only until GC.
    // Never log this statement.
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw new VaultError('VAULT_DAMAGED', undefined, { cause: sqliteCodeOnly(error) });
  }
  applySessionPragmas(db);
  return db;
}

/**
 * - temp_store=MEMORY: sort/temp b-trees never land in plaintext temp files.
 * - journal_mode=WAL: readers do not block the writer; the WAL is encrypted too.
 * - synchronous=FULL: a committed transaction survives power loss, including the WAL
 *   (NORMAL could lose the last commits; the event log is an audit trail, so keep them).
 * - foreign_keys=ON: SQLite leaves FKs off unless asked, per connection.
 */
function applySessionPragmas(db: VaultDatabase): void {
  db.pragma('temp_store = MEMORY');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Keeps the SQLite error code for debugging, drops the message (could quote SQL). */
function sqliteCodeOnly(error: unknown): { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' ? code : 'UNKNOWN' };
}
