/**
 * Turns a decoder's output into the canonical frame form of native-frames.ts, so a lossless
 * encoding digests like the native file: little endian, colour by pixel, one Bits Allocated-wide
 * value per sample (1-bit data packed LSB first, unused trailing bits zero).
 *
 * Values are written as stored bits: the low `precision` bits the codestream carries, and for
 * signed data (Pixel Representation 1) sign-extended from there to Bits Allocated, as native
 * two's complement data is written. A decoder's own sign handling does not matter: its output is
 * masked to `precision` bits first.
 */
import type { DecodedFrame } from './codecs/decoded-frame';

export interface CanonicalTarget {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  /** Pixel Representation 1. */
  signed: boolean;
}

export type CanonicalResult = { frame: Uint8Array } | { reason: string };

function checkShape(decoded: DecodedFrame, t: CanonicalTarget): string | null {
  if (decoded.width !== t.columns || decoded.height !== t.rows || decoded.components !== t.samplesPerPixel) {
    return 'The size of the compressed image differs from the size stated in the file';
  }
  if (decoded.samples.length < t.rows * t.columns * t.samplesPerPixel) return 'The compressed image data is incomplete';
  if (t.bitsAllocated !== 1 && t.bitsAllocated !== 8 && t.bitsAllocated !== 16) {
    return `Compressed images with ${t.bitsAllocated} bits per sample are not supported`;
  }
  if (t.bitsAllocated === 1 && t.samplesPerPixel !== 1) return 'The image layout stated in the file is not valid';
  if (decoded.precision < 1 || decoded.precision > t.bitsAllocated) {
    return 'The bit depth of the compressed image differs from the one stated in the file';
  }
  return null;
}

/** 1-bit data (segmentations): one bit per pixel, LSB first, like native 1-bit Pixel Data. */
function packBits(decoded: DecodedFrame, pixels: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(pixels / 8));
  for (let i = 0; i < pixels; i++) {
    if (((decoded.samples[i] ?? 0) & 1) !== 0) out[i >> 3] = (out[i >> 3] ?? 0) | (1 << (i & 7));
  }
  return out;
}

function widenSamples(decoded: DecodedFrame, t: CanonicalTarget): Uint8Array {
  const pixels = t.rows * t.columns;
  const components = t.samplesPerPixel;
  const bytes = t.bitsAllocated / 8;
  const mask = decoded.precision >= 32 ? 0xffffffff : 2 ** decoded.precision - 1;
  const signBit = 2 ** (decoded.precision - 1);
  const extend = t.signed && decoded.precision < t.bitsAllocated ? (2 ** t.bitsAllocated - 1) ^ mask : 0;
  const out = new Uint8Array(pixels * components * bytes);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < components; c++) {
      const from = decoded.byPlane ? c * pixels + p : p * components + c;
      let value = (decoded.samples[from] ?? 0) & mask;
      if (extend !== 0 && (value & signBit) !== 0) value |= extend;
      const to = (p * components + c) * bytes;
      out[to] = value & 0xff;
      if (bytes === 2) out[to + 1] = (value >>> 8) & 0xff;
    }
  }
  return out;
}

export function canonicalFrame(decoded: DecodedFrame, target: CanonicalTarget): CanonicalResult {
  const problem = checkShape(decoded, target);
  if (problem !== null) return { reason: problem };
  if (target.bitsAllocated === 1) return { frame: packBits(decoded, target.rows * target.columns) };
  return { frame: widenSamples(decoded, target) };
}
