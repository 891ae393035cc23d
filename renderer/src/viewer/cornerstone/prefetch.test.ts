import { describe, expect, it } from 'vitest';
import { aheadIndices } from './prefetch';

describe('aheadIndices', () => {
  it('takes the next pictures, nearest first, wrapping like cine', () => {
    expect(aheadIndices(0, 10, 3)).toEqual([1, 2, 3]);
    expect(aheadIndices(8, 10, 4)).toEqual([9, 0, 1, 2]);
  });
  it('never includes the current picture and stays within the stack', () => {
    expect(aheadIndices(2, 4, 24)).toEqual([3, 0, 1]);
    expect(aheadIndices(0, 1, 24)).toEqual([]);
    expect(aheadIndices(0, 0, 24)).toEqual([]);
  });
});
