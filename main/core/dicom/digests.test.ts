import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { datasetDigest, frameDigests } from './digests';
import { EXPLICIT_BE, EXPLICIT_LE, IMPLICIT_LE, type Encoding } from './element-walker';
import { readDicom } from './read-dicom';
import { concatBytes, encapsulatedPixels, encodeDataset, encodeMeta, part10File, type FixtureElement } from '../../test-support/dicom/test-fixtures';
import type { DicomFacts } from './types';

const SC_CLASS = '1.2.840.10008.5.1.4.1.1.7';
const hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

interface ImageSpec {
  rows: number;
  columns: number;
  samples?: number;
  bits: number;
  frames: number;
  planar?: 0 | 1;
  photometric?: string;
}

function imageFile(ts: string, enc: Encoding, spec: ImageSpec, pixel: FixtureElement, implementation = 'A'): Uint8Array {
  const elements: FixtureElement[] = [
    { tag: 0x00080016, vr: 'UI', value: SC_CLASS },
    { tag: 0x00080018, vr: 'UI', value: '1.2.3.4' },
    { tag: 0x0020000d, vr: 'UI', value: '1.2.3' },
    { tag: 0x00200020, vr: 'CS', value: implementation },
    { tag: 0x00280002, vr: 'US', value: { us: [spec.samples ?? 1] } },
    { tag: 0x00280004, vr: 'CS', value: spec.photometric ?? ((spec.samples ?? 1) === 3 ? 'RGB' : 'MONOCHROME2') },
    { tag: 0x00280008, vr: 'IS', value: String(spec.frames) },
    { tag: 0x00280010, vr: 'US', value: { us: [spec.rows] } },
    { tag: 0x00280011, vr: 'US', value: { us: [spec.columns] } },
    { tag: 0x00280100, vr: 'US', value: { us: [spec.bits] } },
    pixel,
  ];
  if (spec.planar !== undefined) elements.push({ tag: 0x00280006, vr: 'US', value: { us: [spec.planar] } });
  return part10File(encodeMeta(ts, SC_CLASS, '1.2.3.4'), encodeDataset(elements, enc));
}

function factsOf(bytes: Uint8Array): DicomFacts {
  const result = readDicom(bytes);
  if (result.kind !== 'instance') throw new Error(`not an instance: ${result.kind}`);
  return result.facts;
}

function digestsOf(bytes: Uint8Array): string[] {
  const result = frameDigests(bytes, factsOf(bytes));
  if (result.status !== 'done') throw new Error(`frame digests ${result.status}: ${result.reason}`);
  return result.digests.map((d) => d.toString('hex'));
}

const swap16 = (data: Uint8Array) => Uint8Array.from(data, (_, i) => data[i ^ 1] ?? 0);

/** Minimal PackBits encoder: replicate runs of 3+, literal runs otherwise. */
function packBits(data: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && run < 128 && data[i + run] === data[i]) run++;
    if (run >= 3) {
      out.push(257 - run, data[i] ?? 0);
      i += run;
      continue;
    }
    const start = i;
    while (i < data.length && i - start < 128 && !(data[i] === data[i + 1] && data[i] === data[i + 2])) i++;
    out.push(i - start - 1, ...data.subarray(start, i));
  }
  return out;
}

/** RLE frame from canonical (little-endian, colour-by-pixel) bytes. */
function rleFrame(frame: Uint8Array, samples: number, bytesPerSample: number): Uint8Array {
  const count = samples * bytesPerSample;
  const segments: number[][] = [];
  for (let s = 0; s < count; s++) {
    const sample = Math.floor(s / bytesPerSample);
    const leByte = bytesPerSample - 1 - (s % bytesPerSample);
    const plane = Uint8Array.from({ length: frame.length / count }, (_, p) => frame[p * count + sample * bytesPerSample + leByte] ?? 0);
    const packed = packBits(plane);
    if (packed.length % 2 === 1) packed.push(128);
    segments.push(packed);
  }
  const header = new DataView(new ArrayBuffer(64));
  header.setUint32(0, count, true);
  let offset = 64;
  segments.forEach((segment, s) => {
    header.setUint32(4 + 4 * s, offset, true);
    offset += segment.length;
  });
  return concatBytes([new Uint8Array(header.buffer), Uint8Array.from(segments.flat())]);
}

