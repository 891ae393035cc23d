import { describe, expect, it } from 'vitest';
import { parseVaultHeader, serializeVaultHeader } from './vault-header';
import type { VaultHeader } from './vault-header';

const HEADER: VaultHeader = {
  magic: 'ScanVault vault',
  formatVersion: 1,
  vaultId: '0123456789abcdef0123456789abcdef',
  createdAt: '2026-01-02T03:04:05.006Z',
  kdf: { algorithm: 'argon2id', version: 19, memoryKiB: 131072, iterations: 12, parallelism: 1, salt: Buffer.alloc(16, 7) },
  wrappedMasterKey: { passphrase: Buffer.alloc(61, 1), recovery: Buffer.alloc(61, 2) },
};

describe('vault header', () => {
  it('serialises to the documented JSON and parses back', () => {
    const text = serializeVaultHeader(HEADER);
    expect(JSON.parse(text)).toEqual({
      magic: 'ScanVault vault',
      formatVersion: 1,
      vaultId: '0123456789abcdef0123456789abcdef',
      createdAt: '2026-01-02T03:04:05.006Z',
      kdf: { algorithm: 'argon2id', version: 19, memoryKiB: 131072, iterations: 12, parallelism: 1, salt: 'BwcHBwcHBwcHBwcHBwcHBw==' },
      wrappedMasterKey: { passphrase: Buffer.alloc(61, 1).toString('base64'), recovery: Buffer.alloc(61, 2).toString('base64') },
    });
    expect(parseVaultHeader(text)).toEqual(HEADER);
  });

  it.each([
    ['not json', '{'],
    ['wrong magic', JSON.stringify({ ...JSON.parse(serializeVaultHeader(HEADER)), magic: 'Other' })],
    ['short wrapped key', JSON.stringify({ ...JSON.parse(serializeVaultHeader(HEADER)), wrappedMasterKey: { passphrase: 'AAAA', recovery: 'AAAA' } })],
    ['other KDF', JSON.stringify({ ...JSON.parse(serializeVaultHeader(HEADER)), kdf: { algorithm: 'pbkdf2' } })],
    ['bad vault id', JSON.stringify({ ...JSON.parse(serializeVaultHeader(HEADER)), vaultId: '../x' })],
  ])('%s -> NOT_A_VAULT', (_name, text) => {
    expect(() => parseVaultHeader(text)).toThrow(expect.objectContaining({ code: 'NOT_A_VAULT' }));
  });

  it('a newer format version -> VAULT_FROM_FUTURE', () => {
    const text = JSON.stringify({ magic: 'ScanVault vault', formatVersion: 2, somethingNew: true });
    expect(() => parseVaultHeader(text)).toThrow(expect.objectContaining({ code: 'VAULT_FROM_FUTURE' }));
  });
});
