/** Document rows to the contract's shape, and what kind of file the bytes are. Pure. */
import type { DocumentInfo, DocumentTarget } from '../../../shared/api/ai-record';
import type { DocMediaType, DocumentOwner, DocumentRow } from '../db/ai-documents';

export function toDocumentInfo(r: DocumentRow): DocumentInfo {
  return {
    id: r.id, target: toTarget(r.owner), docKind: r.docKind, title: r.title, mediaType: r.mediaType, size: r.size,
    addedAt: r.createdAt, passages: r.passages,
  };
}

function toTarget(o: DocumentOwner): DocumentTarget {
  return o;
}

/** The media type from the file's first bytes (never from its name): PDF, PNG or JPEG; null for anything else. */
export function sniffMediaType(bytes: Uint8Array): DocMediaType | null {
  const starts = (sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);
  // A PDF header may follow a few bytes of junk; readers accept it within the first 1024 bytes.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}
