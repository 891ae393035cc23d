import { describe, expect, it } from 'vitest';
import { changedBoxes, diffFrame, mergeBoxes } from './pixel-diff';

const shape16 = { rows: 4, columns: 4, samples: 1, bitsAllocated: 16, signed: false };
const le16 = (values: number[]): Uint8Array => new Uint8Array(new Uint16Array(values).buffer);

describe('pixel differences', () => {
  it('counts changed pixels with the largest and mean absolute difference', () => {
    const a = le16([0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]);
    const b = le16([0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const d = diffFrame(a, b, shape16);
    expect([d.changed, d.maxDiff, d.meanDiff]).toEqual([2, 7, 6.5]);
    expect([...d.mask]).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('reads signed values as signed: -1 to 1 is a difference of 2, not 65534', () => {
    const d = diffFrame(le16([0xffff]), le16([1]), { ...shape16, rows: 1, columns: 1, signed: true });
    expect(d.maxDiff).toBe(2);
  });

  it('compares 1-bit frames bit by bit and colour frames by their largest sample difference', () => {
    expect(diffFrame(new Uint8Array([0b0000_0101]), new Uint8Array([0b0000_0100]), { rows: 1, columns: 8, samples: 1, bitsAllocated: 1, signed: false }).changed).toBe(1);
    const rgb = diffFrame(new Uint8Array([10, 20, 30, 0, 0, 0]), new Uint8Array([10, 25, 28, 0, 0, 0]), { rows: 1, columns: 2, samples: 3, bitsAllocated: 8, signed: false });
    expect([rgb.changed, rgb.maxDiff]).toEqual([1, 5]);
  });

  it('boxes connected regions (diagonal neighbours included) and merges boxes a few pixels apart', () => {
    const columns = 20;
    const mask = new Uint8Array(columns * 10);
    const set = (x: number, y: number) => { mask[y * columns + x] = 1; };
    set(0, 0); set(1, 1); // diagonal: one region
    set(4, 0); // 3 pixels from the first box: merged
    set(15, 8); set(16, 9); // far away: its own box
    expect(changedBoxes(mask, columns, 10)).toEqual([[0, 0, 4, 1], [15, 8, 16, 9]]);
  });

  it('merging repeats until no two boxes are close (a chain of boxes becomes one)', () => {
    expect(mergeBoxes([[0, 0, 0, 0], [20, 0, 20, 0], [5, 0, 5, 0], [10, 0, 10, 0], [15, 0, 15, 0]], 4)).toEqual([[0, 0, 20, 0]]);
    expect(mergeBoxes([[0, 0, 0, 0], [6, 0, 6, 0]], 4)).toEqual([[0, 0, 0, 0], [6, 0, 6, 0]]);
  });
});
