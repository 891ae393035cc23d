/**
 * Writes a DicomTree as a PS3.10 file in explicit VR little endian. Values are copied as they are
 * (the tree holds views of the original bytes), so everything the profile did not change stays
 * byte for byte, pixel data included. Sequences and items are written with undefined length, which
 * needs no length fix-ups when elements inside them were removed.
 */
import type { DataElement } from './dataset-tree';

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;

function header(tag: number, vr: string, length: number): Uint8Array {
  const long = LONG_VRS.has(vr) || length > 0xffff;
  const out = Buffer.alloc(long ? 12 : 8);
  out.writeUInt16LE(tag >>> 16, 0);
  out.writeUInt16LE(tag & 0xffff, 2);
  // A short-form VR cannot hold a value over 64 KiB; UN can, and keeps the bytes unchanged.
  out.write(long && !LONG_VRS.has(vr) ? 'UN' : vr, 4, 'latin1');
  if (long) out.writeUInt32LE(length >>> 0, 8);
  else out.writeUInt16LE(length, 6);
  return out;
}

function itemTag(element: number, length: number): Uint8Array {
  const out = Buffer.alloc(8);
  out.writeUInt16LE(0xfffe, 0);
  out.writeUInt16LE(element, 2);
  out.writeUInt32LE(length >>> 0, 4);
  return out;
}

export function writeElements(elements: readonly DataElement[], out: Uint8Array[]): void {
  for (const element of elements) {
    if (element.items !== null) {
      out.push(header(element.tag, 'SQ', UNDEFINED));
      for (const item of element.items) {
        out.push(itemTag(0xe000, UNDEFINED));
        writeElements(item, out);
        out.push(itemTag(0xe00d, 0));
      }
      out.push(itemTag(0xe0dd, 0));
      continue;
    }
    if (element.encapsulated) {
      out.push(header(element.tag, 'OB', UNDEFINED), element.value);
      continue;
    }
    out.push(header(element.tag, element.vr, element.value.length), element.value);
  }
}

/** Preamble, DICM, the meta group (its group length computed here), then the dataset. */
export function writeFile(meta: readonly DataElement[], dataset: readonly DataElement[]): Buffer {
  const metaChunks: Uint8Array[] = [];
  writeElements(meta.filter((e) => e.tag !== 0x00020000), metaChunks);
  const metaLength = metaChunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaLength, 0);
  const chunks: Uint8Array[] = [Buffer.alloc(128), Buffer.from('DICM', 'latin1')];
  writeElements([{ tag: 0x00020000, vr: 'UL', value: groupLength, encapsulated: false, items: null }], chunks);
  chunks.push(...metaChunks);
  writeElements(dataset, chunks);
  return Buffer.concat(chunks);
}
