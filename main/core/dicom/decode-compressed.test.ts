/**
 * decodeCompressedFrames on files made here: known pixels, encoded losslessly with the encoders
 * shipped in the codec packages, must come back as exactly the canonical native bytes.
 */
import { describe, expect, it } from 'vitest';
import { compressedFile, encodeHtj2k, encodeJ2k, encodeJpegBaseline, encodeJpegLossless, encodeJpegLs, le16, type RawImage } from '../../test-support/dicom/compressed-fixtures';
import { decodeCompressedFrames, decodeOneFrame, decodeOneFrameIfLoaded, isCodecTransferSyntax, loadCompressedCodecs } from './decode-compressed';
import { readDicom } from './read-dicom';

const JPEG_LS = '1.2.840.10008.1.2.4.80';
const J2K = '1.2.840.10008.1.2.4.90';
const HTJ2K = '1.2.840.10008.1.2.4.201';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const JPEG_EXTENDED = '1.2.840.10008.1.2.4.51';
const JPEG_LOSSLESS_SV1 = '1.2.840.10008.1.2.4.70';

async function decode(file: Uint8Array, options: Parameters<typeof decodeCompressedFrames>[2] = {}) {
  const read = readDicom(file);
  if (read.kind !== 'instance') throw new Error(read.kind);
  return decodeCompressedFrames(file, read.facts, options);
}

/** 12-bit signed CT-like values, including negatives, stored sign-extended in 16 bits. */
function signed12(width: number, height: number, seed: number): { image: RawImage; canonical: Uint8Array } {
  const values = Array.from({ length: width * height }, (_, i) => ((i * 97 + seed * 13) % 4096) - 2048);
  const stored = values.map((v) => v & 0xfff); // what a 12-bit codestream carries
  return {
    image: { width, height, components: 1, bitsPerSample: 12, bytes: le16(stored) },
    canonical: le16(values.map((v) => v & 0xffff)),
  };
}

/** An RGB image by pixel, and the same samples by plane (for JPEG-LS interleave mode 0). */
function rgb(width: number, height: number): { byPixel: Uint8Array; byPlane: Uint8Array } {
  const pixels = width * height;
  const byPixel = new Uint8Array(pixels * 3);
  const byPlane = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < 3; c++) {
      const value = (p * (c + 3) + c * 50) & 0xff;
      byPixel[p * 3 + c] = value;
      byPlane[c * pixels + p] = value;
    }
  }
  return { byPixel, byPlane };
}

