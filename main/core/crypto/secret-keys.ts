/**
 * Branded key types. Every key in ScanVault is a 32-byte Buffer, so without brands a
 * database key could be passed where a key-encryption key belongs and nothing would
 * complain. The brand exists only at compile time; at run time these are plain Buffers.
 *
 * All of these hold key material: never log this, never serialise it, never send it to
 * the renderer. Zero it (`zeroizeKey`) as soon as it is no longer needed.
 */

import { createHash, createSecretKey, type KeyObject } from 'node:crypto';

export const KEY_LENGTH = 32;

/** Random root key of a vault. Never log this. */
export type MasterKey = Buffer & { readonly __brand: 'MasterKey' };
/** Argon2id output from the passphrase; wraps the master key. Never log this. */
export type PassphraseKek = Buffer & { readonly __brand: 'PassphraseKek' };
/** HKDF output from the recovery key; wraps the master key. Never log this. */
export type RecoveryKek = Buffer & { readonly __brand: 'RecoveryKek' };
/** SQLCipher raw key, derived from the master key. Never log this. */
export type DatabaseKey = Buffer & { readonly __brand: 'DatabaseKey' };
/** Wraps each blob's own key, derived from the master key. Never log this. */
export type BlobWrappingKey = Buffer & { readonly __brand: 'BlobWrappingKey' };
/** Random per-blob content key. Never log this. */
export type BlobKey = Buffer & { readonly __brand: 'BlobKey' };
/** Authenticates backup manifests (HMAC-SHA256), derived from the master key. Never log this. */
export type BackupManifestKey = Buffer & { readonly __brand: 'BackupManifestKey' };
/** The 20 secret bytes behind the written-down recovery key. Never log this. */
export type RecoveryKeyBytes = Buffer & { readonly __brand: 'RecoveryKeyBytes' };

export type AnySecretKey =
  | MasterKey
  | PassphraseKek
  | RecoveryKek
  | DatabaseKey
  | BlobWrappingKey
  | BlobKey
  | BackupManifestKey
  | RecoveryKeyBytes;

/**
 * Asserts the length and applies a brand. Only the modules that create keys call this;
 * the `dangerous` prefix is a reminder that it turns arbitrary bytes into a "key".
 */
export function dangerousAsKey<K extends AnySecretKey>(bytes: Buffer, length = KEY_LENGTH): K {
  if (bytes.length !== length) {
    throw new RangeError(`key must be ${length} bytes`);
  }
  return bytes as K;
}

/**
 * Overwrites key bytes with zeros. JavaScript cannot guarantee no other copy exists
 * (the GC may have moved it, OpenSSL keeps its own copy while a cipher lives), but
 * zeroing our copy shortens the window in which a memory dump reveals it.
 */
export function zeroizeKey(key: AnySecretKey | Buffer): void {
  keyObjects.delete(key);
  key.fill(0);
}

/**
 * node:crypto validates and copies a raw key Buffer into a key object for every cipher or HMAC made
 * with it (tens of us; a share made one per 64 KiB chunk and one per blob key unwrap). A KeyObject
 * made once per key Buffer avoids that. It is forgotten by zeroizeKey (lock zeroes every key), and
 * it is used only while the Buffer still holds the bytes it was made from (a digest is compared),
 * so a key zeroed or changed any other way is never used in its old form. The KeyObject's native
 * copy is freed when collected, like the copy each cipher context holds.
 */
const keyObjects = new WeakMap<Buffer, { keyObject: KeyObject; digest: Buffer }>();

export function keyObjectOf(key: AnySecretKey | Buffer): KeyObject {
  const digest = createHash('sha256').update(key).digest();
  const known = keyObjects.get(key);
  if (known !== undefined && known.digest.equals(digest)) return known.keyObject;
  const made = { keyObject: createSecretKey(key), digest };
  keyObjects.set(key, made);
  return made.keyObject;
}
