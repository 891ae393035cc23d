/**
 * A tolerant DICOM element walker. It reads element headers and skips values without copying
 * them; sequences (defined or undefined length, nested, VR UN holding implicit VR) are stepped
 * over by parsing just their item structure.
 */
export const UNDEFINED_LENGTH = 0xffffffff;
export const ITEM = 0xfffee000;
export const ITEM_DELIMITER = 0xfffee00d;
export const SEQUENCE_DELIMITER = 0xfffee0dd;
const MAX_DEPTH = 64;

export interface Encoding {
  littleEndian: boolean;
  explicitVr: boolean;
}

export const IMPLICIT_LE: Encoding = { littleEndian: true, explicitVr: false };
export const EXPLICIT_LE: Encoding = { littleEndian: true, explicitVr: true };
export const EXPLICIT_BE: Encoding = { littleEndian: false, explicitVr: true };

export interface Source {
  bytes: Uint8Array;
  view: DataView;
}

export interface ElementHeader {
  /** (group << 16 | element), unsigned. */
  tag: number;
  /** As written in the file; null for implicit VR and item/delimiter tags. */
  vr: string | null;
  length: number;
  headerOffset: number;
  valueOffset: number;
}

/** Thrown inside the walker; callers of the walk functions get it as an outcome. */
export class WalkError extends Error {
  readonly reason: 'truncated' | 'malformed';

