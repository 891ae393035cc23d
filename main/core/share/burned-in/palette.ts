/**
 * PALETTE COLOR pictures store indices, not brightness: the screener must look at the colours the
 * palette gives them, or text drawn with a light colour at a low index stays invisible to it.
 * Normal (not segmented) palettes only; anything else is refused so the picture is held back.
 */
import { readDicomTree } from '../deid/dataset-tree';
import { ImageError } from './image-frames';

const DESCRIPTORS = [0x00281101, 0x00281102, 0x00281103];
const DATA = [0x00281201, 0x00281202, 0x00281203];
const SEGMENTED = [0x00281221, 0x00281222, 0x00281223];

export interface PaletteLuma {
  /** Luminance (0..1) of palette entry i, for stored values firstMapped + i. */
  luma: Float32Array;
  firstMapped: number;
}

export function paletteLuma(bytes: Uint8Array): PaletteLuma {
  const tree = readDicomTree(bytes);
  const find = (tag: number) => tree.dataset.find((e) => e.tag === tag)?.value;
  if (SEGMENTED.some((tag) => find(tag) !== undefined)) throw new ImageError('Pictures with a segmented colour palette cannot be checked for text');
  const little = tree.encoding.littleEndian;
  const channels: Float32Array[] = [];
  let firstMapped = 0;
  for (const [c, tag] of DESCRIPTORS.entries()) {
    const descriptor = find(tag);
    const data = find(DATA[c] ?? 0);
    if (descriptor === undefined || descriptor.length < 6 || data === undefined) throw new ImageError('The picture’s colour palette is missing');
    const view = new DataView(descriptor.buffer, descriptor.byteOffset, descriptor.byteLength);
    const entries = view.getUint16(0, little) || 65536;
    firstMapped = view.getUint16(2, little); // US or SS: only the low 16 bits matter for the index range
    const bits = view.getUint16(4, little);
    const packed8 = data.length === entries; // some writers pack 8-bit entries one per byte
    if (!packed8 && data.length < entries * 2) throw new ImageError('The picture’s colour palette is damaged');
    const dataView = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const scale = bits > 8 && !packed8 ? 65535 : 255;
    const out = new Float32Array(entries);
    for (let i = 0; i < entries; i++) out[i] = (packed8 ? (data[i] ?? 0) : dataView.getUint16(2 * i, little)) / scale;
    channels.push(out);
  }
  const [r, g, b] = channels as [Float32Array, Float32Array, Float32Array];
  const length = Math.min(r.length, g.length, b.length);
  const luma = new Float32Array(length);
  for (let i = 0; i < length; i++) luma[i] = 0.299 * (r[i] ?? 0) + 0.587 * (g[i] ?? 0) + 0.114 * (b[i] ?? 0);
  return { luma, firstMapped };
}
