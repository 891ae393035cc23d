import { describe, expect, it } from 'vitest';
import type { ViewerInstance, ViewerSeries } from '../../../../shared/api/viewer';
import { mightBeVolume, noPicturesText, pictureCount, seriesEntries } from './series-entries';

const inst = (id: number, over: Partial<ViewerInstance> = {}): ViewerInstance => ({
  id, instanceNumber: id, sopClassUid: '1.2.840.10008.5.1.4.1.1.2', kind: 'image', transferSyntax: '1.2.840.10008.1.2.1', rows: 64, columns: 64, frames: null, ...over,
});
const series = (instances: ViewerInstance[], modality = 'CT'): ViewerSeries => ({ id: 1, seriesNumber: 1, modality, bodyPart: null, description: null, instances });

describe('series entries', () => {
  it('gives one entry per frame, keeping instance and frame number', () => {
    const entries = seriesEntries(series([inst(1), inst(2, { frames: 3 }), inst(3, { kind: 'report' })]));
    expect(entries.map((e) => [e.instanceId, e.frame])).toEqual([
      [1, null], [2, { number: 1, of: 3 }], [2, { number: 2, of: 3 }], [2, { number: 3, of: 3 }],
    ]);
    expect(new Set(entries.map((e) => e.imageId)).size).toBe(4);
    expect(pictureCount(series([inst(1), inst(2, { frames: 3 }), inst(3, { kind: 'pdf' })]))).toBe(4);
  });

  it('says what a series without pictures holds', () => {
    expect(noPicturesText(series([inst(1, { kind: 'pdf' })]))).toMatch(/PDF/);
    expect(noPicturesText(series([inst(1, { kind: 'report' })]))).toMatch(/report/);
    expect(noPicturesText(series([inst(1, { kind: 'other' })]))).toMatch(/not a picture/);
    expect(noPicturesText(series([]))).toMatch(/empty/);
  });

  it('offers side views for CT and MR with at least three pictures', () => {
    expect(mightBeVolume(series([inst(1), inst(2), inst(3)]))).toBe(true);
    expect(mightBeVolume(series([inst(1), inst(2)]))).toBe(false);
    expect(mightBeVolume(series([inst(1), inst(2), inst(3)], 'US'))).toBe(false);
    expect(mightBeVolume(series([inst(1, { frames: 10 })], 'MR'))).toBe(true);
  });
});