// Three 2x2 16-bit frames, little endian.
const FRAMES_16 = [
  Uint8Array.from([1, 0, 2, 0, 3, 0, 4, 0]),
  Uint8Array.from([0, 1, 0, 2, 0, 3, 0, 4]),
  Uint8Array.from([9, 9, 9, 9, 9, 9, 8, 7]),
];
const SPEC_16: ImageSpec = { rows: 2, columns: 2, bits: 16, frames: 3 };
const native16 = concatBytes(FRAMES_16);

describe('frameDigests: native pixel data', () => {
  it('hashes each frame of a multi-frame explicit LE image', () => {
    const bytes = imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, SPEC_16, { tag: 0x7fe00010, vr: 'OW', value: native16 });
    expect(digestsOf(bytes)).toEqual(FRAMES_16.map(hex));
  });

  it('gives the same digests for implicit LE, big endian (byte-swapped) and deflated encodings', () => {
    const expected = FRAMES_16.map(hex);
    const implicit = imageFile('1.2.840.10008.1.2', IMPLICIT_LE, SPEC_16, { tag: 0x7fe00010, vr: 'OW', value: native16 });
    const bigEndian = imageFile('1.2.840.10008.1.2.2', EXPLICIT_BE, SPEC_16, { tag: 0x7fe00010, vr: 'OW', value: swap16(native16) });
    const explicit = imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, SPEC_16, { tag: 0x7fe00010, vr: 'OW', value: native16 });
    const metaEnd = factsOf(explicit).datasetOffset;
    const deflated = concatBytes([
      part10File(encodeMeta('1.2.840.10008.1.2.1.99', SC_CLASS, '1.2.3.4'), new Uint8Array(0)),
      deflateRawSync(explicit.subarray(metaEnd)),
    ]);
    for (const bytes of [implicit, bigEndian, deflated]) expect(digestsOf(bytes)).toEqual(expected);
  });

  it('swaps 8-bit pixels stored as OW in big endian, ignoring the odd-length pad byte', () => {
    const rgb = Uint8Array.from({ length: 27 }, (_, i) => i * 7);
    const spec: ImageSpec = { rows: 3, columns: 3, samples: 3, bits: 8, frames: 1, planar: 0 };
    const little = imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, spec, { tag: 0x7fe00010, vr: 'OB', value: concatBytes([rgb, new Uint8Array(1)]) });
    const big = imageFile('1.2.840.10008.1.2.2', EXPLICIT_BE, spec, { tag: 0x7fe00010, vr: 'OW', value: swap16(concatBytes([rgb, new Uint8Array(1)])) });
    expect(digestsOf(little)).toEqual([hex(rgb)]);
    expect(digestsOf(big)).toEqual([hex(rgb)]);
  });

  it('digests colour-by-plane data as colour-by-pixel', () => {
    const byPixel = Uint8Array.from([10, 20, 30, 11, 21, 31]); // 1x2 RGB
    const byPlane = Uint8Array.from([10, 11, 20, 21, 30, 31]);
    const spec = (planar: 0 | 1): ImageSpec => ({ rows: 1, columns: 2, samples: 3, bits: 8, frames: 1, planar });
    expect(digestsOf(imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, spec(1), { tag: 0x7fe00010, vr: 'OB', value: byPlane }))).toEqual([hex(byPixel)]);
    expect(digestsOf(imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, spec(0), { tag: 0x7fe00010, vr: 'OB', value: byPixel }))).toEqual([hex(byPixel)]);
  });

  it('re-aligns 1-bit frames that do not start on a byte boundary', () => {
    // Two 3x3 frames of 9 bits each, packed LSB first: frame 0 = 1,0,1,1,0,0,1,1,1; frame 1 = 0,1,1,0,0,1,0,1,1.
    const packed = Uint8Array.from([0b11001101, 0b01001101, 0b00000011, 0]);
    const bytes = imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, { rows: 3, columns: 3, bits: 1, frames: 2 }, { tag: 0x7fe00010, vr: 'OB', value: packed });
    expect(digestsOf(bytes)).toEqual([hex(Uint8Array.from([0b11001101, 0b1])), hex(Uint8Array.from([0b10100110, 0b1]))]);
  });

  it('reports data shorter than the stated frames', () => {
    const bytes = imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, { ...SPEC_16, frames: 4 }, { tag: 0x7fe00010, vr: 'OW', value: native16 });
    expect(frameDigests(bytes, factsOf(bytes))).toEqual({ status: 'none', reason: 'The image data is shorter than the image size stated in the file' });
  });

  it('reports a file cut inside its pixel data', () => {
    const full = imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, SPEC_16, { tag: 0x7fe00010, vr: 'OW', value: native16 });
    const cut = full.subarray(0, full.length - 5);
    expect(frameDigests(cut, factsOf(cut))).toEqual({ status: 'none', reason: 'The image data is incomplete (the file ends early)' });
  });
});

