import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WRAPPED_KEY_LENGTH, unwrapBlobKey, unwrapMasterKey, wrapAad, wrapBlobKey, wrapMasterKey } from './key-wrap';
import type { BlobKey, BlobWrappingKey, MasterKey, PassphraseKek, RecoveryKek } from './secret-keys';

const key = <K>(): K => randomBytes(32) as K;
const VAULT = { vaultId: 'aa'.repeat(16), formatVersion: 1 };

describe('key wrapping', () => {
  it('round-trips and produces 61 bytes starting with version 1', () => {
    const master = key<MasterKey>();
    const kek = key<PassphraseKek>();
    const wrapped = wrapMasterKey(master, kek, 'passphrase', VAULT);
    expect(wrapped.length).toBe(WRAPPED_KEY_LENGTH);
    expect(wrapped[0]).toBe(1);
    expect(unwrapMasterKey(wrapped, kek, 'passphrase', VAULT).equals(master)).toBe(true);
  });

  it('uses a fresh nonce per wrap', () => {
    const master = key<MasterKey>();
    const kek = key<PassphraseKek>();
    const a = wrapMasterKey(master, kek, 'passphrase', VAULT);
    const b = wrapMasterKey(master, kek, 'passphrase', VAULT);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it('fails with AUTH_FAILED for a wrong KEK, another vault, another slot or format version', () => {
    const master = key<MasterKey>();
    const kek = key<PassphraseKek>();
    const wrapped = wrapMasterKey(master, kek, 'passphrase', VAULT);
    const attempts = [
      () => unwrapMasterKey(wrapped, key<PassphraseKek>(), 'passphrase', VAULT),
      () => unwrapMasterKey(wrapped, kek, 'passphrase', { ...VAULT, vaultId: 'bb'.repeat(16) }),
      () => unwrapMasterKey(wrapped, kek as unknown as RecoveryKek, 'recovery', VAULT),
      () => unwrapMasterKey(wrapped, kek, 'passphrase', { ...VAULT, formatVersion: 2 }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(expect.objectContaining({ code: 'AUTH_FAILED' }));
    }
  });

  it('detects a flipped bit anywhere in nonce, ciphertext or tag', () => {
    const master = key<MasterKey>();
    const kek = key<PassphraseKek>();
    const wrapped = wrapMasterKey(master, kek, 'passphrase', VAULT);
    for (let i = 1; i < wrapped.length; i += 1) {
      const tampered = Buffer.from(wrapped);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      expect(() => unwrapMasterKey(tampered, kek, 'passphrase', VAULT)).toThrow(expect.objectContaining({ code: 'AUTH_FAILED' }));
    }
  });

  it('reports MALFORMED for a wrong length or unknown version byte', () => {
    const kek = key<PassphraseKek>();
    const wrapped = wrapMasterKey(key<MasterKey>(), kek, 'passphrase', VAULT);
    const otherVersion = Buffer.from(wrapped);
    otherVersion[0] = 2;
    expect(() => unwrapMasterKey(wrapped.subarray(0, 60), kek, 'passphrase', VAULT)).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
    expect(() => unwrapMasterKey(otherVersion, kek, 'passphrase', VAULT)).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
  });

  it('binds blob keys to their blob id', () => {
    const blobKey = key<BlobKey>();
    const wrappingKey = key<BlobWrappingKey>();
    const context = { purpose: `blob-key:${'01'.repeat(16)}`, vaultId: VAULT.vaultId, formatVersion: 1 };
    const wrapped = wrapBlobKey(blobKey, wrappingKey, context);
    expect(unwrapBlobKey(wrapped, wrappingKey, context).equals(blobKey)).toBe(true);
    expect(() => unwrapBlobKey(wrapped, wrappingKey, { ...context, purpose: `blob-key:${'02'.repeat(16)}` })).toThrow(
      expect.objectContaining({ code: 'AUTH_FAILED' }),
    );
  });

  it('builds the AAD as newline-joined text and refuses newlines inside fields', () => {
    expect(wrapAad({ purpose: 'master-key:recovery', vaultId: 'ab'.repeat(16), formatVersion: 1 }).toString()).toBe(
      `ScanVault key wrap\nmaster-key:recovery\n${'ab'.repeat(16)}\n1`,
    );
    expect(() => wrapAad({ purpose: 'a\nb', vaultId: 'ab'.repeat(16), formatVersion: 1 })).toThrow(RangeError);
  });
});