  constructor(reason: 'truncated' | 'malformed') {
    super(reason);
    this.reason = reason;
  }
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const SHORT_VRS = new Set([
  'AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'PN', 'SH', 'SL', 'SS', 'ST', 'TM', 'UI', 'UL', 'US',
]);

export function isKnownVr(vr: string): boolean {
  return LONG_VRS.has(vr) || SHORT_VRS.has(vr);
}

export function makeSource(bytes: Uint8Array): Source {
  return { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

export function readTag(src: Source, pos: number, littleEndian: boolean): number {
  const group = src.view.getUint16(pos, littleEndian);
  const element = src.view.getUint16(pos + 2, littleEndian);
  return ((group << 16) | element) >>> 0;
}

function vrAt(src: Source, pos: number): string {
  return String.fromCharCode(src.bytes[pos] ?? 0, src.bytes[pos + 1] ?? 0);
}

/**
 * Reads the element header at pos, or returns null when fewer header bytes remain than needed.
 * In explicit VR, bytes that are not a VR mean the element is in implicit VR (files with implicit
 * VR sequences inside explicit datasets exist). `strict` rejects both that and unknown VRs.
 */
export function readElementHeader(src: Source, pos: number, enc: Encoding, strict = false): ElementHeader | null {
  const end = src.bytes.length;
  if (pos + 8 > end) return null;
  const tag = readTag(src, pos, enc.littleEndian);
  const isItemTag = tag >>> 16 === 0xfffe;
  if (!enc.explicitVr || isItemTag) {
    return { tag, vr: null, length: src.view.getUint32(pos + 4, enc.littleEndian), headerOffset: pos, valueOffset: pos + 8 };
  }
  const vr = vrAt(src, pos + 4);
  if (LONG_VRS.has(vr)) {
    if (pos + 12 > end) return null;
    return { tag, vr, length: src.view.getUint32(pos + 8, enc.littleEndian), headerOffset: pos, valueOffset: pos + 12 };
  }
  if (SHORT_VRS.has(vr)) {
    return { tag, vr, length: src.view.getUint16(pos + 6, enc.littleEndian), headerOffset: pos, valueOffset: pos + 8 };
  }
  if (strict) throw new WalkError('malformed');
  if (/^[A-Z]{2}$/.test(vr)) return unknownVrHeader(src, pos, enc, tag, vr);
  return { tag, vr: null, length: src.view.getUint32(pos + 4, enc.littleEndian), headerOffset: pos, valueOffset: pos + 8 };
}

/** A VR this reader does not know (a newer one): long form when the reserved bytes are zero. */
function unknownVrHeader(src: Source, pos: number, enc: Encoding, tag: number, vr: string): ElementHeader | null {
  if (src.bytes[pos + 6] === 0 && src.bytes[pos + 7] === 0) {
    if (pos + 12 > src.bytes.length) return null;
    return { tag, vr, length: src.view.getUint32(pos + 8, enc.littleEndian), headerOffset: pos, valueOffset: pos + 12 };
  }
  return { tag, vr, length: src.view.getUint16(pos + 6, enc.littleEndian), headerOffset: pos, valueOffset: pos + 8 };
}

/** Position just after the element's value; throws WalkError when the value runs past the end. */
export function valueEnd(src: Source, header: ElementHeader, enc: Encoding, depth = 0): number {
  if (header.length !== UNDEFINED_LENGTH) {
    const end = header.valueOffset + header.length;
    if (end > src.bytes.length) throw new WalkError('truncated');
    return end;
  }
  // Undefined-length UN is implicit VR little endian inside (PS3.5 6.2.2).
  const inner = header.vr === 'UN' ? IMPLICIT_LE : enc;
  return skipUndefinedSequence(src, header.valueOffset, inner, depth + 1);
}

/** Steps over items until the Sequence Delimitation Item; returns the position after it. */
export function skipUndefinedSequence(src: Source, start: number, enc: Encoding, depth: number): number {
  if (depth > MAX_DEPTH) throw new WalkError('malformed');
  let pos = start;
  for (;;) {
    if (pos + 8 > src.bytes.length) throw new WalkError('truncated');
    const tag = readTag(src, pos, enc.littleEndian);
    const length = src.view.getUint32(pos + 4, enc.littleEndian);
    pos += 8;
    if (tag === SEQUENCE_DELIMITER) return pos;
    if (tag !== ITEM) throw new WalkError('malformed');
    if (length === UNDEFINED_LENGTH) {
      pos = skipUndefinedItem(src, pos, enc, depth + 1);
    } else {
      pos += length;
      if (pos > src.bytes.length) throw new WalkError('truncated');
    }
  }
}

/** Steps over the elements of an undefined-length item; returns the position after its delimiter. */
export function skipUndefinedItem(src: Source, start: number, enc: Encoding, depth: number): number {
  if (depth > MAX_DEPTH) throw new WalkError('malformed');
  let pos = start;
  for (;;) {
    if (pos + 8 > src.bytes.length) throw new WalkError('truncated');
    const tag = readTag(src, pos, enc.littleEndian);
    if (tag === ITEM_DELIMITER) return pos + 8;
    // Tolerate a missing item delimiter: let the sequence loop consume the sequence delimiter.
    if (tag === SEQUENCE_DELIMITER) return pos;
    const header = readElementHeader(src, pos, enc);
    if (header === null) throw new WalkError('truncated');
    pos = valueEnd(src, header, enc, depth);
  }
}

export type WalkOutcome = 'end' | 'stopped' | 'truncated' | 'malformed';

/**
 * Visits the elements from `start` up to `limit` at one nesting level. The visitor may return
 * 'stop' to end the walk before the element's value is skipped (used at Pixel Data). Inside an
 * undefined-length item (`insideItem`), the walk ends after the Item Delimitation Item.
 */
export function walkElements(
  src: Source,
  start: number,
  limit: number,
  enc: Encoding,
  visit: (header: ElementHeader) => 'continue' | 'stop',
  insideItem = false,
): { outcome: WalkOutcome; position: number } {
  let pos = start;
  try {
    while (pos < limit) {
      const header = readElementHeader(src, pos, enc);
      if (header === null) return { outcome: isZeroPadding(src, pos) ? 'end' : 'truncated', position: pos };
      if (insideItem && header.tag === ITEM_DELIMITER) return { outcome: 'end', position: header.valueOffset };
      if (header.tag === ITEM_DELIMITER || header.tag === SEQUENCE_DELIMITER) {
        pos = header.valueOffset; // stray delimiter at this level: step over it
        continue;
      }
      if (visit(header) === 'stop') return { outcome: 'stopped', position: pos };
      pos = valueEnd(src, header, enc);
    }
    return { outcome: 'end', position: pos };
  } catch (error) {
    if (error instanceof WalkError) return { outcome: error.reason, position: pos };
    if (error instanceof RangeError) return { outcome: 'truncated', position: pos };
    throw error;
  }
}

function isZeroPadding(src: Source, pos: number): boolean {
  for (let i = pos; i < src.bytes.length; i++) if (src.bytes[i] !== 0) return false;
  return true;
}
