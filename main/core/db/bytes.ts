/** SQL of the byte channel: which blob holds the file an instance or attachment names. */
import type { VaultDatabase } from '../vault/database';

export interface StoredFile {
  readonly blobId: string;
  /** Plaintext size recorded when the blob was written. */
  readonly size: number;
}

interface StoredFileRow {
  blob_id: string;
  size: number;
}

function toStoredFile(row: unknown): StoredFile | null {
  if (row === undefined) return null;
  const { blob_id: blobId, size } = row as StoredFileRow;
  if (typeof blobId !== 'string' || typeof size !== 'number') throw new TypeError('unexpected blob row');
  return { blobId, size };
}

/** The original file of an instance, or null when there is no such instance. */
export function instanceFile(db: VaultDatabase, instanceId: number): StoredFile | null {
  return toStoredFile(db.prepare(`SELECT i.blob_id, b.size FROM instances i JOIN blobs b ON b.id = i.blob_id
    WHERE i.id = ?`).get(instanceId));
}

/** The stored document of an attachment, or null when there is no such attachment. */
export function attachmentFile(db: VaultDatabase, attachmentId: number): StoredFile | null {
  return toStoredFile(db.prepare(`SELECT a.blob_id, b.size FROM attachments a JOIN blobs b ON b.id = a.blob_id
    WHERE a.id = ?`).get(attachmentId));
}
