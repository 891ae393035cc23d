import { describe, expect, it } from 'vitest';
import { clampRect, keyStep, moveRect, newRect, resizeRect } from './mask-geometry';

const size = { columns: 100, rows: 50 };
const r = { x: 10, y: 10, width: 20, height: 10, frame: null };

describe('mask rectangles', () => {
  it('move but stay inside the image', () => {
    expect(moveRect(r, 5, -3, size)).toMatchObject({ x: 15, y: 7 });
    expect(moveRect(r, 500, 500, size)).toMatchObject({ x: 80, y: 40, width: 20, height: 10 });
    expect(moveRect(r, -500, -500, size)).toMatchObject({ x: 0, y: 0 });
  });
  it('resize from the bottom-right corner, never below one pixel or past the edge', () => {
    expect(resizeRect(r, 4, 2, size)).toMatchObject({ x: 10, y: 10, width: 24, height: 12 });
    expect(resizeRect(r, -100, -100, size)).toMatchObject({ width: 1, height: 1 });
    expect(resizeRect(r, 1000, 1000, size)).toMatchObject({ width: 90, height: 40 });
  });
  it('clamps a rectangle bigger than the image, and rounds to whole pixels', () => {
    expect(clampRect({ x: -3.4, y: 2.6, width: 300, height: 20.2, frame: null }, size)).toEqual({ x: 0, y: 3, width: 100, height: 20, frame: null });
  });
  it('adds a new mask inside the image', () => {
    const n = newRect(size);
    expect(n.x + n.width).toBeLessThanOrEqual(100);
    expect(n.height).toBeGreaterThanOrEqual(1);
  });
  it('maps arrows to moves and shift+arrows to resizes', () => {
    expect(keyStep('ArrowLeft', false, false)).toEqual({ kind: 'move', dx: -1, dy: 0 });
    expect(keyStep('ArrowDown', true, true)).toEqual({ kind: 'resize', dx: 0, dy: 10 });
    expect(keyStep('a', false, false)).toBeNull();
  });
});
