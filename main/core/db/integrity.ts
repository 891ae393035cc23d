/** SQL behind the full "Check vault": SQLite's own checks and whether index rows and blobs agree. */
import type { VaultDatabase } from './database';

/**
 * Copies the WAL into vault.db and empties it, so the page sweep reads one file. Call only while
 * no write transaction is open (between scheduled writes); a busy checkpoint is harmless (the
 * sweep then checks the WAL frames too).
 */
export function checkpointWal(db: VaultDatabase): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** `PRAGMA integrity_check` lines other than "ok" (at most `limit`). */
export function integrityCheck(db: VaultDatabase, limit = 20): string[] {
  const rows = db.pragma(`integrity_check(${Math.max(1, Math.trunc(limit))})`) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
}

/** Tables holding rows that point at a missing row (foreign_key_check), each named once. */
export function foreignKeyViolations(db: VaultDatabase): string[] {
  const rows = db.pragma('foreign_key_check') as { table: string }[];
  return [...new Set(rows.map((r) => r.table))].sort();
}

/**
 * Blob rows that no stored image, imported attachment, AI-use record document or share document uses: the index
 * lost what they belonged to.
 */
export function unreferencedBlobRows(db: VaultDatabase): string[] {
  return db.prepare<[], string>(
    `SELECT b.id FROM blobs b
    WHERE NOT EXISTS (SELECT 1 FROM instances i WHERE i.blob_id = b.id)
      AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.blob_id = b.id)
      AND NOT EXISTS (SELECT 1 FROM ai_documents d WHERE d.blob_id = b.id)
      AND NOT EXISTS (SELECT 1 FROM share_documents s WHERE s.blob_id = b.id)
    ORDER BY b.id`,
  ).pluck().all();
}

/** Reads every row of every table once (a damaged page in any of them throws here). */
export function readAllTables(db: VaultDatabase): number {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  let rows = 0;
  for (const table of tables) {
    for (const _ of db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).raw().iterate()) rows++;
  }
  return rows;
}
