import { describe, expect, it } from 'vitest';
import { NOTHING } from '../import/selection';
import { compareSourceOf } from './compare-request';

describe('compareSourceOf', () => {
  it('joins chosen paths and a typed path, without duplicates', () => {
    expect(compareSourceOf({ kind: 'paths', paths: ['/a', '/b'] }, ' /b ')).toEqual({ kind: 'paths', paths: ['/a', '/b'] });
  });

  it('says what is missing, or that files and a path cannot be mixed', () => {
    expect(compareSourceOf(NOTHING, '  ')).toMatch(/Choose or drop/);
    expect(compareSourceOf({ kind: 'files', files: [] }, '/x')).toMatch(/one at a time/);
  });
});
