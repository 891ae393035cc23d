/**
 * The vault's Ed25519 key that signs export manifests. Made on first use and kept in the
 * encrypted database (PKCS#8); only its public half ever leaves, in the manifest. Its fingerprint
 * (SHA-256 of the raw 32-byte public key, grouped for reading aloud) is what the patient gives the
 * doctor by another channel. Never log the private key.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { insertSigningKeyIfMissing, readSigningKey } from '../db/shares';
import type { OpenVault } from '../vault/vault';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKey {
  privateKey: KeyObject;
  publicKeyRaw: Buffer;
}

export async function ensureSigningKey(vault: OpenVault): Promise<SigningKey> {
  let stored = readSigningKey(vault.db);
  if (stored === null) {
    const pair = generateKeyPairSync('ed25519');
    const privateDer = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
    const raw = rawPublicKey(pair.publicKey);
    await vault.writes.run((db) => insertSigningKeyIfMissing(db, privateDer, raw, new Date().toISOString()));
    stored = readSigningKey(vault.db);
    if (stored === null) throw new Error('the signing key was not stored');
  }
  return { privateKey: createPrivateKey({ key: stored.privateKey, format: 'der', type: 'pkcs8' }), publicKeyRaw: stored.publicKey };
}

export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

export function publicKeyPem(raw: Uint8Array): string {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }).toString();
}

/** e.g. "3F2A 9C01 …" (16 groups of 4 hex digits). */
export function fingerprintOf(raw: Uint8Array): string {
  const hex = createHash('sha256').update(raw).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** Compares fingerprints however they were written (spaces, colons, case). */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

export function signBytes(key: SigningKey, bytes: Uint8Array): Buffer {
  return sign(null, bytes, key.privateKey);
}

/** False for a malformed key or signature as well as a wrong one. */
export function verifySignature(publicPem: string, bytes: Uint8Array, signature: Uint8Array): { valid: boolean; raw: Buffer | null } {
  try {
    const key = createPublicKey(publicPem);
    if (key.asymmetricKeyType !== 'ed25519') return { valid: false, raw: null };
    return { valid: verify(null, bytes, key, signature), raw: rawPublicKey(key) };
  } catch {
    return { valid: false, raw: null };
  }
}
