/** Page and zoom steps of the PDF view, kept apart from pdf.js so they can be tested. */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
export const DEFAULT_ZOOM_INDEX = 2;

export function clampPage(page: number, pageCount: number): number {
  if (pageCount < 1) return 1;
  return Math.min(Math.max(1, Math.round(page)), pageCount);
}

export function zoomStep(index: number, direction: 1 | -1): number {
  return Math.min(Math.max(0, index + direction), ZOOM_STEPS.length - 1);
}

export function zoomLabel(index: number): string {
  return `${Math.round((ZOOM_STEPS[index] ?? 1) * 100)}%`;
}
