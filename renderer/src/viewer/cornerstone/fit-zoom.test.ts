import { describe, expect, it } from 'vitest';
import { cpuFitScale, cpuZoomReadout, shownZoom } from './fit-zoom';

const square512 = { columns: 512, rows: 512, rowSpacing: 0.7, columnSpacing: 0.7 };

describe('cpuFitScale', () => {
  it('fits the tighter side of the canvas', () => {
    expect(cpuFitScale({ ...square512, canvasWidth: 1000, canvasHeight: 558 })).toBeCloseTo(558 / 512, 9);
    expect(cpuFitScale({ ...square512, canvasWidth: 400, canvasHeight: 900 })).toBeCloseTo(400 / 512, 9);
  });

  it('leaves room for the stretched axis of non-square pixels', () => {
    // Rows twice as far apart as columns: the picture is drawn twice as tall as it has rows.
    expect(cpuFitScale({ canvasWidth: 1000, canvasHeight: 1000, columns: 256, rows: 256, rowSpacing: 2, columnSpacing: 1 })).toBeCloseTo(1000 / 256 / 2, 9);
    expect(cpuFitScale({ canvasWidth: 1000, canvasHeight: 1000, columns: 256, rows: 256, rowSpacing: 1, columnSpacing: 2 })).toBeCloseTo(1000 / 256 / 2, 9);
  });

  it('treats missing spacing as square pixels and refuses empty sizes', () => {
    expect(cpuFitScale({ canvasWidth: 512, canvasHeight: 256, columns: 256, rows: 256, rowSpacing: 0, columnSpacing: 0 })).toBe(1);
    expect(cpuFitScale({ ...square512, canvasWidth: 0, canvasHeight: 600 })).toBeNull();
    expect(cpuFitScale({ ...square512, columns: 0, canvasWidth: 600, canvasHeight: 600 })).toBeNull();
  });
});

describe('cpuZoomReadout', () => {
  const fit = { ...square512, canvasWidth: 1116, canvasHeight: 558 };
  it('reads 100 % for a fitted picture and scales from there', () => {
    const fitted = 558 / 512; // the 109 % the raw scale used to show
    expect(cpuZoomReadout(fitted, fit)).toBeCloseTo(1, 9);
    expect(cpuZoomReadout(fitted * 2, fit)).toBeCloseTo(2, 9);
  });

  it('falls back to the raw scale when the canvas has no size yet', () => {
    expect(cpuZoomReadout(1.5, { ...fit, canvasWidth: 0 })).toBe(1.5);
  });
});

describe('shownZoom', () => {
  it('shows a drawn picture\'s zoom and nothing while none is drawn (Cornerstone reports NaN)', () => {
    expect(shownZoom(1.25)).toBe(1.25);
    expect(shownZoom(Number.NaN)).toBeNull();
    expect(shownZoom(Number.POSITIVE_INFINITY)).toBeNull();
    expect(shownZoom(0)).toBeNull();
  });
});
