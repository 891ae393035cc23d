/**
 * RLE Lossless decoding (PS3.5 Annex G). Each frame has a 64-byte header (segment count and up to
 * 15 segment offsets); each segment is one byte plane (most significant byte first per sample),
 * PackBits-compressed. Output is the canonical native form: little endian, colour-by-pixel.
 */
import type { FrameGeometry } from './native-frames';

const HEADER_LENGTH = 64;

/** Decodes one PackBits segment into `out` at positions start, start+stride, ... */
function decodeSegment(segment: Uint8Array, out: Uint8Array, start: number, stride: number, count: number): number {
  let written = 0;
  let pos = 0;
  while (pos < segment.length && written < count) {
    const header = segment[pos++] ?? 0;
    if (header < 128) {
      // Literal run of header + 1 bytes.
      for (let n = 0; n <= header && written < count && pos < segment.length; n++) {
        out[start + written++ * stride] = segment[pos++] ?? 0;
      }
    } else if (header > 128) {
      // Replicate the next byte 257 - header times.
      const value = segment[pos++] ?? 0;
      for (let n = 0; n < 257 - header && written < count; n++) out[start + written++ * stride] = value;
    }
    // header === 128 is a no-op.
  }
  return written;
}

export function decodeRleFrame(frame: Uint8Array, g: FrameGeometry): { frame: Uint8Array } | { reason: string } {
  const damaged = { reason: 'The compressed (RLE) image data is damaged' };
  if (frame.length < HEADER_LENGTH) return damaged;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const bytesPerSample = Math.ceil(g.bitsAllocated / 8);
  const segmentCount = view.getUint32(0, true);
  if (segmentCount !== g.samplesPerPixel * bytesPerSample || segmentCount > 15) return damaged;
  // 1-bit data is RLE-compressed as its packed bytes.
  const valuesPerSegment = g.bitsAllocated === 1 ? Math.ceil((g.rows * g.columns) / 8) : g.rows * g.columns;
  // PackBits expands at most 128 bytes from 2, so larger claims are damaged (and must not allocate).
  if (valuesPerSegment * segmentCount > frame.length * 64) return damaged;
  const out = new Uint8Array(valuesPerSegment * segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const begin = view.getUint32(4 + 4 * s, true);
    const end = s + 1 < segmentCount ? view.getUint32(8 + 4 * s, true) : frame.length;
    if (begin < HEADER_LENGTH || begin > end || end > frame.length) return damaged;
    const sample = Math.floor(s / bytesPerSample);
    const littleEndianByte = bytesPerSample - 1 - (s % bytesPerSample);
    const start = sample * bytesPerSample + littleEndianByte;
    const written = decodeSegment(frame.subarray(begin, end), out, start, segmentCount, valuesPerSegment);
    if (written < valuesPerSegment) return damaged;
  }
  return { frame: out };
}
