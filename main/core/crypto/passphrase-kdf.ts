import { hashRaw } from '@node-rs/argon2';
import type { Algorithm, Version } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { KdfCost } from './kdf-policy';
import { KEY_LENGTH, dangerousAsKey, zeroizeKey } from './secret-keys';
import type { PassphraseKek } from './secret-keys';

/** Argon2id version 0x13 (decimal 19), the current and only standard version. */
export const ARGON2_VERSION = 19;
export const KDF_SALT_LENGTH = 16;
/** @node-rs/argon2's const enums cannot be read under verbatimModuleSyntax; values from its index.d.ts. */
export const ARGON2ID = 2 as Algorithm;
export const ARGON2_V13 = 1 as Version;

export interface KdfParams extends KdfCost {
  readonly algorithm: 'argon2id';
  readonly version: typeof ARGON2_VERSION;
  /** Random, stored in the header; not secret. */
  readonly salt: Buffer;
}

export function newKdfParams(cost: KdfCost): KdfParams {
  return {
    algorithm: 'argon2id',
    version: ARGON2_VERSION,
    memoryKiB: cost.memoryKiB,
    iterations: cost.iterations,
    parallelism: cost.parallelism,
    salt: randomBytes(KDF_SALT_LENGTH),
  };
}

/**
 * The passphrase as Argon2id input: Unicode NFC, then UTF-8.
 *
 * NFC matters because the same visible passphrase (e.g. "é") can arrive as one or two
 * code points depending on the keyboard/OS; without normalisation a patient could be
 * locked out after moving to another computer.
 */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/**
 * Passphrase -> key-encryption key with Argon2id (memory-hard), 32-byte raw output, no
 * secret/associated data. A slow, memory-hard KDF is needed because passphrases are
 * low-entropy: every guess must cost the attacker the same memory and time it costs us.
 * The KEK only wraps the master key, so changing the passphrase never re-encrypts data.
 *
 * Runs on the libuv thread pool (hashRaw is async), so the UI/event loop stays responsive.
 */
export async function derivePassphraseKek(passphrase: string, params: KdfParams): Promise<PassphraseKek> {
  const password = passphraseBytes(passphrase);
  try {
    const raw = await hashRaw(password, {
      algorithm: ARGON2ID,
      version: ARGON2_V13,
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      outputLen: KEY_LENGTH,
      salt: params.salt,
    });
    return dangerousAsKey<PassphraseKek>(raw);
  } finally {
    zeroizeKey(password);
  }
}
