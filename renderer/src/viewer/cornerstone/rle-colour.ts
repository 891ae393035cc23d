/**
 * RLE Lossless (PS3.5 Annex G) for colour of more than 8 bits, which the image loader's RLE
 * decoder orders wrongly (e2e/viewer-decode.spec.ts): each sample's bytes are separate segments,
 * most significant first (R high, R low, G high, ...). Decoded here to native little endian,
 * colour by pixel. Pure: no Cornerstone import.
 */

/** One PackBits segment into `out` (at most out.length bytes). */
export function unpackBitsSegment(src: Uint8Array, out: Uint8Array): void {
  let i = 0;
  let o = 0;
  while (i < src.length && o < out.length) {
    const n = (src[i++] ?? 0) << 24 >> 24; // signed byte
    if (n >= 0) {
      const end = Math.min(i + n + 1, src.length);
      while (i < end && o < out.length) out[o++] = src[i++] ?? 0;
    } else if (n !== -128) {
      const value = src[i++] ?? 0;
      for (let k = 0; k < 1 - n && o < out.length; k++) out[o++] = value;
    }
  }
}

/**
 * A colour RLE frame of `bytesPerSample` bytes per sample: native little endian, by pixel.
 * Null when the header does not hold the segments the geometry needs.
 */
export function decodeRleColour(frame: Uint8Array, pixels: number, samplesPerPixel: number, bytesPerSample: number): Uint8Array | null {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame.length < 64) return null;
  const segments = view.getUint32(0, true);
  const needed = samplesPerPixel * bytesPerSample;
  if (segments !== needed || segments > 15) return null;
  const offsets = Array.from({ length: segments }, (_, s) => view.getUint32(4 + 4 * s, true));
  const out = new Uint8Array(pixels * needed);
  const segment = new Uint8Array(pixels);
  for (let s = 0; s < segments; s++) {
    const start = offsets[s] ?? 0;
    const end = s + 1 < segments ? (offsets[s + 1] ?? frame.length) : frame.length;
    if (start < 64 || end > frame.length || end < start) return null;
    segment.fill(0);
    unpackBitsSegment(frame.subarray(start, end), segment);
    const sample = Math.floor(s / bytesPerSample);
    // Segments run from the most significant byte; little endian puts it last.
    const byte = bytesPerSample - 1 - (s % bytesPerSample);
    for (let p = 0; p < pixels; p++) out[(p * samplesPerPixel + sample) * bytesPerSample + byte] = segment[p] ?? 0;
  }
  return out;
}
