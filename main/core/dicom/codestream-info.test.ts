import { describe, expect, it } from 'vitest';
import { readCodestreamInfo, startsCodestream } from './codestream-info';

/** SOI, an APP0 segment, fill bytes, then a frame header with the given marker. */
function jpeg(sof: number, precision: number, height: number, width: number, components: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
  const frame = [0xff, sof, 0x00, 8 + 3 * components, precision, height >> 8, height & 0xff, width >> 8, width & 0xff, components];
  for (let c = 0; c < components; c++) frame.push(c + 1, 0x11, 0);
  return Uint8Array.from([0xff, 0xd8, ...app0, 0xff, 0xff, ...frame, 0xff, 0xda]);
}

function siz(width: number, height: number, ssiz: number[], rsiz = 0, subsampled = false): number[] {
  const u32 = (v: number) => [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  const out = [0xff, 0x4f, 0xff, 0x51, 0x00, 38 + 3 * ssiz.length, rsiz >> 8, rsiz & 0xff];
  out.push(...u32(width + 10), ...u32(height + 20), ...u32(10), ...u32(20), ...u32(width), ...u32(height), ...u32(0), ...u32(0));
  out.push(0, ssiz.length);
  for (const s of ssiz) out.push(s, subsampled ? 2 : 1, 1);
  return out;
}

describe('readCodestreamInfo', () => {
  it('reads JPEG frame headers and names the coding process', () => {
    expect(readCodestreamInfo(jpeg(0xc0, 8, 480, 640, 3))).toEqual({
      family: 'jpeg', process: 'huffman-dct', highThroughput: false, width: 640, height: 480, components: 3, precision: 8, fullResolution: true,
    });
    expect(readCodestreamInfo(jpeg(0xc1, 12, 512, 512, 1))?.process).toBe('huffman-dct');
    expect(readCodestreamInfo(jpeg(0xc3, 16, 512, 512, 1))?.process).toBe('lossless');
    expect(readCodestreamInfo(jpeg(0xf7, 16, 64, 64, 1))?.process).toBe('jpeg-ls');
    expect(readCodestreamInfo(jpeg(0xc9, 8, 64, 64, 1))?.process).toBe('arithmetic');
    expect(readCodestreamInfo(jpeg(0xc5, 8, 64, 64, 1))?.process).toBe('hierarchical');
  });

  it('reads the JPEG 2000 SIZ marker (size without offsets, precision, HT flag, subsampling)', () => {
    expect(readCodestreamInfo(Uint8Array.from(siz(300, 200, [0x8b])))).toEqual({
      family: 'j2k', process: null, highThroughput: false, width: 300, height: 200, components: 1, precision: 12, fullResolution: true,
    });
    expect(readCodestreamInfo(Uint8Array.from(siz(64, 64, [7, 7, 7], 0x4000)))?.highThroughput).toBe(true);
    expect(readCodestreamInfo(Uint8Array.from(siz(64, 64, [7, 7, 7], 0, true)))?.fullResolution).toBe(false);
  });

  it('finds the codestream inside a JP2 wrapper', () => {
    const box = (type: string, body: number[]) => [0, 0, 0, 8 + body.length, ...[...type].map((c) => c.charCodeAt(0)), ...body];
    const jp2 = [0, 0, 0, 12, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a, ...box('ftyp', [0x6a, 0x70, 0x32, 0x20]), ...box('jp2c', siz(40, 30, [7]))];
    expect(readCodestreamInfo(Uint8Array.from(jp2))?.width).toBe(40);
  });

  it('returns null for anything else or a header that is cut off', () => {
    expect(readCodestreamInfo(Uint8Array.from([0, 0, 0, 1, 0xb3]))).toBeNull();
    expect(readCodestreamInfo(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
    expect(readCodestreamInfo(jpeg(0xc0, 8, 4, 4, 1).subarray(0, 14))).toBeNull();
    expect(readCodestreamInfo(Uint8Array.from(siz(64, 64, [7]).slice(0, 30)))).toBeNull();
  });

  it('tells where a codestream starts', () => {
    expect(startsCodestream(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(startsCodestream(Uint8Array.from([0xff, 0x4f, 0xff, 0x51]))).toBe(true);
    expect(startsCodestream(Uint8Array.from([0x12, 0x34, 0xff, 0xd9]))).toBe(false);
  });
});
