/**
 * Where two decoded frames of the same shape differ: which pixels, by how much, and the boxes
 * around connected groups of changed pixels (8-neighbours), merged when they are close, so a
 * painted area is one box and not a speckle of many.
 */
import type { Box, FrameDifference } from '../../../shared/compare/compare-report';
import type { FrameShape } from './decoded-frames';

/** Boxes this close (in pixels) are one changed area. */
export const MERGE_GAP = 4;
/** More separate areas than this are reported as one box around them all (noise, not an edit). */
const MAX_BOXES = 256;

/** One stored value: little endian, LSB-first bit packing (the canonical frame form). */
function sampleReader(frame: Uint8Array, shape: FrameShape): (index: number) => number {
  const bits = shape.bitsAllocated;
  const extend = (v: number): number => (shape.signed && bits < 32 && v >= 2 ** (bits - 1) ? v - 2 ** bits : v);
  if (bits === 8) return (i) => extend(frame[i] ?? 0);
  if (bits === 16) return (i) => extend((frame[2 * i] ?? 0) | ((frame[2 * i + 1] ?? 0) << 8));
  if (bits === 32) {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    return (i) => (4 * i + 4 <= frame.length ? (shape.signed ? view.getInt32(4 * i, true) : view.getUint32(4 * i, true)) : 0);
  }
  return (i) => {
    let value = 0;
    for (let b = 0; b < bits; b++) {
      const bit = i * bits + b;
      if (((frame[bit >> 3] ?? 0) >> (bit & 7)) & 1) value += 2 ** b;
    }
    return extend(value);
  };
}

export interface FrameDiff {
  changed: number;
  maxDiff: number;
  meanDiff: number;
  /** 1 where the pixel changed, row by row. */
  mask: Uint8Array;
}

export function diffFrame(original: Uint8Array, copy: Uint8Array, shape: FrameShape): FrameDiff {
  const pixels = shape.rows * shape.columns;
  const mask = new Uint8Array(pixels);
  if (Buffer.compare(Buffer.from(original.buffer, original.byteOffset, original.byteLength), Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength)) === 0) {
    return { changed: 0, maxDiff: 0, meanDiff: 0, mask };
  }
  const a = sampleReader(original, shape);
  const b = sampleReader(copy, shape);
  let changed = 0;
  let maxDiff = 0;
  let sum = 0;
  for (let p = 0; p < pixels; p++) {
    let diff = 0;
    for (let s = 0; s < shape.samples; s++) diff = Math.max(diff, Math.abs(a(p * shape.samples + s) - b(p * shape.samples + s)));
    if (diff === 0) continue;
    mask[p] = 1;
    changed++;
    sum += diff;
    if (diff > maxDiff) maxDiff = diff;
  }
  return { changed, maxDiff, meanDiff: changed === 0 ? 0 : sum / changed, mask };
}

/** Bounding boxes of 8-connected changed regions. */
function regions(mask: Uint8Array, columns: number, rows: number): Box[] {
  const seen = new Uint8Array(mask.length);
  const queue = new Int32Array(mask.length);
  const boxes: Box[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1 || seen[start] === 1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 1;
    let [x0, y0, x1, y1] = [columns, rows, -1, -1];
    while (head < tail) {
      const p = queue[head++] ?? 0;
      const x = p % columns;
      const y = (p - x) / columns;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= columns || ny >= rows) continue;
          const q = ny * columns + nx;
          if (mask[q] === 1 && seen[q] !== 1) {
            seen[q] = 1;
            queue[tail++] = q;
          }
        }
      }
    }
    boxes.push([x0, y0, x1, y1]);
  }
  return boxes;
}

const close = (a: Box, b: Box, gap: number): boolean =>
  a[0] <= b[2] + gap + 1 && b[0] <= a[2] + gap + 1 && a[1] <= b[3] + gap + 1 && b[1] <= a[3] + gap + 1;

/** Merges boxes within `gap` pixels of each other until none are. */
export function mergeBoxes(input: Box[], gap = MERGE_GAP): Box[] {
  let boxes = input.map((b): Box => [...b]);
  let merged = true;
  while (merged && boxes.length > 1) {
    merged = false;
    const out: Box[] = [];
    for (const box of boxes) {
      const near = out.find((o) => close(o, box, gap));
      if (near === undefined) { out.push(box); continue; }
      near[0] = Math.min(near[0], box[0]); near[1] = Math.min(near[1], box[1]);
      near[2] = Math.max(near[2], box[2]); near[3] = Math.max(near[3], box[3]);
      merged = true;
    }
    boxes = out;
  }
  return boxes.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

export function changedBoxes(mask: Uint8Array, columns: number, rows: number): Box[] {
  const found = regions(mask, columns, rows);
  if (found.length > MAX_BOXES * 8) return mergeBoxes([found.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])])]);
  const merged = mergeBoxes(found);
  return merged.length > MAX_BOXES ? mergeBoxes(merged, Math.max(columns, rows)) : merged;
}

/** The frame's entry for the report (frame numbered from 1), or null when nothing changed. */
export function frameDifference(index: number, original: Uint8Array, copy: Uint8Array, shape: FrameShape): FrameDifference | null {
  const diff = diffFrame(original, copy, shape);
  if (diff.changed === 0) return null;
  const meanDiff = Math.round(diff.meanDiff * 100) / 100;
  return { frame: index + 1, boxes: changedBoxes(diff.mask, shape.columns, shape.rows), changed: diff.changed, maxDiff: diff.maxDiff, meanDiff };
}
