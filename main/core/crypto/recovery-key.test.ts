import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import type { RecoveryKeyBytes } from './secret-keys';

const KNOWN_BYTES = Buffer.from(Array.from({ length: 20 }, (_, i) => 0xa0 + i)) as RecoveryKeyBytes;
const KNOWN_TEXT = 'M2GT-58X4-MPKA-FA59-NANT-SBDE-NYRB-3CNK-91DS';

describe('recovery key', () => {
  it('generates 160 random bits shown as 9 groups of 4 Crockford characters', () => {
    const { bytes, formatted } = generateRecoveryKey();
    expect(bytes.length).toBe(20);
    expect(formatted).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$/);
    expect(generateRecoveryKey().formatted).not.toBe(formatted);
  });

  it('round-trips', () => {
    const { bytes, formatted } = generateRecoveryKey();
    const parsed = parseRecoveryKey(formatted);
    expect(parsed.ok && parsed.bytes.equals(bytes)).toBe(true);
  });

  it('tolerates case, spaces, missing dashes and I/L/O look-alikes', () => {
    expect(formatRecoveryKey(KNOWN_BYTES)).toBe(KNOWN_TEXT);
    const variants = [
      KNOWN_TEXT.toLowerCase(),
      KNOWN_TEXT.replace(/-/g, ' '),
      KNOWN_TEXT.replace(/-/g, ''),
      ` ${KNOWN_TEXT.replace(/-/g, ' - ')}\n`,
      KNOWN_TEXT.replace('91DS', '9IDS'), // I read as 1
      KNOWN_TEXT.replace('91DS', '9lDS'), // l read as 1
    ];
    for (const variant of variants) {
      const parsed = parseRecoveryKey(variant);
      expect(parsed.ok && parsed.bytes.equals(KNOWN_BYTES)).toBe(true);
    }
    const withZero = formatRecoveryKey(Buffer.alloc(20) as RecoveryKeyBytes);
    const parsedO = parseRecoveryKey(withZero.replace(/0/g, 'O'));
    expect(parsedO.ok && parsedO.bytes.equals(Buffer.alloc(20))).toBe(true);
  });

  it('tells a typo (checksum) apart from a malformed key', () => {
    expect(parseRecoveryKey(KNOWN_TEXT.replace('MPKA', 'MPKB'))).toEqual({ ok: false, reason: 'checksum' });
    expect(parseRecoveryKey(KNOWN_TEXT.slice(0, -1))).toEqual({ ok: false, reason: 'malformed' });
    expect(parseRecoveryKey(KNOWN_TEXT.replace('M2GT', 'M2GU'))).toEqual({ ok: false, reason: 'malformed' });
    expect(parseRecoveryKey('')).toEqual({ ok: false, reason: 'malformed' });
  });
});
