/** SQL of the byte channel (read-only): which blob holds the file an instance or attachment names. */
import type { VaultDatabase } from './database';

export interface StoredFile {
  readonly blobId: string;
  /** Plaintext size recorded when the blob was written. */
  readonly size: number;
}

interface StoredFileRow { blob_id: string; size: number }

const toStoredFile = (row: StoredFileRow | undefined): StoredFile | null => (row === undefined ? null : { blobId: row.blob_id, size: row.size });

/** The original file of an instance, or null when there is no such instance. */
export function instanceFile(db: VaultDatabase, instanceId: number): StoredFile | null {
  return toStoredFile(db.prepare<[number], StoredFileRow>(
    'SELECT i.blob_id, b.size FROM instances i JOIN blobs b ON b.id = i.blob_id WHERE i.id = ?',
  ).get(instanceId));
}

/** The stored document of an attachment, or null when there is no such attachment. */
export function attachmentFile(db: VaultDatabase, attachmentId: number): StoredFile | null {
  return toStoredFile(db.prepare<[number], StoredFileRow>(
    'SELECT a.blob_id, b.size FROM attachments a JOIN blobs b ON b.id = a.blob_id WHERE a.id = ?',
  ).get(attachmentId));
}
