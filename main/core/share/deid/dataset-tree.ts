/**
 * A DICOM file as a tree of elements whose values are views of the original bytes (no copies),
 * normalised to little endian: the form the de-identifier edits and the post-flight check compares.
 * Implicit VR elements get their VR from the dictionary; big endian values are byte-swapped, which
 * changes no value. Built on the core's element walker (main/core/dicom/element-walker.ts).
 */
import {
  EXPLICIT_LE, IMPLICIT_LE, ITEM, SEQUENCE_DELIMITER, UNDEFINED_LENGTH, makeSource, readTag, valueEnd, walkElements,
  type ElementHeader, type Encoding, type Source,
} from '../../dicom/element-walker';
import { lookupTag, tagText } from '../../dicom/dictionary';
import { detectLayout } from '../../dicom/file-layout';
import { PIXEL_DATA_TAGS } from '../../dicom/tags';
import { isPrivateCreator, isPrivateGroup } from '../../../../shared/standards/confidentiality';
import { DeidError } from './deid-error';

export interface DataElement {
  tag: number;
  vr: string;
  /** Leaf value in little endian; for encapsulated pixel data, the fragment items and delimiter as stored. */
  value: Uint8Array;
  encapsulated: boolean;
  /** Sequences only. */
  items: DataElement[][] | null;
}

export interface DicomTree {
  /** The File Meta group as found (empty for files without one). */
  meta: DataElement[];
  dataset: DataElement[];
  transferSyntaxUid: string;
  hasFileMeta: boolean;
  encoding: Encoding;
}

const SWAP_WIDTH: Record<string, number> = { US: 2, SS: 2, OW: 2, AT: 2, UL: 4, SL: 4, FL: 4, OF: 4, OL: 4, FD: 8, OD: 8, SV: 8, UV: 8, OV: 8 };

function swapped(bytes: Uint8Array, width: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  const whole = bytes.length - (bytes.length % width);
  for (let i = 0; i < whole; i += width) for (let j = 0; j < width; j++) out[i + j] = bytes[i + width - 1 - j] ?? 0;
  out.set(bytes.subarray(whole), whole);
  return out;
}

function outputVr(header: ElementHeader): string {
  const known = lookupTag(header.tag)?.vr ?? null;
  if (header.vr !== null && header.vr !== 'UN') return header.vr;
  if (isPrivateCreator(header.tag)) return 'LO';
  // UN and implicit values are little endian already, so a public one takes its dictionary VR.
  if (header.vr === 'UN' && isPrivateGroup(header.tag >>> 16)) return 'UN';
  return known ?? 'UN';
}

function isSequence(header: ElementHeader, vr: string): boolean {
  if (PIXEL_DATA_TAGS.has(header.tag)) return false;
  return vr === 'SQ' || (header.length === UNDEFINED_LENGTH && (header.vr === null || header.vr === 'UN'));
}

/**
 * Elements and items a file may hold before it is refused. Each costs about a hundred bytes here, so
 * this caps one file's tree at a few hundred MB: far above real files (large RT structure sets and
 * enhanced multi-frame headers hold a few hundred thousand), far below what a hostile file of tiny
 * items could make the process allocate.
 */
export const MAX_TREE_NODES = 2_000_000;

interface NodeBudget { left: number }

function spend(budget: NodeBudget): void {
  if (--budget.left < 0) throw new DeidError('UNSUPPORTED', 'The file holds too many details to be checked one by one, so it cannot be de-identified');
}

function readItems(src: Source, header: ElementHeader, enc: Encoding, depth: number, budget: NodeBudget): DataElement[][] {
  const inner = header.vr === 'UN' ? IMPLICIT_LE : enc;
  const end = header.length === UNDEFINED_LENGTH ? src.bytes.length : header.valueOffset + header.length;
  const items: DataElement[][] = [];
  let pos = header.valueOffset;
  while (pos + 8 <= end) {
    const tag = readTag(src, pos, inner.littleEndian);
    const length = src.view.getUint32(pos + 4, inner.littleEndian);
    pos += 8;
    if (tag === SEQUENCE_DELIMITER) break;
    if (tag !== ITEM) throw new DeidError('DAMAGED', 'A group of details in the file is damaged');
    const undefinedItem = length === UNDEFINED_LENGTH;
    spend(budget);
    const read = readLevel(src, pos, undefinedItem ? end : pos + length, inner, undefinedItem, depth + 1, budget);
    items.push(read.elements);
    pos = undefinedItem ? read.position : pos + length;
  }
  return items;
}

function readLevel(src: Source, start: number, limit: number, enc: Encoding, insideItem: boolean, depth: number, budget: NodeBudget): { elements: DataElement[]; position: number } {
  if (depth > 64) throw new DeidError('DAMAGED', 'The file nests details too deeply to be read');
  const elements: DataElement[] = [];
  const result = walkElements(src, start, limit, enc, (header) => {
    spend(budget);
    const vr = outputVr(header);
    if (isSequence(header, vr)) {
      elements.push({ tag: header.tag, vr: 'SQ', value: new Uint8Array(0), encapsulated: false, items: readItems(src, header, enc, depth, budget) });
      return 'continue';
    }
    const end = valueEnd(src, header, enc);
    const raw = src.bytes.subarray(header.valueOffset, end);
    const encapsulated = header.length === UNDEFINED_LENGTH;
    const width = enc.littleEndian || header.vr === 'UN' ? 0 : (SWAP_WIDTH[vr] ?? 0);
    elements.push({ tag: header.tag, vr: encapsulated ? 'OB' : vr, value: width > 1 ? swapped(raw, width) : raw, encapsulated, items: null });
    return 'continue';
  }, insideItem);
  if (result.outcome !== 'end') throw new DeidError('DAMAGED', 'The file is cut short or damaged, so it cannot be de-identified');
  return { elements, position: result.position };
}

function metaStart(bytes: Uint8Array): number {
  if (bytes.length >= 132 && Buffer.from(bytes.subarray(128, 132)).toString('latin1') === 'DICM') return 132;
  return Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'DICM' ? 4 : 0;
}

export function readDicomTree(bytes: Uint8Array, maxNodes = MAX_TREE_NODES): DicomTree {
  const budget: NodeBudget = { left: maxNodes };
  const detected = detectLayout(bytes);
  if (detected.kind !== 'layout') throw new DeidError('DAMAGED', 'The file is not a medical image file ScanVault can read');
  const { layout } = detected;
  const meta = layout.hasFileMeta ? readLevel(makeSource(bytes), metaStart(bytes), layout.datasetOffset, EXPLICIT_LE, false, 0, budget).elements : [];
  const dataset = readLevel(layout.dataset, layout.datasetStart, layout.dataset.bytes.length, layout.encoding, false, 0, budget).elements;
  return { meta, dataset, transferSyntaxUid: layout.transferSyntaxUid, hasFileMeta: layout.hasFileMeta, encoding: layout.encoding };
}

export interface FlatValue {
  vr: string;
  value: Uint8Array;
  /** Sequences: how many items. */
  itemCount: number | null;
}

/** Every element by path, e.g. "(0008,1115)[0](0008,1140)[1](0008,1155)". */
export function flatten(elements: readonly DataElement[], prefix = '', into = new Map<string, FlatValue>()): Map<string, FlatValue> {
  for (const element of elements) {
    const path = prefix + tagText(element.tag);
    into.set(path, { vr: element.vr, value: element.value, itemCount: element.items?.length ?? null });
    element.items?.forEach((item, i) => flatten(item, `${path}[${i}]`, into));
  }
  return into;
}