describe('frameDigests: encapsulated pixel data', () => {
  const rle16 = FRAMES_16.map((frame) => rleFrame(frame, 1, 2));

  it('decodes RLE Lossless with a Basic Offset Table to the same digests as native', () => {
    const offsets = [0, 8 + (rle16[0]?.length ?? 0), 16 + (rle16[0]?.length ?? 0) + (rle16[1]?.length ?? 0)];
    const pixel: FixtureElement = { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels(rle16, offsets) };
    expect(digestsOf(imageFile('1.2.840.10008.1.2.5', EXPLICIT_LE, SPEC_16, pixel))).toEqual(FRAMES_16.map(hex));
  });

  it('decodes RLE without an offset table (one fragment per frame), colour included', () => {
    const pixel: FixtureElement = { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels(rle16) };
    expect(digestsOf(imageFile('1.2.840.10008.1.2.5', EXPLICIT_LE, SPEC_16, pixel))).toEqual(FRAMES_16.map(hex));
    const rgb = Uint8Array.from({ length: 4 * 4 * 3 }, (_, i) => (i % 5 === 0 ? 200 : i));
    const spec: ImageSpec = { rows: 4, columns: 4, samples: 3, bits: 8, frames: 1, planar: 1 };
    const rgbPixel: FixtureElement = { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels([rleFrame(rgb, 3, 1)]) };
    expect(digestsOf(imageFile('1.2.840.10008.1.2.5', EXPLICIT_LE, spec, rgbPixel))).toEqual([hex(rgb)]);
  });

  it('inflates Deflated Image Frame Compression frames', () => {
    const pixel: FixtureElement = { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels(FRAMES_16.map((f) => deflateRawSync(f))) };
    expect(digestsOf(imageFile('1.2.840.10008.1.2.8.1', EXPLICIT_LE, SPEC_16, pixel))).toEqual(FRAMES_16.map(hex));
  });

  it('leaves JPEG and other codecs to the background pass', () => {
    const pixel: FixtureElement = { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels([Uint8Array.from([0xff, 0xd8, 0xff, 0xd9])]) };
    const bytes = imageFile('1.2.840.10008.1.2.4.50', EXPLICIT_LE, { ...SPEC_16, frames: 1 }, pixel);
    expect(frameDigests(bytes, factsOf(bytes))).toEqual({ status: 'pending', reason: 'The image is compressed; its frame fingerprints are computed later in the background' });
  });

  it('reports damaged RLE data', () => {
    const pixel: FixtureElement = { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels([new Uint8Array(64)]) };
    const bytes = imageFile('1.2.840.10008.1.2.5', EXPLICIT_LE, { ...SPEC_16, frames: 1 }, pixel);
    expect(frameDigests(bytes, factsOf(bytes))).toEqual({ status: 'none', reason: 'The compressed (RLE) image data is damaged' });
  });
});

describe('datasetDigest', () => {
  it('ignores the File Meta group but not the dataset', () => {
    const pixel: FixtureElement = { tag: 0x7fe00010, vr: 'OW', value: native16 };
    const a = imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, SPEC_16, pixel, 'A');
    const b = part10File(encodeMeta('1.2.840.10008.1.2.1', SC_CLASS, '9.9.9.9.9.9'), a.subarray(factsOf(a).datasetOffset));
    const c = imageFile('1.2.840.10008.1.2.1', EXPLICIT_LE, SPEC_16, pixel, 'B');
    expect(datasetDigest(b, factsOf(b)).toString('hex')).toBe(datasetDigest(a, factsOf(a)).toString('hex'));
    expect(datasetDigest(c, factsOf(c)).toString('hex')).not.toBe(datasetDigest(a, factsOf(a)).toString('hex'));
    expect(datasetDigest(a, factsOf(a)).toString('hex')).toBe(hex(a.subarray(132 + encodeMeta('1.2.840.10008.1.2.1', SC_CLASS, '1.2.3.4').length)));
  });

  it('reports no frames when there is no pixel data', () => {
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2.1', SC_CLASS, '1.2.3.4'), encodeDataset([{ tag: 0x0020000d, vr: 'UI', value: '1.2.3' }], EXPLICIT_LE));
    expect(frameDigests(bytes, factsOf(bytes))).toEqual({ status: 'none', reason: 'The file has no image data' });
  });
});
