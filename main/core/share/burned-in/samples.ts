/**
 * Reading stored values in a canonical frame (image-frames.ts), and turning a frame into 8-bit
 * luminance for the text detector and OCR. Burned-in text is usually drawn with the
 * brightest value the image can hold, so a min/max stretch keeps it at the top of the range
 * whatever window the file suggests for viewing anatomy.
 */
import type { ImageInfo } from './image-frames';
import type { PaletteLuma } from './palette';

export type ColourModel = 'grey' | 'rgb' | 'ybr' | 'ybr422';

const DCT_OR_J2K = /^1\.2\.840\.10008\.1\.2\.4\.(5\d|6[0-6]|9[0-3]|20[1-3])$/;

/** How the canonical frame's samples are to be read (codecs hand JPEG and JPEG 2000 colour back as RGB). */
export function colourModel(info: ImageInfo): ColourModel {
  if (info.samplesPerPixel === 1) return 'grey';
  if (!info.photometric.startsWith('YBR')) return 'rgb';
  if (info.encapsulated && DCT_OR_J2K.test(info.transferSyntaxUid)) return 'rgb';
  return info.photometric.endsWith('_422') && !info.encapsulated ? 'ybr422' : 'ybr';
}

/** Reads stored value `index` (sample index in the frame), masked to Bits Stored and sign-extended. */
function storedReader(info: ImageInfo): (frame: Uint8Array, index: number) => number {
  const bits = info.bitsStored;
  const mask = bits >= 32 ? 0xffffffff : 2 ** bits - 1;
  const sign = 2 ** (bits - 1);
  const finish = (raw: number) => {
    const value = raw & mask;
    return info.signed && value >= sign ? value - 2 ** bits : value >>> 0;
  };
  switch (info.bitsAllocated) {
    case 1:
      return (f, i) => ((f[i >> 3] ?? 0) >> (i & 7)) & 1;
    case 8:
      return (f, i) => finish(f[i] ?? 0);
    case 16:
      return (f, i) => finish((f[2 * i] ?? 0) | ((f[2 * i + 1] ?? 0) << 8));
    default:
      return (f, i) => finish(((f[4 * i] ?? 0) | ((f[4 * i + 1] ?? 0) << 8) | ((f[4 * i + 2] ?? 0) << 16) | ((f[4 * i + 3] ?? 0) << 24)) >>> 0);
  }
}

/** Index of the value that carries pixel p's luminance (Y for YBR, the value for grey). */
function lumaIndex(model: ColourModel, spp: number): (p: number) => number {
  if (model === 'ybr422') return (p) => (p >> 1) * 4 + (p & 1);
  return (p) => p * spp;
}

/**
 * The frame as 8-bit display luminance (rows x columns), stretched from its own minimum to
 * maximum; MONOCHROME1 is inverted, so what the viewer shows white is bright here too. A
 * PALETTE COLOR picture's indices are looked up in its palette first.
 */
export function toLuma8(frame: Uint8Array, info: ImageInfo, palette: PaletteLuma | null = null): Uint8Array {
  const pixels = info.rows * info.columns;
  const model = colourModel(info);
  const read = storedReader(info);
  const values = new Float32Array(pixels);
  if (model === 'rgb') {
    for (let p = 0; p < pixels; p++) {
      const at = p * info.samplesPerPixel;
      values[p] = 0.299 * read(frame, at) + 0.587 * read(frame, at + 1) + 0.114 * read(frame, at + 2);
    }
  } else if (palette !== null) {
    const last = palette.luma.length - 1;
    for (let p = 0; p < pixels; p++) values[p] = palette.luma[Math.min(last, Math.max(0, read(frame, p) - palette.firstMapped))] ?? 0;
  } else {
    const index = lumaIndex(model, info.samplesPerPixel);
    for (let p = 0; p < pixels; p++) values[p] = read(frame, index(p));
  }
  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < pixels; p++) {
    const v = values[p] ?? 0;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out = new Uint8Array(pixels);
  const scale = max > min ? 255 / (max - min) : 0;
  const invert = info.photometric === 'MONOCHROME1';
  for (let p = 0; p < pixels; p++) {
    const v = Math.round(((values[p] ?? 0) - min) * scale);
    out[p] = invert ? 255 - v : v;
  }
  return out;
}
