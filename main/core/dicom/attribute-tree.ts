/**
 * Every attribute of a DICOM file as a tree: File Meta, dataset, sequences with their items, each
 * value decoded for reading (see attribute-values.ts). Private attributes carry their creator.
 * Pixel data is described, never copied. Tolerant like the rest of the reader: a cut or garbled
 * file gives the attributes read so far and says so.
 */
import { parseCharacterSet, type CharacterSet } from './charset';
import {
  EXPLICIT_LE, IMPLICIT_LE, ITEM, SEQUENCE_DELIMITER, UNDEFINED_LENGTH, makeSource, readTag, walkElements,
  type ElementHeader, type Encoding, type Source, type WalkOutcome,
} from './element-walker';
import { readValue, type ValueLimits } from './attribute-values';
import { lookupTag } from './dictionary';
import { detectLayout } from './file-layout';
import { PIXEL_DATA_TAGS, Tag } from './tags';
import { isPrivateCreator } from '../../../shared/standards/confidentiality';

export interface DicomAttribute {
  tag: number;
  /** The VR used to read the value: from the file, or from the dictionary (implicit VR); null if neither knows. */
  vr: string | null;
  keyword: string | null;
  /** null: undefined length. */
  length: number | null;
  /** Readable values; null for sequences, binary data and pixel data. */
  values: string[] | null;
  /** More values or text than the limits let through. */
  truncated: boolean;
  /** Byte length of a binary value (OB, OW, UN...). */
  binaryLength: number | null;
  /** Pixel data: fragments count when encapsulated (null when native). */
  pixelData: { encapsulated: boolean; fragments: number | null } | null;
  privateCreator: string | null;
  items: DicomItem[] | null;
}

export interface DicomItem {
  attributes: DicomAttribute[];
}

export interface AttributeTree {
  transferSyntaxUid: string;
  characterSet: string | null;
  meta: DicomAttribute[];
  dataset: DicomAttribute[];
  /** 'end' when the whole file was read. */
  outcome: WalkOutcome;
  /** True when more attributes exist than the node limit let through. */
  limited: boolean;
}

export interface TreeLimits extends ValueLimits {
  /** Attributes and items in total; a file with more is cut there (limited = true). */
  maxNodes: number;
}

export const DEFAULT_TREE_LIMITS: TreeLimits = { maxTextChars: 4096, maxNumbers: 64, maxNodes: 20_000 };

interface Walk {
  src: Source;
  limits: TreeLimits;
  nodes: number;
  limited: boolean;
}

interface Level {
  enc: Encoding;
  charset: CharacterSet;
  /** Private Creator values of this dataset or item, keyed by (group << 8 | block). */
  creators: Map<number, string>;
}

const NO_CHARSET = parseCharacterSet(null);

function effectiveVr(header: ElementHeader): string | null {
  if (header.vr !== null && header.vr !== 'UN') return header.vr;
  if (isPrivateCreator(header.tag)) return 'LO';
  const known = lookupTag(header.tag)?.vr ?? null;
  // An explicit UN keeps UN unless the dictionary knows better (PS3.5 6.2.2 allows reading it so).
  return known ?? header.vr;
}

function privateCreatorOf(tag: number, level: Level): string | null {
  const group = tag >>> 16;
  if (group % 2 === 0) return null;
  const element = tag & 0xffff;
  if (element < 0x1000) return null;
  return level.creators.get((group << 8) | (element >>> 8)) ?? null;
}

function countFragments(src: Source, start: number, enc: Encoding): number | null {
  let pos = start;
  let count = 0;
  while (pos + 8 <= src.bytes.length) {
    const tag = readTag(src, pos, enc.littleEndian);
    const length = src.view.getUint32(pos + 4, enc.littleEndian);
    if (tag === SEQUENCE_DELIMITER) return Math.max(0, count - 1); // the first item is the offset table
    if (tag !== ITEM || length === UNDEFINED_LENGTH) return null;
    count++;
    pos += 8 + length;
  }
  return null;
}

function readItems(walk: Walk, header: ElementHeader, level: Level): DicomItem[] {
  // Inside UN (explicit files), the sequence is implicit VR little endian (PS3.5 6.2.2).
  const enc = header.vr === 'UN' ? IMPLICIT_LE : level.enc;
  const { src } = walk;
  const defined = header.length !== UNDEFINED_LENGTH;
  const end = defined ? Math.min(header.valueOffset + header.length, src.bytes.length) : src.bytes.length;
  const items: DicomItem[] = [];
  let pos = header.valueOffset;
  while (pos + 8 <= end && !walk.limited) {
    const tag = readTag(src, pos, enc.littleEndian);
    const length = src.view.getUint32(pos + 4, enc.littleEndian);
    pos += 8;
    if (tag === SEQUENCE_DELIMITER || tag !== ITEM) break;
    const itemLimit = length === UNDEFINED_LENGTH ? end : Math.min(pos + length, end);
    if (++walk.nodes > walk.limits.maxNodes) {
      walk.limited = true;
      break;
    }
    const inner: Level = { enc, charset: level.charset, creators: new Map() };
    const read = readLevel(walk, pos, itemLimit, inner, length === UNDEFINED_LENGTH);
    items.push({ attributes: read.attributes });
    if (read.outcome !== 'end' && read.outcome !== 'stopped') break;
    pos = length === UNDEFINED_LENGTH ? read.position : itemLimit;
  }
  return items;
}

