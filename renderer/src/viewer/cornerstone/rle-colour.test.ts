import { describe, expect, it } from 'vitest';
import { decodeRleColour, unpackBitsSegment } from './rle-colour';

describe('RLE colour', () => {
  it('unpacks literal and repeated runs (PackBits)', () => {
    const out = new Uint8Array(7);
    unpackBitsSegment(Uint8Array.from([2, 1, 2, 3, 0xfd, 9, 0x80]), out); // 3 literals, then 9 four times, then a no-op
    expect(Array.from(out)).toEqual([1, 2, 3, 9, 9, 9, 9]);
  });

  it('puts 16-bit RGB segments back as little endian samples by pixel', () => {
    // Two pixels: (0x0102, 0x0304, 0x0506) and (0x1112, 0x1314, 0x1516). Segments: Rhi Rlo Ghi Glo Bhi Blo.
    const segs = [[0x01, 0x11], [0x02, 0x12], [0x03, 0x13], [0x04, 0x14], [0x05, 0x15], [0x06, 0x16]].map((b) => [1, ...b]);
    const header = new Uint8Array(64);
    const view = new DataView(header.buffer);
    view.setUint32(0, 6, true);
    let at = 64;
    segs.forEach((s, i) => { view.setUint32(4 + 4 * i, at, true); at += s.length; });
    const frame = Uint8Array.from([...header, ...segs.flat()]);
    expect(Array.from(decodeRleColour(frame, 2, 3, 2) ?? [])).toEqual([0x02, 0x01, 0x04, 0x03, 0x06, 0x05, 0x12, 0x11, 0x14, 0x13, 0x16, 0x15]);
  });

  it('puts 32-bit RGB (twelve segments, most significant byte first) back as little endian samples', () => {
    // One pixel: R 0x01020304, G 0x05060708, B 0x090a0b0c, one literal byte per segment.
    const segs = Array.from({ length: 12 }, (_, i) => [0, i + 1]);
    const header = new Uint8Array(64);
    const view = new DataView(header.buffer);
    view.setUint32(0, 12, true);
    segs.forEach((_, i) => view.setUint32(4 + 4 * i, 64 + 2 * i, true));
    const frame = Uint8Array.from([...header, ...segs.flat()]);
    const out = decodeRleColour(frame, 1, 3, 4) ?? new Uint8Array();
    expect(Array.from(new Uint32Array(out.buffer))).toEqual([0x01020304, 0x05060708, 0x090a0b0c]);
  });

  it('refuses a header whose segment count does not fit the picture', () => {
    const header = new Uint8Array(64);
    new DataView(header.buffer).setUint32(0, 3, true);
    expect(decodeRleColour(header, 1, 3, 2)).toBeNull();
  });
});
