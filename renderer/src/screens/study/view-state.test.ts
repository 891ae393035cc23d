import { describe, expect, it } from 'vitest';
import { cineNext, clampFps, fileFps, initialViewState, stepIndex, viewReducer } from './view-state';

describe('study view state', () => {
  it('opens with the first series in the only viewport', () => {
    expect(initialViewState([7, 8])).toEqual({ layout: '1x1', active: 0, cells: [7, null, null, null] });
    expect(initialViewState([]).cells[0]).toBeNull();
  });

  it('puts a series into the active viewport, or the one it was dropped on', () => {
    let s = viewReducer(initialViewState([7, 8]), { type: 'layout', layout: '2x2' });
    s = viewReducer(s, { type: 'activate', cell: 3 });
    s = viewReducer(s, { type: 'assign', seriesId: 8 });
    expect(s.cells).toEqual([7, null, null, 8]);
    s = viewReducer(s, { type: 'assign', seriesId: 9, cell: 1 });
    expect(s).toMatchObject({ active: 1, cells: [7, 9, null, 8] });
  });

  it('keeps the active viewport inside a smaller layout and ignores cells outside it', () => {
    let s = viewReducer(initialViewState([7]), { type: 'layout', layout: '2x2' });
    s = viewReducer(s, { type: 'activate', cell: 3 });
    s = viewReducer(s, { type: 'layout', layout: '1x2' });
    expect(s.active).toBe(1);
    expect(viewReducer(s, { type: 'assign', seriesId: 5, cell: 3 })).toBe(s);
    expect(viewReducer(s, { type: 'activate', cell: 2 })).toBe(s);
  });

  it('fills cells a larger layout opens with series not shown yet', () => {
    const s = viewReducer(initialViewState([7, 8, 9]), { type: 'layout', layout: '2x2', fill: [7, 8, 9] });
    expect(s.cells).toEqual([7, 8, 9, null]);
    expect(viewReducer(s, { type: 'layout', layout: '1x1', fill: [7, 8, 9] }).cells).toEqual([7, 8, 9, null]);
  });

  it('steps inside the stack and lets cine go round', () => {
    expect(stepIndex(0, -1, 10)).toBe(0);
    expect(stepIndex(5, 10, 10)).toBe(9);
    expect(stepIndex(3, 2, 10)).toBe(5);
    expect(stepIndex(3, 2, 0)).toBe(0);
    expect(cineNext(9, 10)).toBe(0);
    expect(cineNext(2, 10)).toBe(3);
  });

  it('keeps the frame rate between 1 and 60 and reads the file rate', () => {
    expect(clampFps(0)).toBe(1);
    expect(clampFps(500)).toBe(60);
    expect(clampFps(Number.NaN)).toBe(20);
    expect(fileFps(30, null)).toBe(30);
    expect(fileFps(null, 33.3)).toBe(30);
    expect(fileFps(null, null)).toBe(20);
  });
});
