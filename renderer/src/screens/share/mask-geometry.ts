/**
 * Mask rectangles in image pixels, moved and resized by mouse or keyboard, always kept inside the
 * image and at least one pixel big. Pure (unit-tested in Node).
 */
import type { MaskRect } from '../../../../shared/share/share-domain';

export interface Size { columns: number; rows: number }

export function clampRect(r: MaskRect, size: Size): MaskRect {
  const width = Math.max(1, Math.min(Math.round(r.width), size.columns));
  const height = Math.max(1, Math.min(Math.round(r.height), size.rows));
  const x = Math.max(0, Math.min(Math.round(r.x), size.columns - width));
  const y = Math.max(0, Math.min(Math.round(r.y), size.rows - height));
  return { ...r, x, y, width, height };
}

export function moveRect(r: MaskRect, dx: number, dy: number, size: Size): MaskRect {
  return clampRect({ ...r, x: r.x + dx, y: r.y + dy }, size);
}

/** Grows or shrinks from the bottom-right corner (the top-left stays put). */
export function resizeRect(r: MaskRect, dw: number, dh: number, size: Size): MaskRect {
  const width = Math.max(1, Math.min(r.width + dw, size.columns - r.x));
  const height = Math.max(1, Math.min(r.height + dh, size.rows - r.y));
  return { ...r, width, height };
}

/** A new mask for "Add a mask": a band across the top, where scanners usually print names. */
export function newRect(size: Size): MaskRect {
  return clampRect({ x: Math.round(size.columns * 0.1), y: 0, width: Math.round(size.columns * 0.4), height: Math.max(1, Math.round(size.rows * 0.08)), frame: null }, size);
}

/** One key press on a selected mask: arrows move it, Shift+arrows resize it; bigger steps with Ctrl/Alt. */
export function keyStep(key: string, shift: boolean, big: boolean): { kind: 'move' | 'resize'; dx: number; dy: number } | null {
  const step = big ? 10 : 1;
  const d: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
  const delta = d[key];
  if (!delta) return null;
  return { kind: shift ? 'resize' : 'move', dx: delta[0], dy: delta[1] };
}

/** A step in image pixels big enough to be seen on screen: one screen pixel at the current scale, at least one image pixel. */
export function pixelsPerScreenPixel(size: Size, shownWidth: number): number {
  return shownWidth > 0 ? Math.max(1, Math.round(size.columns / shownWidth)) : 1;
}

export function describeRect(r: MaskRect, index: number): string {
  return `Mask ${index + 1}: from ${r.x}, ${r.y}, ${r.width} by ${r.height} pixels`;
}
