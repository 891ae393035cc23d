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

  it('readAhead reads up to `ahead` items ahead within `maxBytes`, and the next one whatever its size', async () => {
    const sizes = [10, 10, 10, 10, 100, 10, 10, 10];
    const started: number[] = [];
    const aheadAt: number[] = [];
    const limits = { ahead: 3, maxBytes: 30, sizeOf: (i: number) => sizes[i] ?? 0 };
    const items = sizes.map((_, i) => i);
    for await (const [item, value, i] of readAhead(items, (n) => { started.push(n); return Promise.resolve(n * 10); }, limits)) {
      expect([item, value]).toEqual([i, i * 10]);
      aheadAt.push(started.length - 1 - i);
      const aheadBytes = started.slice(i + 1).reduce((sum, n) => sum + (sizes[n] ?? 0), 0);
      expect(started.length - 1 - i).toBeLessThanOrEqual(3);
      if (started.length - 1 - i > 1) expect(aheadBytes).toBeLessThanOrEqual(30);
    }
    expect(started).toEqual(items); // in order, each once
    // Three ahead among the small files; the 100-byte one waits until it is the next item, then is read alone.
    expect(aheadAt).toEqual([3, 2, 1, 1, 3, 2, 1, 0]);
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
