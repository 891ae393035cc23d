import { describe, expect, it } from 'vitest';
import { checkVolume, type SlicePlane } from './volume-check';

const AXIAL = [1, 0, 0, 0, 1, 0];
const slice = (z: number, over: Partial<SlicePlane> = {}): SlicePlane => ({ rows: 512, columns: 512, orientation: AXIAL, position: [-200, -200, z], ...over });

describe('checkVolume', () => {
  it('orders parallel slices by position along the normal, not by list order', () => {
    const result = checkVolume([slice(10), slice(0), slice(5), slice(15)]);
    expect(result).toEqual({ ok: true, order: [1, 2, 0, 3], spacing: 5 });
  });

  it('uses the normal of an oblique or sagittal plane', () => {
    const sag = [0, 1, 0, 0, 0, -1]; // row x column = (-1, 0, 0): slices further right come first
    const planes = [3, 1, 2].map((x) => slice(0, { orientation: sag, position: [x, 0, 0] }));
    const result = checkVolume(planes);
    expect(result.ok && result.order).toEqual([0, 2, 1]);
  });

  it('refuses too few slices, mixed sizes, mixed orientations, repeats and uneven gaps, saying why', () => {
    const reason = (planes: SlicePlane[]) => { const r = checkVolume(planes); return r.ok ? 'ok' : r.reason; };
    expect(reason([slice(0), slice(1)])).toMatch(/at least 3 slices; this series has 2/);
    expect(reason([slice(0), slice(1), slice(2, { rows: 256 })])).toMatch(/not all the same size/);
    expect(reason([slice(0), slice(1), slice(2, { orientation: [0, 1, 0, 0, 0, -1] })])).toMatch(/not parallel/);
    expect(reason([slice(0), slice(1), slice(1)])).toMatch(/same place/);
    expect(reason([slice(0), slice(1), slice(5)])).toMatch(/unevenly spaced/);
    expect(reason([slice(0), slice(1), slice(2, { position: null })])).toMatch(/do not record where/);
  });
});