describe('decodeCompressedFrames: lossless round trips', () => {
  it('JPEG-LS, 12-bit signed in 16: stored bits, sign-extended like native data', async () => {
    const { image, canonical } = signed12(64, 48, 1);
    const file = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 48, columns: 64, bitsAllocated: 16, bitsStored: 12, signed: true, fragments: [await encodeJpegLs(image)] });
    expect(await decode(file)).toEqual({ status: 'done', frames: [canonical] });
  });

  it.each([0, 1, 2] as const)('JPEG-LS RGB, interleave mode %i, comes out colour by pixel', async (mode) => {
    const { byPixel, byPlane } = rgb(40, 30);
    const image: RawImage = { width: 40, height: 30, components: 3, bitsPerSample: 8, bytes: mode === 0 ? byPlane : byPixel };
    const file = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 30, columns: 40, samplesPerPixel: 3, bitsAllocated: 8, fragments: [await encodeJpegLs(image, mode)] });
    expect(await decode(file)).toEqual({ status: 'done', frames: [byPixel] });
  });

  it('JPEG 2000, 16-bit, three frames with a Basic Offset Table', async () => {
    const frames = [1, 2, 3].map((seed) => signed12(64, 64, seed));
    const encoded = await Promise.all(frames.map((f) => encodeJ2k(f.image)));
    const offsets = encoded.reduce<number[]>((acc, e, i) => [...acc, i === 0 ? 0 : (acc[i - 1] ?? 0) + 8 + (encoded[i - 1]?.length ?? 0)], []);
    const file = compressedFile({ transferSyntaxUid: J2K, rows: 64, columns: 64, bitsAllocated: 16, bitsStored: 12, signed: true, frames: 3, fragments: encoded, offsetTable: offsets });
    expect(await decode(file)).toEqual({ status: 'done', frames: frames.map((f) => f.canonical) });
  });

  it('HTJ2K RGB, 8-bit', async () => {
    const { byPixel } = rgb(64, 64);
    const image: RawImage = { width: 64, height: 64, components: 3, bitsPerSample: 8, bytes: byPixel };
    const file = compressedFile({ transferSyntaxUid: HTJ2K, rows: 64, columns: 64, samplesPerPixel: 3, bitsAllocated: 8, fragments: [await encodeHtj2k(image)] });
    expect(await decode(file)).toEqual({ status: 'done', frames: [byPixel] });
  });

  it('JPEG lossless, 16-bit and 8-bit, keeps the last pixel whatever the bit alignment', async () => {
    // A last pixel equal to its neighbour often ends the entropy data right before the end marker,
    // where the decoder used to drop it; 30 sizes cover every alignment several times.
    for (let n = 0; n < 30; n++) {
      const [width, height, bits] = [5 + (n % 11), 3 + (n % 7), n % 3 === 0 ? 8 : 16];
      const values = Array.from({ length: width * height }, (_, i) => (Math.imul(i + n * 1000, 2654435761) >>> 16) & (2 ** bits - 1));
      values[values.length - 1] = values[values.length - 2] ?? 0;
      const file = compressedFile({ transferSyntaxUid: JPEG_LOSSLESS_SV1, rows: height, columns: width, bitsAllocated: bits, fragments: [encodeJpegLossless(width, height, bits, values)] });
      const canonical = bits === 8 ? Uint8Array.from(values) : le16(values);
      expect({ n, result: await decode(file) }).toEqual({ n, result: { status: 'done', frames: [canonical] } });
    }
  });

  it('splits frames at codestream starts when several fragments per frame have no offset table', async () => {
    const frames = [4, 5].map((seed) => signed12(64, 64, seed));
    const encoded = await Promise.all(frames.map((f) => encodeJpegLs(f.image)));
    const fragments = encoded.flatMap((e) => [e.subarray(0, 100), e.subarray(100, 300), e.subarray(300)]);
    const file = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 64, columns: 64, bitsAllocated: 16, bitsStored: 12, signed: true, frames: 2, fragments });
    expect(await decode(file)).toEqual({ status: 'done', frames: frames.map((f) => f.canonical) });
  });
});

describe('decodeCompressedFrames: lossy', () => {
  it('8-bit JPEG baseline RGB decodes to one RGB sample per pixel and channel', async () => {
    const { byPixel } = rgb(32, 16);
    const file = compressedFile({
      transferSyntaxUid: JPEG_BASELINE, rows: 16, columns: 32, samplesPerPixel: 3, bitsAllocated: 8, photometric: 'YBR_FULL_422',
      fragments: [await encodeJpegBaseline({ width: 32, height: 16, components: 3, bitsPerSample: 8, bytes: byPixel })],
    });
    const result = await decode(file);
    expect(result.status).toBe('done');
    expect(result.status === 'done' ? result.frames.map((f) => f.length) : []).toEqual([32 * 16 * 3]);
  });
});

/** A JPEG whose frame header says `sof`/precision, and nothing decodable after it. */
function jpegHeaderOnly(sof: number, precision: number, rows: number, columns: number): Uint8Array {
  return Uint8Array.from([0xff, 0xd8, 0xff, sof, 0, 11, precision, rows >> 8, rows & 0xff, columns >> 8, columns & 0xff, 1, 1, 0x11, 0, 0xff, 0xd9]);
}

