/**
 * Writes a DicomTree as a PS3.10 file in explicit VR little endian. Values are copied as they are
 * (the tree holds views of the original bytes), so everything the profile did not change stays
 * byte for byte, pixel data included. Sequences and items are written with undefined length, which
 * needs no length fix-ups when elements inside them were removed.
 *
 * The file's length is worked out first and everything is written into one buffer: building it
 * from a small Buffer per element header and concatenating them cost hundreds of allocations per
 * file (garbage the collector then spent its time on), and a copy of the whole file.
 */
import type { DataElement } from './dataset-tree';

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;
const ITEM_TAG_LENGTH = 8;

const isLong = (vr: string, length: number) => LONG_VRS.has(vr) || length > 0xffff;
const headerLength = (vr: string, length: number) => (isLong(vr, length) ? 12 : 8);

function lengthOf(elements: readonly DataElement[]): number {
  let total = 0;
  for (const element of elements) {
    if (element.items !== null) {
      total += headerLength('SQ', UNDEFINED) + ITEM_TAG_LENGTH; // header, sequence delimiter
      for (const item of element.items) total += 2 * ITEM_TAG_LENGTH + lengthOf(item);
    } else if (element.encapsulated) total += headerLength('OB', UNDEFINED) + element.value.length;
    else total += headerLength(element.vr, element.value.length) + element.value.length;
  }
  return total;
}

function writeHeader(out: Buffer, at: number, tag: number, vr: string, length: number): number {
  const long = isLong(vr, length);
  out.writeUInt16LE(tag >>> 16, at);
  out.writeUInt16LE(tag & 0xffff, at + 2);
  // A short-form VR cannot hold a value over 64 KiB; UN can, and keeps the bytes unchanged.
  out.write(long && !LONG_VRS.has(vr) ? 'UN' : vr, at + 4, 2, 'latin1');
  if (long) {
    out.writeUInt32LE(length >>> 0, at + 8); // bytes 6-7 reserved, left zero
    return at + 12;
  }
  out.writeUInt16LE(length, at + 6);
  return at + 8;
}

function writeItemTag(out: Buffer, at: number, element: number, length: number): number {
  out.writeUInt16LE(0xfffe, at);
  out.writeUInt16LE(element, at + 2);
  out.writeUInt32LE(length >>> 0, at + 4);
  return at + ITEM_TAG_LENGTH;
}

function writeInto(elements: readonly DataElement[], out: Buffer, start: number): number {
  let at = start;
  for (const element of elements) {
    if (element.items !== null) {
      at = writeHeader(out, at, element.tag, 'SQ', UNDEFINED);
      for (const item of element.items) {
        at = writeItemTag(out, at, 0xe000, UNDEFINED);
        at = writeInto(item, out, at);
        at = writeItemTag(out, at, 0xe00d, 0);
      }
      at = writeItemTag(out, at, 0xe0dd, 0);
      continue;
    }
    at = element.encapsulated ? writeHeader(out, at, element.tag, 'OB', UNDEFINED) : writeHeader(out, at, element.tag, element.vr, element.value.length);
    out.set(element.value, at);
    at += element.value.length;
  }
  return at;
}

/** Elements written into a new buffer of their own (for callers that splice encoded elements). */
export function encodeElements(elements: readonly DataElement[]): Buffer {
  const out = Buffer.alloc(lengthOf(elements));
  writeInto(elements, out, 0);
  return out;
}

/** Preamble, DICM, the meta group (its group length computed here), then the dataset. */
export function writeFile(meta: readonly DataElement[], dataset: readonly DataElement[]): Buffer {
  const metaElements = meta.filter((e) => e.tag !== 0x00020000);
  const metaLength = lengthOf(metaElements);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaLength, 0);
  const group: DataElement = { tag: 0x00020000, vr: 'UL', value: groupLength, encapsulated: false, items: null };
  // Zero-filled: the preamble stays zeros, and no byte of the buffer is left as it was found in memory.
  const out = Buffer.alloc(132 + lengthOf([group]) + metaLength + lengthOf(dataset));
  out.write('DICM', 128, 'latin1');
  let at = writeInto([group], out, 132);
  at = writeInto(metaElements, out, at);
  at = writeInto(dataset, out, at);
  if (at !== out.length) throw new Error(`serialised ${at} of ${out.length} bytes`); // a sizing bug, never a short file
  return out;
}
