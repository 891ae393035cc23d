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

  it('answers an empty list with an empty list', async () => {
    expect(await settleInOrder([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
