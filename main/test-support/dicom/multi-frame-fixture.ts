/** Uncompressed multi-frame files with chosen geometry and encoding, for the streaming tests. */
import { concatBytes, encodeDataset, encodeMeta, part10File, type FixtureElement } from './test-fixtures';

export interface MultiFrameOptions {
  frames: number;
  rows: number;
  columns: number;
  bitsAllocated?: 8 | 16;
  samplesPerPixel?: 1 | 3;
  /** Planar Configuration 1 (colour-by-plane). */
  byPlane?: boolean;
  bigEndian?: boolean;
  /** Bytes of a private element before the pixel data, to make the header large. */
  headerPadding?: number;
  seed?: number;
}

const us = (value: number) => ({ us: [value] });
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const EXPLICIT_BE = '1.2.840.10008.1.2.2';

export function multiFrameFile(o: MultiFrameOptions): Buffer {
  const bits = o.bitsAllocated ?? 16;
  const spp = o.samplesPerPixel ?? 1;
  const sop = `2.25.${Math.floor(Math.random() * 1e15)}`;
  const pixels = new Uint8Array(o.frames * o.rows * o.columns * spp * (bits / 8));
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 13 + (o.seed ?? 0) * 101 + (i >> 9)) & 0xff;
  const elements: FixtureElement[] = [
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.12.1' },
    { tag: 0x00080018, vr: 'UI', value: sop },
    { tag: 0x00100020, vr: 'LO', value: 'TEST-ID' },
    { tag: 0x0020000d, vr: 'UI', value: '2.25.1111' },
    { tag: 0x0020000e, vr: 'UI', value: '2.25.2222' },
    { tag: 0x00280002, vr: 'US', value: us(spp) },
    { tag: 0x00280004, vr: 'CS', value: spp === 3 ? 'RGB' : 'MONOCHROME2' },
    { tag: 0x00280008, vr: 'IS', value: String(o.frames) },
    { tag: 0x00280010, vr: 'US', value: us(o.rows) },
    { tag: 0x00280011, vr: 'US', value: us(o.columns) },
    { tag: 0x00280100, vr: 'US', value: us(bits) },
    { tag: 0x00280101, vr: 'US', value: us(bits) },
    { tag: 0x00280102, vr: 'US', value: us(bits - 1) },
    { tag: 0x00280103, vr: 'US', value: us(0) },
    { tag: 0x7fe00010, vr: bits === 16 ? 'OW' : 'OB', value: pixels },
  ];
  if (spp === 3) elements.push({ tag: 0x00280006, vr: 'US', value: us(o.byPlane === true ? 1 : 0) });
  if (o.headerPadding !== undefined) elements.push({ tag: 0x00091010, vr: 'OB', value: new Uint8Array(o.headerPadding).fill(7) });
  const dataset = encodeDataset(elements, { littleEndian: o.bigEndian !== true, explicitVr: true });
  return Buffer.from(part10File(encodeMeta(o.bigEndian === true ? EXPLICIT_BE : EXPLICIT_LE, '1.2.840.10008.5.1.4.1.1.12.1', sop), dataset));
}

export { concatBytes };
