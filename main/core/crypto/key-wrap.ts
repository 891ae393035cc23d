import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from './crypto-error';
import { KEY_LENGTH, dangerousAsKey, keyObjectOf } from './secret-keys';
import type { BlobKey, BlobWrappingKey, MasterKey, PassphraseKek, RecoveryKek } from './secret-keys';

/**
 * Wrapped-key format v1 (61 bytes):
 *   [0]      0x01 wrap format version
 *   [1..12]  12-byte random AES-GCM nonce
 *   [13..44] AES-256-GCM ciphertext of the 32-byte key
 *   [45..60] 16-byte GCM tag
 * AAD = UTF-8 of "ScanVault key wrap\n<purpose>\n<vaultId>\n<formatVersion>".
 */
export const WRAP_FORMAT_VERSION = 1;
export const WRAP_NONCE_LENGTH = 12;
export const WRAP_TAG_LENGTH = 16;
export const WRAPPED_KEY_LENGTH = 1 + WRAP_NONCE_LENGTH + KEY_LENGTH + WRAP_TAG_LENGTH;

/** What a wrapped key belongs to; every field ends up in the AAD. */
export interface WrapContext {
  /** e.g. 'master-key:passphrase', 'master-key:recovery', 'blob-key:<blob id hex>'. */
  readonly purpose: string;
  /** 32 lowercase hex chars. */
  readonly vaultId: string;
  /** Vault format version for master keys, blob format version for blob keys. */
  readonly formatVersion: number;
}

export type MasterKeySlot = 'passphrase' | 'recovery';
type KekForSlot<S extends MasterKeySlot> = S extends 'passphrase' ? PassphraseKek : RecoveryKek;

export function wrapAad(context: WrapContext): Buffer {
  const fields = [context.purpose, context.vaultId, String(context.formatVersion)];
  if (fields.some((field) => field.includes('\n'))) {
    throw new RangeError('wrap context fields must not contain newlines');
  }
  return Buffer.from(['ScanVault key wrap', ...fields].join('\n'), 'utf8');
}

/**
 * Wraps the master key for one unlock slot. AES-256-GCM is an AEAD, so a wrong KEK and a
 * modified wrapped key are both detected by the tag. The AAD binds purpose, vault id and
 * format version: a wrapped key copied into another vault, moved to the other slot, or
 * replayed into a different format version no longer unwraps. A fresh random 12-byte
 * nonce per wrap is safe: a KEK wraps only a handful of keys in its lifetime.
 */
export function wrapMasterKey<S extends MasterKeySlot>(
  masterKey: MasterKey,
  kek: KekForSlot<S>,
  slot: S,
  vault: { vaultId: string; formatVersion: number },
): Buffer {
  return sealKey(masterKey, kek, { ...vault, purpose: `master-key:${slot}` }, randomBytes(WRAP_NONCE_LENGTH));
}

/** Inverse of wrapMasterKey; throws CryptoError AUTH_FAILED on a wrong KEK or tampering. */
export function unwrapMasterKey<S extends MasterKeySlot>(
  wrapped: Buffer,
  kek: KekForSlot<S>,
  slot: S,
  vault: { vaultId: string; formatVersion: number },
): MasterKey {
  return dangerousAsKey<MasterKey>(openKey(wrapped, kek, { ...vault, purpose: `master-key:${slot}` }));
}

/** Wraps a blob's own key; the blob id is part of the purpose so headers cannot be swapped. */
export function wrapBlobKey(blobKey: BlobKey, wrappingKey: BlobWrappingKey, context: WrapContext): Buffer {
  return sealKey(blobKey, wrappingKey, context, randomBytes(WRAP_NONCE_LENGTH));
}

export function unwrapBlobKey(wrapped: Buffer, wrappingKey: BlobWrappingKey, context: WrapContext): BlobKey {
  return dangerousAsKey<BlobKey>(openKey(wrapped, wrappingKey, context));
}

/**
 * Wrap with a caller-chosen nonce. Reusing a nonce under one KEK breaks GCM completely,
 * so this exists only for fixed test vectors and the deterministic blob encryptor used by them.
 */
export function dangerousWrapKeyWithNonce(key: Buffer, kek: Buffer, context: WrapContext, nonce: Buffer): Buffer {
  return sealKey(key, kek, context, nonce);
}

function sealKey(key: Buffer, kek: Buffer, context: WrapContext, nonce: Buffer): Buffer {
  if (key.length !== KEY_LENGTH || kek.length !== KEY_LENGTH || nonce.length !== WRAP_NONCE_LENGTH) {
    throw new RangeError('wrap needs a 32-byte key, a 32-byte KEK and a 12-byte nonce');
  }
  // The KEK wraps or unwraps every blob's key: its key object is set up once (keyObjectOf).
  const cipher = createCipheriv('aes-256-gcm', keyObjectOf(kek), nonce, { authTagLength: WRAP_TAG_LENGTH });
  cipher.setAAD(wrapAad(context));
  const body = cipher.update(key);
  cipher.final();
  const out = Buffer.concat([Buffer.of(WRAP_FORMAT_VERSION), nonce, body, cipher.getAuthTag()]);
  body.fill(0);
  return out;
}

function openKey(wrapped: Buffer, kek: Buffer, context: WrapContext): Buffer {
  if (wrapped.length !== WRAPPED_KEY_LENGTH || wrapped[0] !== WRAP_FORMAT_VERSION) {
    throw new CryptoError('MALFORMED', 'The wrapped key has an unknown format.');
  }
  const nonce = wrapped.subarray(1, 1 + WRAP_NONCE_LENGTH);
  const body = wrapped.subarray(1 + WRAP_NONCE_LENGTH, 1 + WRAP_NONCE_LENGTH + KEY_LENGTH);
  const tag = wrapped.subarray(1 + WRAP_NONCE_LENGTH + KEY_LENGTH);
  const decipher = createDecipheriv('aes-256-gcm', keyObjectOf(kek), nonce, { authTagLength: WRAP_TAG_LENGTH });
  decipher.setAAD(wrapAad(context));
  decipher.setAuthTag(tag);
  const key = decipher.update(body);
  try {
    decipher.final();
  } catch {
    key.fill(0);
    throw new CryptoError('AUTH_FAILED', 'The key could not be unwrapped.');
  }
  return key;
}
