/**
 * Draws the differences over one viewport: changed pixels in red, each changed area's box in
 * yellow, placed where the viewer shows the picture (so zoom and pan keep them in place).
 */
import type { Box } from '../../../../shared/compare/compare-report';
import type { ImageRect } from '../../viewer/cornerstone/compare-view';

/** See-through enough to show what the copy holds there. */
const RED = [230, 30, 30, 95] as const;

function maskImage(mask: Uint8Array, columns: number, rows: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = columns;
  canvas.height = rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const image = ctx.createImageData(columns, rows);
  for (let p = 0; p < mask.length; p++) {
    if (mask[p] !== 1) continue;
    image.data.set(RED, p * 4);
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

export function drawDifferences(canvas: HTMLCanvasElement, rect: ImageRect | null, mask: { mask: Uint8Array; rows: number; columns: number } | null, boxes: readonly Box[]): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(canvas.clientWidth * ratio);
  const height = Math.round(canvas.clientHeight * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
  if (rect === null) return;
  if (mask !== null) {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(maskImage(mask.mask, mask.columns, mask.rows), rect.left, rect.top, mask.columns * rect.scaleX, mask.rows * rect.scaleY);
  }
  ctx.strokeStyle = '#ffd400';
  ctx.lineWidth = 2;
  for (const [x0, y0, x1, y1] of boxes) {
    ctx.strokeRect(rect.left + x0 * rect.scaleX - 1, rect.top + y0 * rect.scaleY - 1, (x1 - x0 + 1) * rect.scaleX + 2, (y1 - y0 + 1) * rect.scaleY + 2);
  }
}
