import { describe, expect, it } from 'vitest';
import { WriteQueue, readAhead } from './pipeline';

describe('export pipeline helpers', () => {
  it('readAhead yields in order with the next read already started', async () => {
    const started: number[] = [];
    const seen: number[] = [];
    for await (const [item, value, i] of readAhead([1, 2, 3], (n) => { started.push(n); return Promise.resolve(n * 10); })) {
      seen.push(value);
      expect(item).toBe(i + 1);
      expect(started.length).toBe(Math.min(i + 2, 3));
    }
    expect(seen).toEqual([10, 20, 30]);
  });

  it('readAhead surfaces a failed read where it is used, and leaves no unhandled rejection when stopped early', async () => {
    const read = (n: number) => (n === 2 ? Promise.reject(new Error('bad blob')) : Promise.resolve(n));
    const seen: number[] = [];
    await expect((async () => { for await (const [, v] of readAhead([1, 2, 3], read)) seen.push(v); })()).rejects.toThrow('bad blob');
    expect(seen).toEqual([1]);
    for await (const [, v] of readAhead([1, 2, 3], read)) if (v === 1) break; // the pending failing read is awaited quietly
  });

  it('WriteQueue keeps at most `limit` writes in flight and throws the first failure', async () => {
    const q = new WriteQueue(2);
    let inFlight = 0;
    let most = 0;
    const write = (fail = false) => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (fail) throw new Error('disk full');
    };
    for (let i = 0; i < 6; i++) await q.push(write());
    await q.drain();
    expect(most).toBe(2);
    await q.push(write(true));
    await expect(q.drain()).rejects.toThrow('disk full');
    await expect(q.push(write())).rejects.toThrow('disk full');
  });
});