function isSequence(header: ElementHeader, vr: string | null): boolean {
  if (PIXEL_DATA_TAGS.has(header.tag)) return false;
  return vr === 'SQ' || (header.length === UNDEFINED_LENGTH && (header.vr === null || header.vr === 'UN'));
}

function readAttribute(walk: Walk, header: ElementHeader, level: Level): DicomAttribute {
  const vr = effectiveVr(header);
  const base: DicomAttribute = {
    tag: header.tag, vr, keyword: lookupTag(header.tag)?.keyword ?? null,
    length: header.length === UNDEFINED_LENGTH ? null : header.length,
    values: null, truncated: false, binaryLength: null, pixelData: null,
    privateCreator: privateCreatorOf(header.tag, level), items: null,
  };
  if (PIXEL_DATA_TAGS.has(header.tag)) {
    const encapsulated = header.length === UNDEFINED_LENGTH;
    return { ...base, pixelData: { encapsulated, fragments: encapsulated ? countFragments(walk.src, header.valueOffset, level.enc) : null }, binaryLength: encapsulated ? null : header.length };
  }
  if (isSequence(header, vr)) return { ...base, vr: 'SQ', items: readItems(walk, header, level) };
  if (header.length === UNDEFINED_LENGTH) return base;
  const bytes = walk.src.bytes.subarray(header.valueOffset, header.valueOffset + header.length);
  // Values of UN read by their dictionary VR are implicit VR little endian.
  const littleEndian = header.vr === 'UN' ? true : level.enc.littleEndian;
  const value = readValue(bytes, vr ?? 'UN', littleEndian, level.charset, walk.limits);
  return value.kind === 'text' ? { ...base, values: value.values, truncated: value.truncated } : { ...base, binaryLength: value.length };
}

function readLevel(walk: Walk, start: number, limit: number, level: Level, insideItem: boolean): { attributes: DicomAttribute[]; outcome: WalkOutcome; position: number } {
  const attributes: DicomAttribute[] = [];
  const result = walkElements(walk.src, start, limit, level.enc, (header) => {
    if (++walk.nodes > walk.limits.maxNodes) {
      walk.limited = true;
      return 'stop';
    }
    const attribute = readAttribute(walk, header, level);
    attributes.push(attribute);
    if (header.tag === Tag.specificCharacterSet) {
      // An item may declare its own character set (PS3.3 C.12.1.1.2): it applies from here down.
      level.charset = parseCharacterSet(attribute.values?.join('\\') ?? null);
    }
    const element = header.tag & 0xffff;
    if ((header.tag >>> 16) % 2 === 1 && element >= 0x10 && element <= 0xff && attribute.values?.[0] !== undefined) {
      level.creators.set(((header.tag >>> 16) << 8) | element, attribute.values[0]);
    }
    return 'continue';
  }, insideItem);
  return { attributes, ...result };
}

function metaStart(bytes: Uint8Array): number {
  const magic = (at: number) => bytes[at] === 0x44 && bytes[at + 1] === 0x49 && bytes[at + 2] === 0x43 && bytes[at + 3] === 0x4d;
  if (bytes.length >= 132 && magic(128)) return 132;
  return magic(0) ? 4 : 0;
}

/** The attribute tree of a whole file, or null when it is not a DICOM file this reader can lay out. */
export function readAttributeTree(bytes: Uint8Array, limits: TreeLimits = DEFAULT_TREE_LIMITS): AttributeTree | null {
  const detected = detectLayout(bytes);
  if (detected.kind !== 'layout') return null;
  const { layout } = detected;
  const metaWalk: Walk = { src: makeSource(bytes), limits, nodes: 0, limited: false };
  const meta = layout.hasFileMeta
    ? readLevel(metaWalk, metaStart(bytes), layout.datasetOffset, { enc: EXPLICIT_LE, charset: NO_CHARSET, creators: new Map() }, false).attributes
    : [];
  const walk: Walk = { src: layout.dataset, limits, nodes: metaWalk.nodes, limited: false };
  const level: Level = { enc: layout.encoding, charset: NO_CHARSET, creators: new Map() };
  const read = readLevel(walk, layout.datasetStart, layout.dataset.bytes.length, level, false);
  const charsetAttribute = read.attributes.find((a) => a.tag === Tag.specificCharacterSet);
  return {
    transferSyntaxUid: layout.transferSyntaxUid,
    characterSet: charsetAttribute?.values?.join('\\') ?? null,
    meta,
    dataset: read.attributes,
    outcome: walk.limited ? 'end' : read.outcome,
    limited: walk.limited,
  };
}
