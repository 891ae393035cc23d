/** Fingerprint queries: the digests of every stored file, and compressed images' pending pixel digests. */
import type { VaultDatabase, WritableDB } from './database';

const ALL_FILES = 'SELECT sha256_file FROM instances UNION SELECT sha256_file FROM attachments';

export function countStoredFileDigests(db: VaultDatabase): number {
  return db.prepare<[], number>(`SELECT COUNT(*) FROM (${ALL_FILES})`).pluck().get() ?? 0;
}

/** Sorted bytewise, without duplicates, row by row (a million Buffers at once would cost far more). */
export function storedFileDigests(db: VaultDatabase): IterableIterator<Buffer> {
  return db.prepare<[], Buffer>(`${ALL_FILES} ORDER BY 1`).pluck().iterate();
}

/** Instances still waiting for pixel digests, with their stored size (large ones are streamed). */
export function pendingPixelDigests(db: VaultDatabase, afterId: number, limit: number): { id: number; blobId: string; size: number }[] {
  return db.prepare<[number, number], { id: number; blob_id: string; size: number }>(
    `SELECT i.id, i.blob_id, b.size FROM instances i JOIN blobs b ON b.id = i.blob_id
      WHERE i.pixel_digest_status = 'pending' AND i.id > ? ORDER BY i.id LIMIT ?`,
  ).all(afterId, limit).map((r) => ({ id: r.id, blobId: r.blob_id, size: r.size }));
}

export function countPendingPixelDigests(db: VaultDatabase, afterId: number): number {
  return db.prepare<[number], number>(`SELECT COUNT(*) FROM instances WHERE pixel_digest_status = 'pending' AND id > ?`).pluck().get(afterId) ?? 0;
}

/** Settles one instance's pixel digests; false when another pass already did (then nothing changes). */
export function settlePixelDigest(db: WritableDB, id: number, status: 'done' | 'none' | 'failed', frameDigests: Buffer | null): boolean {
  return db.prepare<[string, Buffer | null, number]>(
    `UPDATE instances SET pixel_digest_status = ?, frame_digests = ? WHERE id = ? AND pixel_digest_status = 'pending'`,
  ).run(status, frameDigests, id).changes === 1;
}
