/**
 * Reads a DICOMDIR (media directory): the files its records reference. Records are read in
 * stored order, ignoring the record offsets, so files with missing or wrong offsets still work.
 */
import { DicomError } from './dicom-error';
import { ITEM, SEQUENCE_DELIMITER, UNDEFINED_LENGTH, readTag, walkElements, type Encoding, type Source } from './element-walker';
import { parseHeader, type ElementRef } from './header';
import { MEDIA_STORAGE_DIRECTORY_SOP_CLASS, Tag } from './tags';
import { readAscii, readUint16 } from './values';

export interface DicomdirEntry {
  /** Path components as stored, e.g. ['77654033', 'CR1', '6154']. */
  referencedFileId: string[];
  /** e.g. 'IMAGE', 'SR DOCUMENT', 'ENCAP DOC'. */
  recordType: string;
}

const RECORD_TAGS = new Set<number>([Tag.directoryRecordType, Tag.referencedFileId, Tag.recordInUseFlag]);
const DAMAGED = 'The disc index (DICOMDIR) is damaged; only part of it could be read';

function unreadable(): DicomError {
  return new DicomError('DICOMDIR_UNREADABLE', 'The disc index (DICOMDIR) cannot be read');
}

/** Reads one record item; null when the walk inside it failed. */
function readRecord(src: Source, enc: Encoding, start: number, limit: number, undefinedLength: boolean) {
  const elements = new Map<number, ElementRef>();
  const walk = walkElements(
    src,
    start,
    limit,
    enc,
    (header) => {
      if (RECORD_TAGS.has(header.tag) && header.length !== UNDEFINED_LENGTH) {
        elements.set(header.tag, { vr: header.vr, offset: header.valueOffset, length: header.length });
      }
      return 'continue';
    },
    undefinedLength,
  );
  if (walk.outcome !== 'end') return null;
  const ctx = { src, encoding: enc, elements };
  const inUse = readUint16(ctx, Tag.recordInUseFlag) !== 0;
  const fileId = (readAscii(ctx, Tag.referencedFileId) ?? '').split('\\').map((part) => part.trim()).filter((part) => part !== '');
  const entry: DicomdirEntry | null = inUse && fileId.length > 0 ? { referencedFileId: fileId, recordType: readAscii(ctx, Tag.directoryRecordType) ?? '' } : null;
  return { entry, end: walk.position };
}

function readRecords(src: Source, enc: Encoding, sequence: ElementRef): { entries: DicomdirEntry[]; complete: boolean } {
  const entries: DicomdirEntry[] = [];
  const limit = sequence.length === UNDEFINED_LENGTH ? src.bytes.length : sequence.offset + sequence.length;
  let pos = sequence.offset;
  while (pos + 8 <= limit) {
    const tag = readTag(src, pos, enc.littleEndian);
    if (tag === SEQUENCE_DELIMITER) return { entries, complete: true };
    if (tag !== ITEM) return { entries, complete: false };
    const length = src.view.getUint32(pos + 4, enc.littleEndian);
    const undefinedLength = length === UNDEFINED_LENGTH;
    // An item that claims to run past its sequence is read up to the sequence end (seen in practice).
    const itemLimit = undefinedLength ? limit : Math.min(pos + 8 + length, limit);
    if (itemLimit > src.bytes.length) return { entries, complete: false };
    const record = readRecord(src, enc, pos + 8, itemLimit, undefinedLength);
    if (record === null) return { entries, complete: false };
    if (record.entry !== null) entries.push(record.entry);
    pos = undefinedLength ? record.end : itemLimit;
  }
  return { entries, complete: sequence.length !== UNDEFINED_LENGTH && pos === limit };
}

export function readDicomdir(bytes: Uint8Array): { entries: DicomdirEntry[]; warnings: string[] } {
  const header = parseHeader(bytes);
  if (header.kind !== 'header') throw unreadable();
  const warnings = [...header.layout.warnings];
  const sequence = header.elements.get(Tag.directoryRecordSequence);
  if (sequence === undefined) {
    if (header.layout.meta?.mediaStorageSopClassUid !== MEDIA_STORAGE_DIRECTORY_SOP_CLASS) throw unreadable();
    return { entries: [], warnings: [...warnings, 'The disc index (DICOMDIR) lists no files'] };
  }
  const { entries, complete } = readRecords(header.layout.dataset, header.layout.encoding, sequence);
  if (!complete) {
    if (entries.length === 0) throw unreadable();
    warnings.push(DAMAGED);
  }
  return { entries, warnings };
}
