/**
 * The zoom readout means the same on both drawing paths: 100 % is "the picture fitted to the
 * viewport". Cornerstone's WebGL path reports zoom against the fitted camera already, but its CPU
 * path reports its raw scale (screen pixels per image pixel), which read 109 % for a fitted picture.
 */
export interface CpuFitInput {
  canvasWidth: number;
  canvasHeight: number;
  columns: number;
  rows: number;
  /** Pixel spacing; 0 or missing means square pixels, as Cornerstone reads it. */
  rowSpacing: number;
  columnSpacing: number;
}

/** The scale Cornerstone's CPU path gives a picture when it fits it (its getImageFitScale, unrotated). */
export function cpuFitScale(i: CpuFitInput): number | null {
  if (i.columns <= 0 || i.rows <= 0 || i.canvasWidth <= 0 || i.canvasHeight <= 0) return null;
  const row = i.rowSpacing || 1;
  const column = i.columnSpacing || 1;
  // Non-square pixels are stretched along the coarser spacing, so that axis needs more room.
  const horizontalRatio = row < column ? column / row : 1;
  const verticalRatio = row < column ? 1 : row / column;
  return Math.min(i.canvasWidth / i.columns / horizontalRatio, i.canvasHeight / i.rows / verticalRatio);
}

/** The CPU path's raw scale as a zoom against the fitted picture (1 = fitted). */
export function cpuZoomReadout(rawScale: number, fit: CpuFitInput): number {
  const fitted = cpuFitScale(fit);
  return fitted === null ? rawScale : rawScale / fitted;
}

/** A zoom worth showing: none while no picture is drawn (Cornerstone then reports NaN, once shown as "Zoom NaN%"). */
export function shownZoom(zoom: number): number | null {
  return Number.isFinite(zoom) && zoom > 0 ? zoom : null;
}
