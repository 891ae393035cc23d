/**
 * Every attribute changed, added or removed between an original and a copy, nested sequences
 * included (paths like "(0008,1115)[0](0020,000E)"). Values are compared as stored (text by its
 * decoded value, so padding alone is no change) and shown readable; binary values as their size.
 * Pixel data is compared as pixels elsewhere, and group lengths are noise that every edit changes.
 */
import type { AttributeChange } from '../../../shared/compare/compare-report';
import { readValue, type ValueLimits } from '../dicom/attribute-values';
import { parseCharacterSet, type CharacterSet } from '../dicom/charset';
import { lookupTag } from '../dicom/dictionary';
import { Tag } from '../dicom/tags';
import { flatten, readDicomTree, type DataElement, type DicomTree, type FlatValue } from '../share/deid/dataset-tree';

const DISPLAY: ValueLimits = { maxTextChars: 256, maxNumbers: 16 };
const FULL: ValueLimits = { maxTextChars: 16 * 1024 * 1024, maxNumbers: 1024 * 1024 };
/** Compared as pixels, not as attributes. */
const PIXEL_TAGS = new Set<number>([Tag.pixelData, Tag.floatPixelData, Tag.doubleFloatPixelData, Tag.extendedOffsetTable, 0x7fe00002]);
const DATASET_TRAILING_PADDING = 0xfffcfffc;
const TRANSFER_SYNTAX = 0x00020010;

export type TreeResult = { tree: DicomTree } | { reason: string };

export function readTree(bytes: Uint8Array): TreeResult {
  try {
    return { tree: readDicomTree(bytes) };
  } catch (error) {
    if (error instanceof Error && 'code' in error) return { reason: error.message };
    throw error;
  }
}

function charsetOf(elements: readonly DataElement[]): CharacterSet {
  const element = elements.find((e) => e.tag === Tag.specificCharacterSet);
  return parseCharacterSet(element === undefined ? null : Buffer.from(element.value).toString('latin1').replace(/[\0 ]+$/, ''));
}

const leafTag = (path: string): number => Number.parseInt(path.slice(-10, -6) + path.slice(-5, -1), 16);

function ignored(tag: number, topLevel: boolean): boolean {
  if ((tag & 0xffff) === 0 || tag === DATASET_TRAILING_PADDING) return true;
  return topLevel && PIXEL_TAGS.has(tag);
}

function text(value: FlatValue, charset: CharacterSet, limits: ValueLimits): string {
  if (value.itemCount !== null) return value.itemCount === 1 ? '1 item' : `${value.itemCount} items`;
  const read = readValue(value.value, value.vr, true, charset, limits);
  if (read.kind === 'binary') return `${read.length} bytes`;
  return read.values.join('\\') + (read.truncated ? '…' : '');
}

function same(a: FlatValue, b: FlatValue, ca: CharacterSet, cb: CharacterSet): boolean {
  if (a.itemCount !== null || b.itemCount !== null) return a.itemCount === b.itemCount;
  if (Buffer.compare(Buffer.from(a.value), Buffer.from(b.value)) === 0) return true;
  const ra = readValue(a.value, a.vr, true, ca, FULL);
  const rb = readValue(b.value, b.vr, true, cb, FULL);
  return ra.kind === 'text' && rb.kind === 'text' && ra.values.join('\\') === rb.values.join('\\');
}

function changeOf(path: string, kind: AttributeChange['change'], before: string | null, after: string | null): AttributeChange {
  const tag = leafTag(path);
  return { tag: path.slice(-11), keyword: lookupTag(tag)?.keyword ?? null, change: kind, before, after, path };
}

/** Changes from `original` to `copy`, in the original's order, then what the copy added. */
export function diffElements(original: readonly DataElement[], copy: readonly DataElement[]): AttributeChange[] {
  const ca = charsetOf(original);
  const cb = charsetOf(copy);
  const a = flatten(original);
  const b = flatten(copy);
  const changes: AttributeChange[] = [];
  const skip = (path: string): boolean => ignored(leafTag(path), path.length === 11);
  for (const [path, before] of a) {
    if (skip(path)) continue;
    const after = b.get(path);
    if (after === undefined) changes.push(changeOf(path, 'removed', text(before, ca, DISPLAY), null));
    else if (!same(before, after, ca, cb)) changes.push(changeOf(path, 'changed', text(before, ca, DISPLAY), text(after, cb, DISPLAY)));
  }
  for (const [path, after] of b) {
    if (!skip(path) && !a.has(path)) changes.push(changeOf(path, 'added', null, text(after, cb, DISPLAY)));
  }
  return changes;
}

/** File Meta changes only (a copy whose dataset is byte-identical). */
export function diffMeta(original: DicomTree, copy: DicomTree): AttributeChange[] {
  return diffElements(original.meta, copy.meta);
}

/** Dataset changes, plus the transfer syntax when the copy was re-encoded. */
export function diffDataset(original: DicomTree, copy: DicomTree): AttributeChange[] {
  const changes = diffElements(original.dataset, copy.dataset);
  if (original.transferSyntaxUid !== copy.transferSyntaxUid) {
    changes.unshift({ ...changeOf('(0002,0010)', 'changed', original.transferSyntaxUid, copy.transferSyntaxUid), keyword: lookupTag(TRANSFER_SYNTAX)?.keyword ?? 'TransferSyntaxUID' });
  }
  return changes;
}
