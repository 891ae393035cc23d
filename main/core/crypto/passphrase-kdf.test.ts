import { describe, expect, it } from 'vitest';
import { KDF_SALT_LENGTH, derivePassphraseKek, newKdfParams, passphraseBytes } from './passphrase-kdf';

const COST = { memoryKiB: 64, iterations: 1, parallelism: 1 };

describe('passphrase KDF', () => {
  it('new parameters carry a fresh 16-byte salt', () => {
    const a = newKdfParams(COST);
    expect(a).toMatchObject({ algorithm: 'argon2id', version: 19, ...COST });
    expect(a.salt.length).toBe(KDF_SALT_LENGTH);
    expect(a.salt.equals(newKdfParams(COST).salt)).toBe(false);
  });

  it('same passphrase + params -> same KEK; another salt or passphrase -> another KEK', async () => {
    const params = newKdfParams(COST);
    const kek = await derivePassphraseKek('horse', params);
    expect(kek.length).toBe(32);
    expect(kek.equals(await derivePassphraseKek('horse', params))).toBe(true);
    expect(kek.equals(await derivePassphraseKek('horse', newKdfParams(COST)))).toBe(false);
    expect(kek.equals(await derivePassphraseKek('Horse', params))).toBe(false);
  });

  it('normalises to NFC before UTF-8 encoding', () => {
    expect(passphraseBytes('e\u0301').toString('hex')).toBe('c3a9');
  });
});
