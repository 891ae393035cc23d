/**
 * Blanks rectangles in pixel data held in a NativeLayout: grey images take the lowest stored value
 * found in the image (so the mask looks like the darkest background), colour images black.
 */
import type { TextRegion } from './types';
import type { ImageInfo } from './image-frames';
import type { NativeLayout } from './native-layout';
import { colourModel } from './samples';

/** Raw bits (as read from the layout) to the stored value: masked to Bits Stored, sign-extended. */
export function storedValue(raw: number, info: ImageInfo): number {
  if (info.bitsAllocated === 1) return raw & 1;
  const bits = info.bitsStored;
  const value = raw % 2 ** bits;
  return info.signed && value >= 2 ** (bits - 1) ? value - 2 ** bits : value;
}

export interface FrameBuffer {
  data: Uint8Array;
  /** Index of this buffer's first frame in `data` (0 for one canonical frame, f for whole native data). */
  frameInData: number;
}

/** The lowest stored value over the given frames (grey images only). */
export function lowestValue(info: ImageInfo, layout: NativeLayout, frames: readonly FrameBuffer[]): number {
  let lowest = Infinity;
  const pixels = info.rows * info.columns;
  for (const { data, frameInData } of frames) {
    for (let p = 0; p < pixels; p++) {
      const v = storedValue(layout.read(data, frameInData, p, 0), info);
      if (v < lowest) lowest = v;
    }
  }
  return Number.isFinite(lowest) ? lowest : 0;
}

/** The value for each sample of a masked pixel. */
export function maskSamples(info: ImageInfo, lowest: number): number[] {
  const model = colourModel(info);
  if (model === 'grey') return [lowest];
  if (model === 'rgb') return Array.from({ length: info.samplesPerPixel }, () => 0);
  // 4:2:2 shares chroma between two pixels: only luminance is blanked, so no pixel outside a mask changes.
  if (model === 'ybr422') return [0];
  const mid = 2 ** (info.bitsAllocated - 1);
  return [0, mid, mid];
}

/** The rectangle clipped to the image; null when nothing of it is inside. */
export function clip(region: TextRegion, info: ImageInfo): { x0: number; y0: number; x1: number; y1: number } | null {
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(info.columns, Math.ceil(region.x + region.width));
  const y1 = Math.min(info.rows, Math.ceil(region.y + region.height));
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : null;
}

/** Paints every region that applies to `frame` (frame null regions apply to all). Returns pixels painted. */
export function paintFrame(info: ImageInfo, layout: NativeLayout, target: FrameBuffer, frame: number, regions: readonly TextRegion[], values: readonly number[]): number {
  let painted = 0;
  for (const region of regions) {
    if (region.frame !== null && region.frame !== frame) continue;
    const box = clip(region, info);
    if (box === null) continue;
    for (let y = box.y0; y < box.y1; y++) {
      for (let x = box.x0; x < box.x1; x++) {
        const p = y * info.columns + x;
        values.forEach((v, s) => layout.write(target.data, target.frameInData, p, s, v));
        painted++;
      }
    }
  }
  return painted;
}
