import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MasterKey } from './secret-keys';
import { HKDF_INFO, deriveBlobWrappingKey, deriveDatabaseKey, vaultIdBytes } from './subkeys';

describe('sub-keys', () => {
  it('are 32 bytes, distinct per purpose and per vault, deterministic', () => {
    const master = randomBytes(32) as MasterKey;
    const vaultA = '11'.repeat(16);
    const vaultB = '22'.repeat(16);
    const dbA = deriveDatabaseKey(master, vaultA);
    expect(dbA.length).toBe(32);
    expect(dbA.equals(deriveDatabaseKey(master, vaultA))).toBe(true);
    expect(dbA.equals(deriveBlobWrappingKey(master, vaultA))).toBe(false);
    expect(dbA.equals(deriveDatabaseKey(master, vaultB))).toBe(false);
  });

  it('uses distinct info strings and validates vault ids', () => {
    expect(new Set(Object.values(HKDF_INFO)).size).toBe(Object.keys(HKDF_INFO).length);
    expect(Object.keys(HKDF_INFO)).toHaveLength(4);
    expect(() => vaultIdBytes('XYZ')).toThrow(RangeError);
    expect(vaultIdBytes('00'.repeat(16)).length).toBe(16);
  });
});
