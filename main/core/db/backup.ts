/** What backups need from the database: a keyed snapshot, and when the last backup was made. */
import type { VaultDatabase } from './database';

/**
 * Writes a consistent copy of the database to `file` with `VACUUM INTO` on the keyed connection:
 * SQLite3MultipleCiphers encrypts the copy with the connection's cipher and key, so it is a
 * SQLCipher 4 file under the same key (tested: no plaintext, opens with the key). The online
 * backup API (better-sqlite3's `db.backup()`) is not usable: it opens the destination unkeyed and
 * SQLite3MultipleCiphers refuses it ("incompatible source and target databases"). The copy is one
 * read transaction, so it holds exactly the committed state at its start while the vault stays
 * usable; it runs synchronously, so nothing else on this connection interleaves with it.
 * `file` must not exist. Returns the blob ids the copy lists, read in the same synchronous step.
 */
export function snapshotInto(db: VaultDatabase, file: string): string[] {
  if (db.inTransaction) throw new Error('snapshotInto must not run inside a transaction');
  db.prepare('VACUUM INTO ?').run(file);
  return db.prepare<[], string>('SELECT id FROM blobs ORDER BY id').pluck().all();
}

/** The time of the newest `backup-made` event, or null when this vault was never backed up. */
export function lastBackupAt(db: VaultDatabase): string | null {
  return db.prepare<[], string>("SELECT at FROM events WHERE kind = 'backup' ORDER BY seq DESC LIMIT 1").pluck().get() ?? null;
}

/** When the vault was made: the time of its first history entry. */
export function vaultCreatedAt(db: VaultDatabase): string | null {
  return db.prepare<[], string>('SELECT at FROM events WHERE seq = 1').pluck().get() ?? null;
}
