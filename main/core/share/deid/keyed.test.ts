import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asShareSecret, shareKeys } from './keyed';

/** The derivation as written before the key was set up once per share: HMAC-SHA256 keyed with the raw secret. */
const rawMac = (secret: Buffer, purpose: string, input: string) => createHmac('sha256', secret).update(`${purpose}\0${input}`, 'utf8').digest();

describe('shareKeys', () => {
  it('derives the same UIDs, pseudonym and date shift as HMAC keyed with the raw secret (follow-ups and lookups rely on it)', () => {
    const secret = randomBytes(32);
    const keys = shareKeys(asShareSecret(secret));
    for (const original of ['1.2.840.113619.2.55.3.1', '2.25.1', '1.3.6.1.4.1.9590.100.1.2.1234']) {
      expect(keys.uid(original)).toBe(`2.25.${BigInt('0x' + rawMac(secret, 'uid', original).subarray(0, 16).toString('hex')).toString()}`);
    }
    const p = rawMac(secret, 'pseudonym', '');
    expect(keys.pseudonym).toBe(`SECOND-OPINION-${Array.from(p.subarray(0, 6), (b) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[b % 32]).join('')}`);
    expect(keys.dateShiftDays).toBe(-(365 + (rawMac(secret, 'date-shift', '').readUInt32BE(0) % 3286)));
  });
});
