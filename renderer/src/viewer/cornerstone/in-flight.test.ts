import { describe, expect, it } from 'vitest';
import { abortAllReads, readsInFlight, trackedRead } from './in-flight';

describe('trackedRead', () => {
  it('counts reads in flight and forgets them when they settle', async () => {
    let finish!: () => void;
    const read = trackedRead(() => new Promise<void>((resolve) => { finish = resolve; }));
    expect(readsInFlight()).toBe(1);
    finish();
    await read;
    expect(readsInFlight()).toBe(0);
  });

  it('abortAllReads aborts every open read', async () => {
    const signals: AbortSignal[] = [];
    const reads = [1, 2].map(() => trackedRead((signal) => {
      signals.push(signal);
      return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    }));
    abortAllReads();
    expect(signals.every((s) => s.aborted)).toBe(true);
    await Promise.all(reads.map((r) => expect(r).rejects.toThrow('aborted')));
    expect(readsInFlight()).toBe(0);
  });
});
