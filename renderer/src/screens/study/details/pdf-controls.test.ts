import { describe, expect, it } from 'vitest';
import { clampPage, zoomLabel, zoomStep, ZOOM_STEPS } from './pdf-controls';

describe('PDF view steps', () => {
  it('keeps the page inside the document', () => {
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(6, 5)).toBe(5);
    expect(clampPage(3, 5)).toBe(3);
    expect(clampPage(2, 0)).toBe(1);
  });
  it('zooms in fixed steps and stops at the ends', () => {
    expect(zoomStep(0, -1)).toBe(0);
    expect(zoomStep(ZOOM_STEPS.length - 1, 1)).toBe(ZOOM_STEPS.length - 1);
    expect(zoomLabel(zoomStep(2, 1))).toBe('125%');
  });
});
