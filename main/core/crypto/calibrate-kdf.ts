import { hashRaw } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { KdfCost } from './kdf-policy';
import { ARGON2ID, ARGON2_V13 } from './passphrase-kdf';

export interface CalibrateKdfOptions {
  /** Memory per derivation; default 128 MiB. */
  readonly memoryKiB?: number;
  /** Wanted duration of one derivation on this machine; default 750 ms. */
  readonly targetMs?: number;
  readonly minIterations?: number;
  readonly maxIterations?: number;
  /** Measures one derivation in ms; injectable so the arithmetic can be tested exactly. */
  readonly measureMs?: (cost: KdfCost) => Promise<number>;
}

const DEFAULTS = { memoryKiB: 128 * 1024, targetMs: 750, minIterations: 3, maxIterations: 64 };

/**
 * Picks Argon2id iterations so that unlocking takes about `targetMs` here, at fixed
 * memory and parallelism 1. Memory is the main defence against GPUs/ASICs, so it is
 * fixed high; iterations scale the time. The result is stored in the vault header, so
 * a later faster/slower machine still derives the same key.
 *
 * Measures `minIterations` twice and keeps the faster run (the first run also pays for
 * allocating the memory), then scales linearly: Argon2 time is proportional to passes.
 */
export async function calibrateKdf(options: CalibrateKdfOptions = {}): Promise<KdfCost> {
  const memoryKiB = options.memoryKiB ?? DEFAULTS.memoryKiB;
  const targetMs = options.targetMs ?? DEFAULTS.targetMs;
  const minIterations = options.minIterations ?? DEFAULTS.minIterations;
  const maxIterations = options.maxIterations ?? DEFAULTS.maxIterations;
  const measure = options.measureMs ?? measureArgon2Ms;

  const probe: KdfCost = { memoryKiB, iterations: minIterations, parallelism: 1 };
  const first = await measure(probe);
  const second = await measure(probe);
  const perIterationMs = Math.max(Math.min(first, second) / minIterations, 0.001);
  const wanted = Math.round(targetMs / perIterationMs);
  const iterations = Math.min(Math.max(wanted, minIterations), maxIterations);
  return { memoryKiB, iterations, parallelism: 1 };
}

async function measureArgon2Ms(cost: KdfCost): Promise<number> {
  const started = performance.now();
  await hashRaw(randomBytes(16), {
    algorithm: ARGON2ID,
    version: ARGON2_V13,
    memoryCost: cost.memoryKiB,
    timeCost: cost.iterations,
    parallelism: cost.parallelism,
    outputLen: 32,
    salt: randomBytes(16),
  });
  return performance.now() - started;
}
