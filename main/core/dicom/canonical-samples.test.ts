import { describe, expect, it } from 'vitest';
import { canonicalFrame, type CanonicalTarget } from './canonical-samples';
import type { DecodedFrame } from './codecs/decoded-frame';

const grey16: CanonicalTarget = { rows: 1, columns: 3, samplesPerPixel: 1, bitsAllocated: 16, signed: false };

function decoded(samples: DecodedFrame['samples'], over: Partial<DecodedFrame> = {}): DecodedFrame {
  return { width: 3, height: 1, components: 1, precision: 16, samples, byPlane: false, ...over };
}

describe('canonicalFrame', () => {
  it('writes 16-bit samples little endian', () => {
    expect(canonicalFrame(decoded(Uint16Array.from([0x0102, 0xfffe, 7])), grey16)).toEqual({ frame: Uint8Array.from([2, 1, 0xfe, 0xff, 7, 0]) });
  });

  it('sign-extends signed data from the codestream precision to Bits Allocated', () => {
    // 12-bit two's complement: 0xfff = -1, 0x800 = -2048, 0x7ff = 2047.
    const result = canonicalFrame(decoded(Uint16Array.from([0xfff, 0x800, 0x7ff]), { precision: 12 }), { ...grey16, signed: true });
    expect(result).toEqual({ frame: Uint8Array.from([0xff, 0xff, 0x00, 0xf8, 0xff, 0x07]) });
  });

  it('gives the same stored bits whether the codec sign-extended or not', () => {
    const target = { ...grey16, signed: true };
    const fromSigned = canonicalFrame(decoded(Int16Array.from([-1, -2048, 2047]), { precision: 12 }), target);
    const fromUnsigned = canonicalFrame(decoded(Uint16Array.from([0xfff, 0x800, 0x7ff]), { precision: 12 }), target);
    expect(fromSigned).toEqual(fromUnsigned);
  });

  it('keeps unsigned data below Bits Allocated as it is (no extension)', () => {
    expect(canonicalFrame(decoded(Uint16Array.from([0xfff, 0x800, 1]), { precision: 12 }), grey16)).toEqual({ frame: Uint8Array.from([0xff, 0x0f, 0x00, 0x08, 1, 0]) });
  });

  it('widens 8-bit codec output into 16-bit samples', () => {
    expect(canonicalFrame(decoded(Uint8Array.from([1, 2, 255]), { precision: 8 }), grey16)).toEqual({ frame: Uint8Array.from([1, 0, 2, 0, 255, 0]) });
  });

  it('turns colour by plane into colour by pixel', () => {
    const planes = Uint8Array.from([10, 11, 20, 21, 30, 31]); // R R G G B B for two pixels
    const target: CanonicalTarget = { rows: 1, columns: 2, samplesPerPixel: 3, bitsAllocated: 8, signed: false };
    const result = canonicalFrame({ width: 2, height: 1, components: 3, precision: 8, samples: planes, byPlane: true }, target);
    expect(result).toEqual({ frame: Uint8Array.from([10, 20, 30, 11, 21, 31]) });
  });

  it('packs 1-bit samples LSB first with zeroed trailing bits', () => {
    const bits = Uint8Array.from([1, 0, 1, 1, 0, 0, 0, 0, 1, 1]);
    const target: CanonicalTarget = { rows: 2, columns: 5, samplesPerPixel: 1, bitsAllocated: 1, signed: false };
    const result = canonicalFrame({ width: 5, height: 2, components: 1, precision: 1, samples: bits, byPlane: false }, target);
    expect(result).toEqual({ frame: Uint8Array.from([0b00001101, 0b00000011]) });
  });

  it('refuses a frame whose size, samples or depth disagree with the header', () => {
    expect(canonicalFrame(decoded(Uint16Array.from([1, 2, 3]), { width: 4 }), grey16)).toEqual({ reason: 'The size of the compressed image differs from the size stated in the file' });
    expect(canonicalFrame(decoded(Uint16Array.from([1, 2])), grey16)).toEqual({ reason: 'The compressed image data is incomplete' });
    expect(canonicalFrame(decoded(Uint16Array.from([1, 2, 3]), { precision: 12 }), { ...grey16, bitsAllocated: 8 })).toEqual({
      reason: 'The bit depth of the compressed image differs from the one stated in the file',
    });
    expect(canonicalFrame(decoded(Uint16Array.from([1, 2, 3])), { ...grey16, bitsAllocated: 32 })).toEqual({ reason: 'Compressed images with 32 bits per sample are not supported' });
  });
});
