/**
 * Where the File Meta group and the dataset are, and how the dataset is encoded: from the meta
 * when it is there and agrees with the data, otherwise inferred (with a plain warning).
 */
import { inflateRawSync, inflateSync, constants as zlibConstants } from 'node:zlib';
import { EXPLICIT_LE, makeSource, readElementHeader, valueEnd, WalkError, type Encoding, type Source } from './element-walker';
import { RAW_DATASET_MAX_FIRST_GROUP, inferEncoding, isPlausible } from './plausibility';
import { describeEncoding, encodingOf, isDeflatedDataset, isNativeTransferSyntax, uidForEncoding } from './transfer-syntax';

export interface FileMeta {
  transferSyntaxUid: string | null;
  mediaStorageSopClassUid: string | null;
  mediaStorageSopInstanceUid: string | null;
}

export interface FileLayout {
  hasFileMeta: boolean;
  meta: FileMeta | null;
  /** In the file's bytes. */
  datasetOffset: number;
  transferSyntaxUid: string;
  encoding: Encoding;
  /** The bytes the dataset walk reads: the file itself, or the inflated dataset when deflated. */
  dataset: Source;
  /** Where the dataset starts inside `dataset` (0 when inflated). */
  datasetStart: number;
  warnings: string[];
}

export type LayoutResult = { kind: 'layout'; layout: FileLayout } | { kind: 'damaged'; reason: string } | { kind: 'unrecognised' };

const META_GROUP = 0x0002;
/** A deflated dataset larger than this is treated as damaged rather than exhausting memory. */
const MAX_INFLATED_DATASET = 1024 * 1024 * 1024;
const UNREADABLE = 'The file is marked as a medical image (DICOM) file, but its contents cannot be read';

function hasMagic(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

function asciiValue(src: Source, offset: number, length: number): string {
  let text = '';
  for (let i = offset; i < offset + length; i++) text += String.fromCharCode(src.bytes[i] ?? 0);
  return text.replace(/[\0 ]+$/g, '').trim();
}

/** Reads group 0002 elements (explicit VR LE, tolerating implicit) until another group starts. */
function readFileMeta(src: Source, start: number): { meta: FileMeta; end: number } | null {
  const meta: FileMeta = { transferSyntaxUid: null, mediaStorageSopClassUid: null, mediaStorageSopInstanceUid: null };
  let pos = start;
  try {
    for (;;) {
      const header = readElementHeader(src, pos, EXPLICIT_LE);
      if (header === null || header.tag >>> 16 !== META_GROUP) break;
      const end = valueEnd(src, header, EXPLICIT_LE);
      const value = () => asciiValue(src, header.valueOffset, header.length);
      if (header.tag === 0x00020002) meta.mediaStorageSopClassUid = value() || null;
      if (header.tag === 0x00020003) meta.mediaStorageSopInstanceUid = value() || null;
      if (header.tag === 0x00020010) meta.transferSyntaxUid = value() || null;
      pos = end;
    }
  } catch (error) {
    if (error instanceof WalkError || error instanceof RangeError) return null;
    throw error;
  }
  return pos === start ? null : { meta, end: pos };
}

/** Inflates a Deflated Explicit VR LE dataset; tolerates a zlib wrapper and a cut-off stream. */
function inflateDataset(compressed: Uint8Array): Uint8Array | null {
  const maxOutputLength = MAX_INFLATED_DATASET;
  const attempts = [
    () => inflateRawSync(compressed, { maxOutputLength }),
    () => inflateSync(compressed, { maxOutputLength }),
    () => inflateRawSync(compressed, { maxOutputLength, finishFlush: zlibConstants.Z_SYNC_FLUSH }),
  ];
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch {
      // try the next form
    }
  }
  return null;
}

function metaStart(bytes: Uint8Array, src: Source): { start: number; warning: string | null } | null {
  if (bytes.length >= 132 && hasMagic(bytes, 128, 'DICM')) return { start: 132, warning: null };
  const noPreamble = 'File has no 128-byte preamble before its header block; it was read from the header block directly';
  if (hasMagic(bytes, 0, 'DICM')) return { start: 4, warning: noPreamble };
  if (bytes.length >= 8 && src.view.getUint16(0, true) === META_GROUP && /^[A-Z]{2}$/.test(asciiValue(src, 4, 2))) {
    return { start: 0, warning: noPreamble };
  }
  return null;
}

export function detectLayout(bytes: Uint8Array): LayoutResult {
  const src = makeSource(bytes);
  const start = metaStart(bytes, src);
  if (start === null) return rawDatasetLayout(src);
  const read = readFileMeta(src, start.start);
  if (read === null) return { kind: 'damaged', reason: UNREADABLE };
  const warnings = start.warning === null ? [] : [start.warning];
  return datasetAfterMeta(src, read.meta, read.end, warnings);
}

function rawDatasetLayout(src: Source): LayoutResult {
  const encoding = inferEncoding(src, 0, RAW_DATASET_MAX_FIRST_GROUP);
  if (encoding === null) return { kind: 'unrecognised' };
  const warning = `File has no DICOM header block (meta information); format was inferred as ${describeEncoding(encoding)}`;
  return {
    kind: 'layout',
    layout: {
      hasFileMeta: false,
      meta: null,
      datasetOffset: 0,
      transferSyntaxUid: uidForEncoding(encoding),
      encoding,
      dataset: src,
      datasetStart: 0,
      warnings: [warning],
    },
  };
}

function datasetAfterMeta(src: Source, meta: FileMeta, datasetOffset: number, warnings: string[]): LayoutResult {
  const declared = meta.transferSyntaxUid;
  const base = { hasFileMeta: true, meta, datasetOffset, warnings };
  if (declared !== null && isDeflatedDataset(declared)) {
    const inflated = inflateDataset(src.bytes.subarray(datasetOffset));
    if (inflated === null) return { kind: 'damaged', reason: 'The compressed contents of the file cannot be unpacked' };
    const layout = { ...base, transferSyntaxUid: declared, encoding: EXPLICIT_LE, dataset: makeSource(inflated), datasetStart: 0 };
    return { kind: 'layout', layout };
  }
  const atEnd = datasetOffset >= src.bytes.length;
  if (declared !== null && (atEnd || isPlausible(src, datasetOffset, encodingOf(declared), true))) {
    return { kind: 'layout', layout: { ...base, transferSyntaxUid: declared, encoding: encodingOf(declared), dataset: src, datasetStart: datasetOffset } };
  }
  const inferred = atEnd ? EXPLICIT_LE : inferEncoding(src, datasetOffset);
  if (inferred === null) return { kind: 'damaged', reason: UNREADABLE };
  warnings.push(
    declared === null
      ? `The file's header block does not name its encoding (transfer syntax); it was inferred as ${describeEncoding(inferred)}`
      : `The file's header block names a different encoding than its data uses; it was read as ${describeEncoding(inferred)}`,
  );
  // A compressed syntax keeps its UID (the pixel fragments are still compressed); a native one is replaced.
  const transferSyntaxUid = declared === null || isNativeTransferSyntax(declared) ? uidForEncoding(inferred) : declared;
  return { kind: 'layout', layout: { ...base, transferSyntaxUid, encoding: inferred, dataset: src, datasetStart: datasetOffset } };
}
