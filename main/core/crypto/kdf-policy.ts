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

/** Hard limits that keep a hostile header from making us allocate absurd memory. */
export const KDF_LIMITS = Object.freeze({
  maxMemoryKiB: 4 * 1024 * 1024,
  maxIterations: 1000,
  maxParallelism: 16,
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
