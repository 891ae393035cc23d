/**
 * Splits uncompressed pixel data into frames in one canonical form, so the same pixels give the
 * same bytes whatever the encoding: little endian, colour-by-pixel, each frame starting on a byte.
 */

export interface FrameGeometry {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  frames: number;
  /** Planar Configuration 1 (colour-by-plane). */
  colourByPlane: boolean;
  /** YBR_FULL_422 / YBR_PARTIAL_422: two stored values per pixel. */
  subsampled422: boolean;
}

export function frameBitLength(g: FrameGeometry): number {
  const valuesPerPixel = g.subsampled422 ? 2 : g.samplesPerPixel;
  return g.rows * g.columns * valuesPerPixel * g.bitsAllocated;
}

/** Byte-swap unit for explicit VR big endian values (by VR, PS3.5 7.3). */
export function swapUnitForVr(vr: string | null): number {
  if (vr === 'OW' || vr === 'US' || vr === 'SS') return 2;
  if (vr === 'OL' || vr === 'OF' || vr === 'UL' || vr === 'FL') return 4;
  if (vr === 'OD' || vr === 'OV' || vr === 'FD') return 8;
  return 1;
}

export function swapBytes(data: Uint8Array, unit: number): Uint8Array {
  const out = new Uint8Array(data.length);
  const whole = data.length - (data.length % unit);
  for (let i = 0; i < whole; i += unit) {
    for (let b = 0; b < unit; b++) out[i + b] = data[i + unit - 1 - b] ?? 0;
  }
  out.set(data.subarray(whole), whole);
  return out;
}

/** Copies `bitLength` bits starting at bit `bitOffset` (LSB-first packing) into fresh bytes. */
function extractBits(data: Uint8Array, bitOffset: number, bitLength: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(bitLength / 8));
  const shift = bitOffset % 8;
  const first = Math.floor(bitOffset / 8);
  for (let i = 0; i < out.length; i++) {
    const low = (data[first + i] ?? 0) >>> shift;
    const high = shift === 0 ? 0 : (data[first + i + 1] ?? 0) << (8 - shift);
    out[i] = (low | high) & 0xff;
  }
  return maskTrailingBits(out, bitLength);
}

/** Clears the unused bits after the last pixel so padding never changes a frame's digest. */
export function maskTrailingBits(frame: Uint8Array, bitLength: number): Uint8Array {
  const used = bitLength % 8;
  if (used !== 0 && frame.length > 0) frame[frame.length - 1] = (frame[frame.length - 1] ?? 0) & ((1 << used) - 1);
  return frame;
}

/** Colour-by-plane to colour-by-pixel. */
export function interleavePlanes(frame: Uint8Array, g: FrameGeometry): Uint8Array {
  const bytesPerSample = g.bitsAllocated / 8;
  const pixels = g.rows * g.columns;
  const out = new Uint8Array(frame.length);
  for (let s = 0; s < g.samplesPerPixel; s++) {
    for (let p = 0; p < pixels; p++) {
      const from = (s * pixels + p) * bytesPerSample;
      const to = (p * g.samplesPerPixel + s) * bytesPerSample;
      for (let b = 0; b < bytesPerSample; b++) out[to + b] = frame[from + b] ?? 0;
    }
  }
  return out;
}

function needsInterleave(g: FrameGeometry): boolean {
  return g.colourByPlane && g.samplesPerPixel > 1 && !g.subsampled422 && g.bitsAllocated % 8 === 0;
}

/**
 * Canonical frames of little-endian native pixel data (big endian must be swapped first), or a
 * plain reason when the data is shorter than the geometry says. Padding after the frames is ignored.
 */
export function splitNativeFrames(data: Uint8Array, g: FrameGeometry): { frames: Uint8Array[] } | { reason: string } {
  const bits = frameBitLength(g);
  if (bits <= 0) return { reason: 'The image size is not stated in the file' };
  if (data.length * 8 < bits * g.frames) return { reason: 'The image data is shorter than the image size stated in the file' };
  const frames: Uint8Array[] = [];
  for (let i = 0; i < g.frames; i++) {
    const frame = bits % 8 === 0 ? data.subarray((i * bits) / 8, ((i + 1) * bits) / 8) : extractBits(data, i * bits, bits);
    frames.push(needsInterleave(g) ? interleavePlanes(frame, g) : frame);
  }
  return { frames };
}