describe('decodeCompressedFrames: refusals', () => {
  it('refuses 12-bit lossy JPEG and arithmetic coding with a plain reason', async () => {
    const twelve = compressedFile({ transferSyntaxUid: JPEG_EXTENDED, rows: 8, columns: 8, bitsAllocated: 16, bitsStored: 12, fragments: [jpegHeaderOnly(0xc1, 12, 8, 8)] });
    expect(await decode(twelve)).toEqual({ status: 'none', reason: 'Lossy JPEG images with 12 bits per sample are not supported' });
    const arithmetic = compressedFile({ transferSyntaxUid: JPEG_EXTENDED, rows: 8, columns: 8, bitsAllocated: 8, fragments: [jpegHeaderOnly(0xc9, 8, 8, 8)] });
    expect(await decode(arithmetic)).toEqual({ status: 'none', reason: 'This variant of JPEG compression (arithmetic or hierarchical coding) is not supported' });
  });

  it('refuses a codestream whose size differs from the header, before decoding it', async () => {
    const { image } = signed12(64, 48, 1);
    const file = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 48, columns: 32, bitsAllocated: 16, fragments: [await encodeJpegLs(image)] });
    expect(await decode(file)).toEqual({ status: 'none', reason: 'The size of the compressed image differs from the size stated in the file' });
  });

  it('refuses frames larger than the memory cap', async () => {
    const file = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 64, columns: 64, bitsAllocated: 16, fragments: [jpegHeaderOnly(0xf7, 16, 64, 64)] });
    expect(await decode(file, { maxFrameBytes: 64 * 64 * 2 - 1 })).toEqual({ status: 'none', reason: 'The image is too large to fingerprint' });
  });

  it('reports damaged codestreams as none, not as errors', async () => {
    const { image } = signed12(64, 64, 1);
    const encoded = await encodeJ2k(image);
    const broken = encoded.slice(0, 200);
    broken.fill(0x55, 120);
    const file = compressedFile({ transferSyntaxUid: J2K, rows: 64, columns: 64, bitsAllocated: 16, fragments: [broken] });
    expect(await decode(file)).toEqual({ status: 'none', reason: 'The compressed (JPEG 2000) image data could not be decoded' });
    const garbage = compressedFile({ transferSyntaxUid: J2K, rows: 64, columns: 64, bitsAllocated: 16, fragments: [Uint8Array.from([1, 2, 3, 4, 5, 6])] });
    expect(await decode(garbage)).toEqual({ status: 'none', reason: 'The compressed image data is damaged' });
  });

  it('refuses compressions it has no decoder for, and native data', async () => {
    const mpeg = compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.100', rows: 8, columns: 8, bitsAllocated: 8, fragments: [new Uint8Array(8)] });
    expect(await decode(mpeg)).toEqual({ status: 'none', reason: 'This kind of image compression is not supported' });
    expect(isCodecTransferSyntax('1.2.840.10008.1.2.5')).toBe(false);
    expect(isCodecTransferSyntax('1.2.840.10008.1.2.4.203')).toBe(true);
    expect(isCodecTransferSyntax('1.2.840.10008.1.2.4.57')).toBe(true);
  });

  it('stops between frames when aborted', async () => {
    const { image } = signed12(64, 64, 1);
    const encoded = await encodeJpegLs(image);
    const file = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 64, columns: 64, bitsAllocated: 16, frames: 2, fragments: [encoded, encoded] });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(decode(file, { signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('decodeOneFrameIfLoaded: the synchronous form', () => {
  it('gives decodeOneFrame\'s frame for every codec once loadCompressedCodecs has run', async () => {
    await loadCompressedCodecs();
    const { image, canonical } = signed12(64, 64, 3);
    const target = { rows: 64, columns: 64, samplesPerPixel: 1, bitsAllocated: 16, signed: true };
    for (const data of [await encodeJpegLs(image), await encodeJ2k(image)]) {
      expect(decodeOneFrameIfLoaded(data, target)).toEqual({ frame: canonical });
      expect(decodeOneFrameIfLoaded(data, target)).toEqual(await decodeOneFrame(data, target));
    }
    const grey = Uint8Array.from({ length: 16 * 16 }, (_, i) => i & 0xff);
    const colour = rgb(32, 16).byPixel;
    const jpeg = await encodeJpegBaseline({ width: 32, height: 16, components: 3, bitsPerSample: 8, bytes: colour });
    const rgb8 = { rows: 16, columns: 32, samplesPerPixel: 3, bitsAllocated: 8, signed: false };
    expect(decodeOneFrameIfLoaded(jpeg, rgb8)).toEqual(await decodeOneFrame(jpeg, rgb8));
    const eight = { rows: 16, columns: 16, samplesPerPixel: 1, bitsAllocated: 8, signed: false };
    expect(decodeOneFrameIfLoaded(encodeJpegLossless(16, 16, 8, grey), eight)).toEqual({ frame: grey });
    const { byPixel } = rgb(64, 64);
    const htj2k = await encodeHtj2k({ width: 64, height: 64, components: 3, bitsPerSample: 8, bytes: byPixel });
    expect(decodeOneFrameIfLoaded(htj2k, { rows: 64, columns: 64, samplesPerPixel: 3, bitsAllocated: 8, signed: false })).toEqual({ frame: byPixel });
  });

  it('reports a size mismatch as decodeOneFrame does', async () => {
    const { image } = signed12(64, 64, 3);
    const wrong = { rows: 20, columns: 64, samplesPerPixel: 1, bitsAllocated: 16, signed: true };
    expect(decodeOneFrameIfLoaded(await encodeJpegLs(image), wrong)).toEqual({ reason: 'The size of the compressed image differs from the size stated in the file' });
  });
});
