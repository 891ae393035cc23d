/**
 * Minimum Argon2id strength accepted when a vault is created or opened.
 *
 * Why check on open: the KDF parameters live in the plaintext header. Someone who can
 * write to the vault folder (or who hands the patient a prepared vault) could lower
 * them, so that a passphrase typed later is protected by a cheap hash that is fast to
 * brute-force. Refusing weak parameters closes that downgrade path.
 *
 * The policy is passed in explicitly (constructor / options) so unit tests can use tiny
 * parameters. Production code uses PRODUCTION_KDF_POLICY. Deliberately, nothing here
 * reads environment variables: no setting outside the code may weaken it.
 */
export interface KdfPolicy {
  readonly minMemoryKiB: number;
  readonly minIterations: number;
}

export const PRODUCTION_KDF_POLICY: KdfPolicy = Object.freeze({
  minMemoryKiB: 64 * 1024,
  minIterations: 3,
});

/**
 * Upper bounds, checked before any Argon2 run: the header is plaintext, so a hostile or damaged
 * one could otherwise ask for 4 GiB x 1000 passes and make every unlock run for hours at GBs of
 * memory (Bitwarden bounds its KDF settings for the same reason). ScanVault itself writes
 * 128 MiB x at most 64 passes (calibrateKdf), so these leave headroom for slower and faster
 * machines: memory up to 1 GiB, passes up to 64, and memory x passes no more than the largest
 * calibration (8 GiB of memory passes: about 3 s on a fast machine, under a minute on a slow one).
 */
export const KDF_LIMITS = Object.freeze({
  maxMemoryKiB: 1024 * 1024,
  maxIterations: 64,
  maxParallelism: 16,
  maxWorkKiB: 128 * 1024 * 64,
  minSaltBytes: 16,
  maxSaltBytes: 64,
});

/** The cost parameters of Argon2id (salt excluded). */
export interface KdfCost {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

export type KdfCheck = 'ok' | 'weak' | 'out-of-range';

/**
 * 'weak' = below the policy (a downgrade); 'out-of-range' = not a sane Argon2id
 * parameter set at all (treat the header as invalid).
 */
export function checkKdfCost(cost: KdfCost, policy: KdfPolicy, saltLength?: number): KdfCheck {
  const integers = [cost.memoryKiB, cost.iterations, cost.parallelism];
  if (!integers.every((n) => Number.isSafeInteger(n) && n >= 1)) {
    return 'out-of-range';
  }
  if (
    cost.memoryKiB > KDF_LIMITS.maxMemoryKiB ||
    cost.iterations > KDF_LIMITS.maxIterations ||
    cost.parallelism > KDF_LIMITS.maxParallelism ||
    cost.memoryKiB * cost.iterations > KDF_LIMITS.maxWorkKiB ||
    cost.memoryKiB < 8 * cost.parallelism
  ) {
    return 'out-of-range';
  }
  if (
    saltLength !== undefined &&
    (saltLength < KDF_LIMITS.minSaltBytes || saltLength > KDF_LIMITS.maxSaltBytes)
  ) {
    return 'out-of-range';
  }
  if (cost.memoryKiB < policy.minMemoryKiB || cost.iterations < policy.minIterations) {
    return 'weak';
  }
  return 'ok';
}
