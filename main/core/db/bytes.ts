/** SQL of the byte channel (read-only): which blob holds the file an instance, attachment or AI-use record document names. */
import type { VaultDatabase } from './database';

export interface StoredFile {
  readonly blobId: string;
  /** Plaintext size recorded when the blob was written. */
  readonly size: number;
  /** Only for files whose kind does not fix it. */
  readonly mediaType?: string;
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

/** A document of the AI-use record with its media type (one of three, by the table's CHECK), or null. */
export function aiDocumentFile(db: VaultDatabase, documentId: number): (StoredFile & { mediaType: string }) | null {
  const row = db.prepare<[number], StoredFileRow & { media_type: string }>(
    'SELECT d.blob_id, b.size, d.media_type FROM ai_documents d JOIN blobs b ON b.id = d.blob_id WHERE d.id = ?',
  ).get(documentId);
  return row === undefined ? null : { blobId: row.blob_id, size: row.size, mediaType: row.media_type };
}
