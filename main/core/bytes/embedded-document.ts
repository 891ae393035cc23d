/**
 * The PDF inside an Encapsulated PDF instance, for the byte channel: the instance's file is read
 * and decrypted whole into memory (these files are small: one document), the document is cut out
 * of it and served from memory. Nothing is written anywhere.
 */
import { CoreError } from '../core-error';
import { instanceFile } from '../db/bytes';
import { extractEncapsulatedDocument } from '../dicom/encapsulated-document';
import type { OpenVault } from '../vault/vault';

export const NO_EMBEDDED_PDF = 'This file holds no PDF document to show. Open it in the image view instead.';

/** Throws NOT_FOUND (no instance, or no PDF inside it), BLOB_MISSING or BLOB_CORRUPT. */
export async function readEmbeddedPdf(vault: OpenVault, instanceId: number): Promise<Buffer> {
  const file = instanceFile(vault.db, instanceId);
  if (file === null) throw new CoreError('NOT_FOUND');
  const bytes = await vault.blobs.readAll(file.blobId);
  if (bytes.length !== file.size) throw new CoreError('BLOB_CORRUPT');
  const document = extractEncapsulatedDocument(bytes);
  if (document === null || (document.mimeType !== null && document.mimeType.toLowerCase() !== 'application/pdf')) {
    throw new CoreError('NOT_FOUND', NO_EMBEDDED_PDF);
  }
  return Buffer.from(document.bytes.buffer, document.bytes.byteOffset, document.bytes.byteLength);
}
