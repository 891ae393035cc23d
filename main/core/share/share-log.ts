/**
 * The share log as the patient reads it: their accounting of disclosures (45 CFR 164.528 fields),
 * as records, as CSV (RFC 4180, cells that a spreadsheet would run as a formula are defused), and
 * shares made outside the app, recorded by hand with an optional letter or document.
 */
import { readFile, stat } from 'node:fs/promises';
import type { OutsideShareRequest, ShareRecord } from '../../../shared/share/share-domain';
import { CoreError } from '../core-error';
import { insertBlob } from '../db/blobs';
import { personExists } from '../db/people';
import { insertShare, insertShareDocument, listShareRows, studiesByUid, type ShareLogRow } from '../db/shares';
import { appendEvent } from '../vault/event-log';
import type { OpenVault } from '../vault/vault';
import { sniffMediaType } from '../ai-record/document-view';

export interface UploadTaker { take(uploadId: string): { relativePath: string; bytes: Buffer }[] }

const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

export function toShareRecord(r: ShareLogRow): ShareRecord {
  return {
    id: r.id, date: r.date, recipient: r.recipient, purpose: r.purpose, method: r.method, items: r.items, profile: r.profile, options: r.options,
    packageSha256: r.packageSha256, pseudonym: r.pseudonym, outside: r.outside, personIds: r.personIds, fileCount: r.fileCount, documentId: r.documentId, note: r.note,
  };
}

export function listShares(vault: OpenVault, personId?: number): ShareRecord[] {
  return listShareRows(vault.db, personId).map(toShareRecord);
}

/** The columns of `scanvault shares --json`, flattened. */
export const CSV_COLUMNS = ['id', 'date', 'recipient.name', 'recipient.role', 'recipient.org', 'recipient.contact', 'purpose', 'method', 'items', 'profile', 'options', 'packageSha256', 'pseudonym', 'outside'] as const;

function cell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  // A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell; a quote mark keeps it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function itemsText(items: ShareRecord['items']): string {
  return items.map((i) => `${i.level} ${i.uid}${i.label !== null ? ` (${i.label})` : ''}`).join('; ');
}

export function sharesCsv(shares: readonly ShareRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of shares) {
    lines.push([
      s.id, s.date, s.recipient.name, s.recipient.role, s.recipient.org, s.recipient.contact, s.purpose, s.method, itemsText(s.items),
      s.profile, s.options.join(' '), s.packageSha256, s.pseudonym, s.outside,
    ].map(cell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

async function documentBytes(doc: NonNullable<OutsideShareRequest['document']>, uploads: UploadTaker): Promise<Buffer> {
  if (doc.kind === 'upload') {
    const files = uploads.take(doc.uploadId);
    if (files.length !== 1 || files[0] === undefined) throw new CoreError('BAD_REQUEST', 'Send exactly one file to attach. Choose the document again.');
    return files[0].bytes;
  }
  const info = await stat(doc.path).catch(() => null);
  if (!info?.isFile()) throw new CoreError('PATH_NOT_FOUND', 'That document could not be read. Check the path and that the drive is connected, then try again.');
  if (info.size > MAX_DOCUMENT_BYTES) throw new CoreError('BAD_REQUEST', 'That document is larger than 100 MB. Attach a smaller copy (for example only the pages that matter).');
  return readFile(doc.path);
}

export async function recordOutsideShare(vault: OpenVault, input: OutsideShareRequest, uploads: UploadTaker, now: number): Promise<ShareRecord> {
  if (!personExists(vault.db, input.personId)) throw new CoreError('NOT_FOUND', 'That person is no longer in the vault. Refresh and try again.');
  const studies = studiesByUid(vault.db, input.studyUids);
  if (studies.length !== new Set(input.studyUids).size) throw new CoreError('NOT_FOUND', 'A study named for this share is not in the vault. Refresh the library and choose again.');
  let blob: { blobId: string; size: number; sha256: Buffer; mediaType: string } | null = null;
  if (input.document !== null) {
    const bytes = await documentBytes(input.document, uploads);
    const mediaType = bytes.length > 0 ? sniffMediaType(bytes) : null;
    if (!mediaType) throw new CoreError('BAD_REQUEST', 'That file is not a PDF, PNG or JPEG. Save or scan the letter as a PDF or take a photo, then attach it again.');
    blob = { ...(await vault.blobs.write(bytes)), mediaType };
  }
  try {
    const id = await vault.writes.run((db) => {
      const at = new Date(now).toISOString();
      let documentId: number | null = null;
      if (blob !== null) {
        insertBlob(db, blob.blobId, blob.size, blob.sha256);
        documentId = insertShareDocument(db, { blobId: blob.blobId, mediaType: blob.mediaType, size: blob.size, sha256: blob.sha256, now: at });
      }
      const items = studies.length > 0
        ? studies.map((s) => ({ level: 'study' as const, uid: s.studyUid, label: [s.modalities, s.description].filter(Boolean).join(' ') || null }))
        : [{ level: 'patient' as const, uid: String(input.personId), label: null }];
      const shareId = insertShare(db, {
        date: input.date, recipient: input.recipient, purpose: input.purpose, method: input.method, outside: true, identified: true, profile: null,
        options: [], burnedIn: null, packageSha256: null, pseudonym: null, secret: null, followUpOf: null, fileCount: null, anchor: null,
        note: input.description, documentId, personIds: [input.personId], items, now: at,
      });
      appendEvent(db, 'share', { shareId, outside: true, document: documentId !== null });
      return shareId;
    });
    const record = listShareRows(vault.db).find((r) => r.id === id);
    if (record === undefined) throw new CoreError('INTERNAL');
    return toShareRecord(record);
  } catch (error) {
    if (blob !== null) await vault.blobs.delete(blob.blobId);
    throw error;
  }
}
