import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ARGON2_VERSION } from '../crypto/passphrase-kdf';
import type { KdfParams } from '../crypto/passphrase-kdf';
import { WRAPPED_KEY_LENGTH } from '../crypto/key-wrap';
import { writeFileAtomic, isCode } from './atomic-file';
import { VaultError } from './errors';
import { headerPath } from './layout';

/**
 * vault.json: the plaintext header. It holds no patient data, only what is needed to
 * unlock: KDF parameters and the two wrapped copies of the master key. Its fields are
 * authenticated indirectly: changing the KDF parameters or salt yields a wrong KEK, and
 * the wrapped keys' AAD binds vault id and format version (see docs/vault-format.md).
 */
export const VAULT_MAGIC = 'ScanVault vault';
export const VAULT_FORMAT_VERSION = 1;

export interface VaultHeader {
  readonly magic: typeof VAULT_MAGIC;
  readonly formatVersion: number;
  readonly vaultId: string;
  readonly createdAt: string;
  readonly kdf: KdfParams;
  readonly wrappedMasterKey: { readonly passphrase: Buffer; readonly recovery: Buffer };
}

const base64Bytes = (length?: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .transform((text) => Buffer.from(text, 'base64'))
    .refine((bytes) => length === undefined || bytes.length === length);

const headerSchema = z.object({
  magic: z.literal(VAULT_MAGIC),
  formatVersion: z.literal(VAULT_FORMAT_VERSION),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string().min(1),
  kdf: z.object({
    algorithm: z.literal('argon2id'),
    version: z.literal(ARGON2_VERSION),
    memoryKiB: z.number().int(),
    iterations: z.number().int(),
    parallelism: z.number().int(),
    salt: base64Bytes(),
  }),
  wrappedMasterKey: z.object({
    passphrase: base64Bytes(WRAPPED_KEY_LENGTH),
    recovery: base64Bytes(WRAPPED_KEY_LENGTH),
  }),
});

/** Throws NOT_A_VAULT (missing/invalid) or VAULT_FROM_FUTURE (newer format version). */
export function parseVaultHeader(text: string): VaultHeader {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VaultError('NOT_A_VAULT');
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if ((json as { magic?: unknown } | null)?.magic === VAULT_MAGIC && typeof version === 'number' && version > VAULT_FORMAT_VERSION) {
    throw new VaultError('VAULT_FROM_FUTURE');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    throw new VaultError('NOT_A_VAULT');
  }
  return parsed.data;
}

export function serializeVaultHeader(header: VaultHeader): string {
  const json = {
    magic: header.magic,
    formatVersion: header.formatVersion,
    vaultId: header.vaultId,
    createdAt: header.createdAt,
    kdf: {
      algorithm: header.kdf.algorithm,
      version: header.kdf.version,
      memoryKiB: header.kdf.memoryKiB,
      iterations: header.kdf.iterations,
      parallelism: header.kdf.parallelism,
      salt: header.kdf.salt.toString('base64'),
    },
    wrappedMasterKey: {
      passphrase: header.wrappedMasterKey.passphrase.toString('base64'),
      recovery: header.wrappedMasterKey.recovery.toString('base64'),
    },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function readVaultHeader(dir: string): VaultHeader {
  let text: string;
  try {
    text = readFileSync(headerPath(dir), 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR') || isCode(error, 'EISDIR')) {
      throw new VaultError('NOT_A_VAULT');
    }
    throw error;
  }
  return parseVaultHeader(text);
}

export async function writeVaultHeader(dir: string, header: VaultHeader): Promise<void> {
  await writeFileAtomic(headerPath(dir), serializeVaultHeader(header));
}
