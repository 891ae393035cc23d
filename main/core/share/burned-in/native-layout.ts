/**
 * Where each stored sample of uncompressed pixel data sits (PS3.5 8.1, 8.2): frames one after
 * another, colour by pixel or by plane, YBR 4:2:2 pairs, 1-bit packing, either byte order. Lets a
 * mask be written straight into the original bytes, so nothing else in the file moves.
 */
import type { ImageInfo } from './image-frames';

export interface NativeLayout {
  /** Samples a pixel has (1 grey, 3 colour). */
  samples: number;
  read(data: Uint8Array, frame: number, pixel: number, sample: number): number;
  write(data: Uint8Array, frame: number, pixel: number, sample: number, value: number): void;
}

export interface LayoutOptions {
  planar: boolean;
  subsampled422: boolean;
  littleEndian: boolean;
}

function valueIndex(info: ImageInfo, o: LayoutOptions): (frame: number, pixel: number, sample: number) => number {
  const pixels = info.rows * info.columns;
  const spp = info.samplesPerPixel;
  if (o.subsampled422) {
    // Y0 Y1 Cb Cr for each pair of pixels on a row (columns are even for 4:2:2).
    return (f, p, s) => f * pixels * 2 + (p >> 1) * 4 + (s === 0 ? p & 1 : s + 1);
  }
  if (o.planar && spp > 1) return (f, p, s) => (f * spp + s) * pixels + p;
  return (f, p, s) => (f * pixels + p) * spp + s;
}

export function nativeLayout(info: ImageInfo, o: LayoutOptions): NativeLayout {
  const index = valueIndex(info, o);
  const samples = info.samplesPerPixel;
  const width = info.bitsAllocated / 8;
  if (info.bitsAllocated === 1) {
    return {
      samples,
      read: (d, f, p, s) => ((d[index(f, p, s) >> 3] ?? 0) >> (index(f, p, s) & 7)) & 1,
      write: (d, f, p, s, v) => {
        const i = index(f, p, s);
        d[i >> 3] = v & 1 ? (d[i >> 3] ?? 0) | (1 << (i & 7)) : (d[i >> 3] ?? 0) & ~(1 << (i & 7));
      },
    };
  }
  const byteAt = (i: number, b: number) => i * width + (o.littleEndian ? b : width - 1 - b);
  return {
    samples,
    read: (d, f, p, s) => {
      const i = index(f, p, s);
      let v = 0;
      for (let b = width - 1; b >= 0; b--) v = v * 256 + (d[byteAt(i, b)] ?? 0);
      return v;
    },
    write: (d, f, p, s, v) => {
      const i = index(f, p, s);
      for (let b = 0; b < width; b++) d[byteAt(i, b)] = Math.floor(v / 256 ** b) & 0xff;
    },
  };
}
