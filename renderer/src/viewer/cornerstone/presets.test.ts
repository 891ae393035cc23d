import { describe, expect, it } from 'vitest';
import { CT_PRESETS, presetsFor, rangeToWindow, windowRange } from './presets';

describe('CT presets', () => {
  it('lists the eight named windows with distinct number keys', () => {
    expect(CT_PRESETS.map((p) => p.id)).toEqual(['brain', 'subdural', 'stroke', 'lung', 'mediastinum', 'abdomen', 'liver', 'bone']);
    expect(new Set(CT_PRESETS.map((p) => p.key)).size).toBe(8);
    expect(CT_PRESETS.find((p) => p.id === 'lung')).toMatchObject({ width: 1500, center: -600 });
  });

  it('converts a window to the displayed range and back (DICOM linear function)', () => {
    // Brain 80/40: values 0 to 79 map onto the grey scale.
    expect(windowRange(80, 40)).toEqual({ lower: 0, upper: 79 });
    for (const p of CT_PRESETS) {
      const { lower, upper } = windowRange(p.width, p.center);
      expect(rangeToWindow(lower, upper)).toEqual({ width: p.width, center: p.center });
    }
  });

  it('offers presets only for CT', () => {
    expect(presetsFor('CT')).toHaveLength(8);
    expect(presetsFor('MR')).toEqual([]);
    expect(presetsFor(null)).toEqual([]);
  });
});
