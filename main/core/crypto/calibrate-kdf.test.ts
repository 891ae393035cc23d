import { describe, expect, it } from 'vitest';
import { calibrateKdf } from './calibrate-kdf';
import type { KdfCost } from './kdf-policy';

describe('calibrateKdf', () => {
  it('scales iterations from the faster of two probe runs', async () => {
    const probes: KdfCost[] = [];
    const timings = [90, 60];
    const cost = await calibrateKdf({
      measureMs: async (probe) => {
        probes.push(probe);
        return timings.shift() ?? 0;
      },
    });
    // 60 ms for 3 iterations = 20 ms each; 750 ms target -> 37.5 -> 38.
    expect(cost).toEqual({ memoryKiB: 131072, iterations: 38, parallelism: 1 });
    expect(probes).toEqual([
      { memoryKiB: 131072, iterations: 3, parallelism: 1 },
      { memoryKiB: 131072, iterations: 3, parallelism: 1 },
    ]);
  });

  it('never goes below 3 iterations nor above the maximum', async () => {
    expect((await calibrateKdf({ measureMs: async () => 3000 })).iterations).toBe(3);
    expect((await calibrateKdf({ measureMs: async () => 0.01 })).iterations).toBe(64);
  });

  it('measures real Argon2id briefly (small memory, 100 ms target)', async () => {
    const cost = await calibrateKdf({ memoryKiB: 8192, targetMs: 100 });
    expect(cost.memoryKiB).toBe(8192);
    expect(cost.parallelism).toBe(1);
    expect(cost.iterations).toBeGreaterThanOrEqual(3);
    expect(cost.iterations).toBeLessThanOrEqual(64);
  });
});
