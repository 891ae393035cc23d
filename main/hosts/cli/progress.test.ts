import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../shared/domain';
import { formatProgress } from './progress';

const base: Progress = { phase: 'scanning', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, bytesPerSecond: 0, etaSeconds: null };

describe('formatProgress', () => {
  it('says a job is starting, not that it found 0 files, before anything is counted', () => {
    expect(formatProgress(base)).toBe('Starting…');
    expect(formatProgress({ ...base, filesTotal: 12 })).toBe('Looking through the files… 12 found');
  });

  it('gives files, bytes, rate and time left while working', () => {
    expect(formatProgress({ ...base, phase: 'working', filesDone: 1, filesTotal: 4, bytesDone: 2048, bytesTotal: 8192, bytesPerSecond: 1024, etaSeconds: 6 }))
      .toBe('25% — 1 of 4 files, 2.0 KB of 8.0 KB (1.0 KB/s, about 6 s left)');
  });
});
