/** The `blobs` table: one row per encrypted file in blobs/, written only once the file is durable. */
import type { VaultDatabase, WritableDB } from './database';
import { cached, nowIso } from './statements';

export function insertBlob(db: WritableDB, blobId: string, size: number, sha256: Buffer): void {
  cached<[string, number, Buffer, string]>(db, 'INSERT INTO blobs(id, size, sha256, created_at) VALUES (?, ?, ?, ?)').run(blobId, size, sha256, nowIso());
}

export function allBlobIds(db: VaultDatabase): Set<string> {
  return new Set(db.prepare<[], string>('SELECT id FROM blobs').pluck().all());
}
