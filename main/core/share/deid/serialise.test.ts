import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSeries } from '../../../test-support/dicom-fixtures';
import { readManifest, sampleBytes, samplesPresent } from '../../../test-support/sample-corpus';
import { readDicomTree, type DataElement } from './dataset-tree';
import { encodeElements, writeFile } from './serialise';

/** The writer as it was (a Buffer per header, then one concat): the reference for the one-buffer writer. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
function header(tag: number, vr: string, length: number): Uint8Array {
  const long = LONG_VRS.has(vr) || length > 0xffff;
  const out = Buffer.alloc(long ? 12 : 8);
  out.writeUInt16LE(tag >>> 16, 0);
  out.writeUInt16LE(tag & 0xffff, 2);
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
function referenceElements(elements: readonly DataElement[], out: Uint8Array[]): void {
  for (const element of elements) {
    if (element.items !== null) {
      out.push(header(element.tag, 'SQ', 0xffffffff));
      for (const item of element.items) {
        out.push(itemTag(0xe000, 0xffffffff));
        referenceElements(item, out);
        out.push(itemTag(0xe00d, 0));
      }
      out.push(itemTag(0xe0dd, 0));
    } else if (element.encapsulated) out.push(header(element.tag, 'OB', 0xffffffff), element.value);
    else out.push(header(element.tag, element.vr, element.value.length), element.value);
  }
}
function referenceFile(meta: readonly DataElement[], dataset: readonly DataElement[]): Buffer {
  const metaChunks: Uint8Array[] = [];
  referenceElements(meta.filter((e) => e.tag !== 0x00020000), metaChunks);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaChunks.reduce((sum, chunk) => sum + chunk.length, 0), 0);
  const chunks: Uint8Array[] = [Buffer.alloc(128), Buffer.from('DICM', 'latin1')];
  referenceElements([{ tag: 0x00020000, vr: 'UL', value: groupLength, encapsulated: false, items: null }], chunks);
  chunks.push(...metaChunks);
  referenceElements(dataset, chunks);
  return Buffer.concat(chunks);
}

const leaf = (tag: number, vr: string, value: Uint8Array): DataElement => ({ tag, vr, value, encapsulated: false, items: null });

describe('writeFile (one buffer)', () => {
  it('writes byte for byte what the per-header writer wrote: sequences, encapsulated data, values over 64 KiB', () => {
    const nested: DataElement = { tag: 0x00081115, vr: 'SQ', value: new Uint8Array(0), encapsulated: false, items: [
      [leaf(0x00081150, 'UI', Buffer.from('1.2.3\0')), { tag: 0x00081140, vr: 'SQ', value: new Uint8Array(0), encapsulated: false, items: [[leaf(0x00081155, 'UI', Buffer.from('1.2.4\0'))], []] }],
      [],
    ] };
    const dataset = [
      leaf(0x00080016, 'UI', Buffer.from('1.2.840.10008.5.1.4.1.1.2\0')), nested,
      leaf(0x00091010, 'LO', randomBytes(70_000)), // too long for a short VR: written as UN
      leaf(0x00100010, 'PN', Buffer.from('')), leaf(0x00280010, 'US', Buffer.from([0, 2])),
      { tag: 0x7fe00010, vr: 'OB', value: randomBytes(1001), encapsulated: true, items: null },
    ];
    const meta = [leaf(0x00020000, 'UL', Buffer.alloc(4)), leaf(0x00020001, 'OB', Uint8Array.of(0, 1)), leaf(0x00020010, 'UI', Buffer.from('1.2.840.10008.1.2.1\0'))];
    expect(writeFile(meta, dataset).equals(referenceFile(meta, dataset))).toBe(true);
    expect(writeFile([], []).equals(referenceFile([], []))).toBe(true);
    const alone: Uint8Array[] = [];
    referenceElements(dataset, alone);
    expect(encodeElements(dataset).equals(Buffer.concat(alone))).toBe(true);
  });

  it('rewrites fixture files and every readable sample exactly as before', () => {
    const files: Uint8Array[] = [...makeSeries(3)];
    if (samplesPresent) for (const row of readManifest().slice(0, 120)) files.push(sampleBytes(row.path));
    let written = 0;
    for (const bytes of files) {
      let tree;
      try {
        tree = readDicomTree(bytes);
      } catch {
        continue;
      }
      expect(writeFile(tree.meta, tree.dataset).equals(referenceFile(tree.meta, tree.dataset))).toBe(true);
      written++;
    }
    expect(written).toBeGreaterThan(2);
  });
});
