import { describe, expect, it } from 'vitest';
import { decideRange } from './http-range';

describe('decideRange', () => {
  const size = 1000;
  it.each([
    ['bytes=0-99', 0, 100],
    ['bytes=990-', 990, 1000],
    ['bytes=-10', 990, 1000],
    ['bytes=-5000', 0, 1000],
    ['bytes=500-5000', 500, 1000],
    ['bytes=999-999', 999, 1000],
    ['bytes=10-99999999999999999999', 10, 1000],
    [' bytes=1-2 ', 1, 3],
  ])('%s is bytes [%i, %i)', (header, start, end) => {
    expect(decideRange(header, size)).toEqual({ kind: 'partial', span: { start, end } });
  });

  it.each(['bytes=1000-', 'bytes=1000-2000', 'bytes=-0', 'bytes=99999999999999999999-'])('%s cannot be satisfied', (header) => {
    expect(decideRange(header, size)).toEqual({ kind: 'unsatisfiable' });
  });

  it('an empty file has no satisfiable range', () => {
    expect(decideRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange(undefined, 0)).toEqual({ kind: 'whole' });
  });

  it.each([undefined, '', 'bytes=-', 'bytes=5-2', 'items=0-1', 'bytes=0-1,3-4', 'bytes=a-b', 'bytes=0x1-2'])('%s means the whole file', (header) => {
    expect(decideRange(header, size)).toEqual({ kind: 'whole' });
  });
});
