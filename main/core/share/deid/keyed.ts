/**
 * Everything a share makes up comes from one per-share secret through HMAC-SHA256: new UIDs, the
 * pseudonym and the date shift. The vault keeps the secret, so it can relate an export to its
 * originals; a recipient without it cannot link two shares, or a share to the hospital's copy
 * (an unkeyed hash of the old UID would let them).
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** 32 random bytes, stored encrypted in the vault. Never log this. */
export type ShareSecret = Uint8Array & { readonly __brand: 'ShareSecret' };

export function asShareSecret(bytes: Uint8Array): ShareSecret {
  if (bytes.length < 32) throw new Error('A share secret needs at least 32 bytes');
  return bytes as ShareSecret;
}

function mac(secret: KeyObject, purpose: string, input: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\0${input}`, 'utf8').digest();
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MIN_SHIFT_DAYS = 365;
const SHIFT_SPAN_DAYS = 3286;

export interface ShareKeys {
  /** The same original UID always gives the same new one inside a share. */
  uid(original: string): string;
  /** e.g. "SECOND-OPINION-7F3KQ2": what the doctor sees as the patient's name and ID. */
  readonly pseudonym: string;
  /** Days every date moves by (negative: into the past), between 1 and 10 years. */
  readonly dateShiftDays: number;
}

export function shareKeys(shareSecret: ShareSecret, pseudonymPrefix = 'SECOND-OPINION'): ShareKeys {
  // Set up once: with the raw bytes, node:crypto validated and copied the key again for every UID.
  const secret = createSecretKey(shareSecret);
  const cache = new Map<string, string>();
  const pseudonymBytes = mac(secret, 'pseudonym', '');
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += CROCKFORD[(pseudonymBytes[i] ?? 0) % 32];
  const shift = mac(secret, 'date-shift', '').readUInt32BE(0) % SHIFT_SPAN_DAYS;
  return {
    uid(original: string): string {
      const found = cache.get(original);
      if (found !== undefined) return found;
      // 2.25 form: a 128-bit integer (PS3.5 B.2); at most 44 characters.
      const value = BigInt('0x' + mac(secret, 'uid', original).subarray(0, 16).toString('hex'));
      const uid = `2.25.${value.toString()}`;
      cache.set(original, uid);
      return uid;
    },
    pseudonym: `${pseudonymPrefix}-${suffix}`,
    dateShiftDays: -(MIN_SHIFT_DAYS + shift),
  };
}
