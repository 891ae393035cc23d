import { describe, expect, it } from 'vitest';
import { settleInOrder } from './settle-in-order';

describe('settleInOrder', () => {
  it('runs at most the given number of loads at once, starting them in order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await settleInOrder([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 8 - n));
      running -= 1;
      return n * 10;
    });
    expect(peak).toBe(3);
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => ({ status: 'fulfilled', value: n * 10 })));
  });

  it('reports a failed load in its place and still finishes the rest, like Promise.allSettled', async () => {
    const boom = new Error('unreadable');
    const results = await settleInOrder(['a', 'b', 'c'], 2, (x) => (x === 'b' ? Promise.reject(boom) : Promise.resolve(x)));
    expect(results).toEqual([{ status: 'fulfilled', value: 'a' }, { status: 'rejected', reason: boom }, { status: 'fulfilled', value: 'c' }]);
  });

  it('starts nothing more once its signal is aborted, and rejects the items it did not start', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const results = await settleInOrder([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 2) controller.abort(new Error('left the study'));
      await new Promise((r) => setTimeout(r, 1));
      return n;
    }, controller.signal);
    expect(started).toEqual([1, 2]);
    expect(results.slice(0, 2)).toEqual([{ status: 'fulfilled', value: 1 }, { status: 'fulfilled', value: 2 }]);
    expect(results.slice(2).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('left the study'));
  });

  it('answers an empty list with an empty list', async () => {
    expect(await settleInOrder([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
