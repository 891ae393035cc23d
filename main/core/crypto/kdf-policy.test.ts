import { describe, expect, it } from 'vitest';
import { PRODUCTION_KDF_POLICY, checkKdfCost } from './kdf-policy';

describe('checkKdfCost', () => {
  it('production policy is 64 MiB and 3 iterations and cannot be mutated', () => {
    expect(PRODUCTION_KDF_POLICY).toEqual({ minMemoryKiB: 65536, minIterations: 3 });
    expect(Object.isFrozen(PRODUCTION_KDF_POLICY)).toBe(true);
  });

  it.each([
    [{ memoryKiB: 65536, iterations: 3, parallelism: 1 }, 'ok'],
    [{ memoryKiB: 131072, iterations: 12, parallelism: 1 }, 'ok'],
    [{ memoryKiB: 65535, iterations: 3, parallelism: 1 }, 'weak'],
    [{ memoryKiB: 65536, iterations: 2, parallelism: 1 }, 'weak'],
    [{ memoryKiB: 64, iterations: 1, parallelism: 1 }, 'weak'],
    [{ memoryKiB: 65536, iterations: 0, parallelism: 1 }, 'out-of-range'],
    [{ memoryKiB: 65536, iterations: 3, parallelism: 0 }, 'out-of-range'],
    [{ memoryKiB: 65536, iterations: 3.5, parallelism: 1 }, 'out-of-range'],
    [{ memoryKiB: 8 * 1024 * 1024, iterations: 3, parallelism: 1 }, 'out-of-range'],
    [{ memoryKiB: 65536, iterations: 5000, parallelism: 1 }, 'out-of-range'],
    // The header from the review: 4 GiB and 1000 passes (4.3 GB RSS, no end in sight).
    [{ memoryKiB: 4 * 1024 * 1024, iterations: 1000, parallelism: 1 }, 'out-of-range'],
    [{ memoryKiB: 1024 * 1024 + 1, iterations: 3, parallelism: 1 }, 'out-of-range'],
    [{ memoryKiB: 1024 * 1024, iterations: 8, parallelism: 1 }, 'ok'],
    [{ memoryKiB: 1024 * 1024, iterations: 9, parallelism: 1 }, 'out-of-range'],
    [{ memoryKiB: 65536, iterations: 65, parallelism: 1 }, 'out-of-range'],
    [{ memoryKiB: 65536, iterations: 3, parallelism: 17 }, 'out-of-range'],
  ] as const)('%o under the production policy -> %s', (cost, verdict) => {
    expect(checkKdfCost(cost, PRODUCTION_KDF_POLICY)).toBe(verdict);
  });

  it('rejects salts shorter than 16 or longer than 64 bytes', () => {
    const cost = { memoryKiB: 65536, iterations: 3, parallelism: 1 };
    expect(checkKdfCost(cost, PRODUCTION_KDF_POLICY, 15)).toBe('out-of-range');
    expect(checkKdfCost(cost, PRODUCTION_KDF_POLICY, 16)).toBe('ok');
    expect(checkKdfCost(cost, PRODUCTION_KDF_POLICY, 65)).toBe('out-of-range');
  });

  it('accepts everything calibrateKdf can produce (128 MiB, 3 to 64 passes)', () => {
    for (const iterations of [3, 10, 64]) {
      expect(checkKdfCost({ memoryKiB: 128 * 1024, iterations, parallelism: 1 }, PRODUCTION_KDF_POLICY)).toBe('ok');
    }
  });

  it('an injected test policy accepts tiny parameters', () => {
    expect(checkKdfCost({ memoryKiB: 64, iterations: 1, parallelism: 1 }, { minMemoryKiB: 8, minIterations: 1 })).toBe('ok');
  });
});
