import { createHash, randomBytes } from 'node:crypto';
import { constantTimeEqual } from './constant-time';
import { dangerousAsKey } from './secret-keys';
import type { RecoveryKeyBytes } from './secret-keys';

/**
 * Recovery key: 20 random bytes (160 bits), shown once and written down on paper.
 *
 * Written form: Crockford base32 (no I, L, O, U, so fewer misreadings) of the 20 bytes
 * (32 characters) followed by a 4-character checksum = the first 20 bits of
 * SHA-256(bytes); 36 characters in 9 groups of 4 joined by "-".
 * The checksum tells a typo apart from a wrong key, so the patient is told to re-check
 * their writing rather than that the key is wrong.
 */
export const RECOVERY_KEY_BYTES = 20;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_CHARS = 32;
const CHECK_CHARS = 4;
const GROUP = 4;

export function generateRecoveryKey(): { bytes: RecoveryKeyBytes; formatted: string } {
  const bytes = dangerousAsKey<RecoveryKeyBytes>(randomBytes(RECOVERY_KEY_BYTES), RECOVERY_KEY_BYTES);
  return { bytes, formatted: formatRecoveryKey(bytes) };
}

export function formatRecoveryKey(bytes: RecoveryKeyBytes): string {
  const chars = encodeBase32(bytes) + checksumChars(bytes);
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) {
    groups.push(chars.slice(i, i + GROUP));
  }
  return groups.join('-');
}

export type ParsedRecoveryKey =
  | { readonly ok: true; readonly bytes: RecoveryKeyBytes }
  | { readonly ok: false; readonly reason: 'malformed' | 'checksum' };

/** Accepts any case, spaces and dashes; reads I/L as 1 and O as 0. */
export function parseRecoveryKey(text: string): ParsedRecoveryKey {
  const normalized = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (normalized.length !== DATA_CHARS + CHECK_CHARS || ![...normalized].every((c) => ALPHABET.includes(c))) {
    return { ok: false, reason: 'malformed' };
  }
  const bytes = dangerousAsKey<RecoveryKeyBytes>(decodeBase32(normalized.slice(0, DATA_CHARS)), RECOVERY_KEY_BYTES);
  const expected = Buffer.from(checksumChars(bytes), 'ascii');
  if (!constantTimeEqual(expected, Buffer.from(normalized.slice(DATA_CHARS), 'ascii'))) {
    bytes.fill(0);
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, bytes };
}

function checksumChars(bytes: Buffer): string {
  const digest = createHash('sha256').update(bytes).digest();
  const twentyBits = ((digest[0] ?? 0) << 12) | ((digest[1] ?? 0) << 4) | ((digest[2] ?? 0) >> 4);
  let out = '';
  for (let shift = 15; shift >= 0; shift -= 5) {
    out += ALPHABET[(twentyBits >> shift) & 31];
  }
  return out;
}

/** Big-endian bit order, no padding; input length must be a multiple of 5 bytes. */
function encodeBase32(bytes: Buffer): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  return out;
}

function decodeBase32(text: string): Buffer {
  const out = Buffer.alloc((text.length * 5) / 8);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
