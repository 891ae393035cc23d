import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two byte strings in time that depends only on their length.
 *
 * Use it whenever a value derived from a secret (a MAC, a hash of a key, a key itself)
 * is compared: an early-exit comparison leaks, through timing, how many leading bytes
 * matched, which lets an attacker guess the value byte by byte. Lengths are not secret
 * here (all our digests have fixed lengths), so a length mismatch returns false at once.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  return timingSafeEqual(a, b);
}
