import { describe, expect, it } from 'vitest';
import { describeMeasurement } from './measurement-text';

describe('describeMeasurement', () => {
  it('reads a length in mm', () => {
    expect(describeMeasurement('a', 'Length', { length: 42.1234, unit: 'mm' })).toEqual({ uid: 'a', kind: 'Length', value: 42.1234, unit: 'mm', text: 'Length 42.12 mm' });
  });

  it('reads an angle', () => {
    expect(describeMeasurement('b', 'Angle', { angle: 89.96 })?.text).toBe('Angle 90.0°');
  });

  it('reads an ROI mean and SD in modality units, with the area', () => {
    const m = describeMeasurement('c', 'EllipticalROI', { mean: 40.04, stdDev: 12.26, area: 314.159, areaUnit: 'mm²', modalityUnit: 'HU' });
    expect(m).toMatchObject({ kind: 'Oval area', value: 40.04, unit: 'HU', text: 'Oval area: mean 40.0 HU, SD 12.3 HU, area 314.2 mm²' });
    expect(describeMeasurement('d', 'RectangleROI', { mean: 5, stdDev: 1, modalityUnit: 'raw' })?.text).toBe('Box area: mean 5.0 (stored value), SD 1.0 (stored value)');
  });

  it('says when a measurement is still being drawn, and ignores other tools', () => {
    expect(describeMeasurement('e', 'Length', {})?.text).toBe('Length: drawing…');
    expect(describeMeasurement('f', 'Angle', undefined)?.text).toMatch(/third point/);
    expect(describeMeasurement('g', 'Probe', { value: 1 })).toBeNull();
  });
});
