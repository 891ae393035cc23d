/**
 * Fixed test vectors for the on-disk format (docs/vault-format.md). The expected bytes
 * were computed with an independent implementation (Python `cryptography`, from the
 * spec text), so a change to any byte of the format fails here instead of silently
 * producing vaults that older/newer readers cannot open.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobDecryptor, BlobEncryptor } from './blob-cipher';
import { dangerousWrapKeyWithNonce, unwrapMasterKey } from './key-wrap';
import { derivePassphraseKek } from './passphrase-kdf';
import type { KdfParams } from './passphrase-kdf';
import { formatRecoveryKey } from './recovery-key';
import type { BlobKey, BlobWrappingKey, MasterKey, PassphraseKek, RecoveryKeyBytes } from './secret-keys';
import { deriveBackupManifestKey, deriveBlobWrappingKey, deriveDatabaseKey, deriveRecoveryKek } from './subkeys';

const range = (from: number, to: number): Buffer => Buffer.from(Array.from({ length: to - from }, (_, i) => from + i));
const hex = (text: string): Buffer => Buffer.from(text, 'hex');

const VAULT_ID = '00112233445566778899aabbccddeeff';
const MASTER = range(0x00, 0x20) as MasterKey;
const RECOVERY_BYTES = range(0xa0, 0xb4) as RecoveryKeyBytes;
const WRAP_NONCE = range(0x10, 0x1c);
const BLOB = {
  blobId: range(0xf0, 0x100),
  blobKey: range(0x40, 0x60),
  noncePrefix: range(0x01, 0x08),
  wrapNonce: range(0x20, 0x2c),
};

const EXPECTED = {
  argon2Kek: 'fcaef3df5726574bc8cc66dd50287344ce6d76d926c7954e0c4cb86233423acf',
  databaseKey: '11df640a177b48726c46ea35631a8af1698285e9be80293a876cee84266ae677',
  blobWrappingKey: '5de8e809f38d23b67b6876b2900af407b0c720d20741431758579792a7ccc58b',
  backupManifestKey: '30ed325ef012ef1f7850fb844a04af57466a0d1b3053083d99b2fed1e174c28e',
  recoveryKek: '2f09958555080ee06a2d15a7eb4421f0528234e8f6cc4a6085848d7444b8d51b',
  recoveryFormatted: 'M2GT-58X4-MPKA-FA59-NANT-SBDE-NYRB-3CNK-91DS',
  wrapPassphrase:
    '01101112131415161718191a1ba8c8c89dd908fd3717cfb8460f0f39e4e05fafed4d84b44be2b2b155840147510354b899b550389ba79be16003c9c31a',
  wrapRecovery:
    '01101112131415161718191a1b42122ad5841c57b2739c7a84189736c875263851023bbc2e632f5058a1af65ba6aad43cbfae0f24084e59954696cba4e',
  smallBlob:
    '0100010000f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff0102030405060701202122232425262728292a2bfea267c0a1e19c9662353b6facfd915a04a62e791025218679b24f6493b0c377431c14d1ad84d25c190a59b43425630da89b0fa5fc6c29a916a893eba302bfb7826240f909617734c9dd6fd4ede23fa3a1b9d08fc6',
  tinyChunkBlob:
    '0100000010f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff0102030405060701202122232425262728292a2bfea267c0a1e19c9662353b6facfd915a04a62e791025218679b24f6493b0c377431c14d1ad84d25c190a59b43425630d2a48cc0097a6519452ceba7689fa1b7ee985ae9869e9ae60beb1cd5811c0f35df4adf826c139409c33d23247abe3eaa3c09c5c',
};

function deterministicEncryptor(chunkSize?: number): BlobEncryptor {
  const wrappingKey = deriveBlobWrappingKey(MASTER, VAULT_ID);
  return BlobEncryptor.dangerousCreateDeterministic(
    wrappingKey,
    { vaultId: VAULT_ID, blobId: BLOB.blobId },
    { blobKey: Buffer.from(BLOB.blobKey) as BlobKey, noncePrefix: BLOB.noncePrefix, wrapNonce: BLOB.wrapNonce },
    chunkSize,
  );
}

/** Encrypts with the format's chunking rule: full chunks, then a final chunk of 0..size-1 bytes. */
function encryptWhole(encryptor: BlobEncryptor, plaintext: Buffer): Buffer {
  const parts = [encryptor.header];
  let offset = 0;
  for (; plaintext.length - offset >= encryptor.chunkSize; offset += encryptor.chunkSize) {
    const { ciphertext, tag } = encryptor.encryptChunk(plaintext.subarray(offset, offset + encryptor.chunkSize), false);
    parts.push(ciphertext, tag);
  }
  const { ciphertext, tag } = encryptor.encryptChunk(plaintext.subarray(offset), true);
  parts.push(ciphertext, tag);
  return Buffer.concat(parts);
}

describe('format test vectors', () => {
  it('Argon2id passphrase KEK (NFC-normalised UTF-8, m=256 KiB, t=2, p=1)', async () => {
    const params: KdfParams = {
      algorithm: 'argon2id',
      version: 19,
      memoryKiB: 256,
      iterations: 2,
      parallelism: 1,
      salt: range(0, 16),
    };
    // "Cafe" + combining acute accent: must hash like the precomposed "Café".
    const decomposed = await derivePassphraseKek('Cafe\u0301 horse', params);
    const precomposed = await derivePassphraseKek('Caf\u00e9 horse', params);
    expect(decomposed.toString('hex')).toBe(EXPECTED.argon2Kek);
    expect(precomposed.toString('hex')).toBe(EXPECTED.argon2Kek);
  });

  it('HKDF sub-keys and recovery KEK', () => {
    expect(deriveDatabaseKey(MASTER, VAULT_ID).toString('hex')).toBe(EXPECTED.databaseKey);
    expect(deriveBlobWrappingKey(MASTER, VAULT_ID).toString('hex')).toBe(EXPECTED.blobWrappingKey);
    expect(deriveBackupManifestKey(MASTER, VAULT_ID).toString('hex')).toBe(EXPECTED.backupManifestKey);
    expect(deriveRecoveryKek(RECOVERY_BYTES, VAULT_ID).toString('hex')).toBe(EXPECTED.recoveryKek);
  });

  it('recovery key written form', () => {
    expect(formatRecoveryKey(RECOVERY_BYTES)).toBe(EXPECTED.recoveryFormatted);
  });

  it('master key wraps for both slots', () => {
    const passphraseKek = hex(EXPECTED.argon2Kek) as PassphraseKek;
    const recoveryKek = deriveRecoveryKek(RECOVERY_BYTES, VAULT_ID);
    const binding = { vaultId: VAULT_ID, formatVersion: 1 };
    const wrapped = dangerousWrapKeyWithNonce(MASTER, passphraseKek, { ...binding, purpose: 'master-key:passphrase' }, WRAP_NONCE);
    const wrappedRecovery = dangerousWrapKeyWithNonce(MASTER, recoveryKek, { ...binding, purpose: 'master-key:recovery' }, WRAP_NONCE);
    expect(wrapped.toString('hex')).toBe(EXPECTED.wrapPassphrase);
    expect(wrappedRecovery.toString('hex')).toBe(EXPECTED.wrapRecovery);
    expect(unwrapMasterKey(hex(EXPECTED.wrapRecovery), recoveryKek, 'recovery', binding).equals(MASTER)).toBe(true);
  });

  it('small blob, exact bytes', () => {
    const blob = encryptWhole(deterministicEncryptor(), Buffer.from('DOE^JANE test vector\n'));
    expect(blob.toString('hex')).toBe(EXPECTED.smallBlob);
  });

  it('blob with 16-byte chunks (two chunks, second final), exact bytes', () => {
    const blob = encryptWhole(deterministicEncryptor(16), Buffer.from('0123456789abcdefXYZ'));
    expect(blob.toString('hex')).toBe(EXPECTED.tinyChunkBlob);
  });

  it.each([
    [131072 + 1000, 132209, '7803e8c50b065e3a57b1f0e40718645d3da749c87a1d1f15d185736e50770c74'],
    [131072, 131209, '4f812d673d0830281efdb2865bbb77a0be9dc837f39b2bcdcfaa16ba32a5b42d'],
  ])('%i-byte blob: length and SHA-256 of the file', (plainLength, fileLength, sha256) => {
    const plaintext = Buffer.from(Array.from({ length: plainLength }, (_, i) => i % 251));
    const blob = encryptWhole(deterministicEncryptor(), plaintext);
    expect(blob.length).toBe(fileLength);
    expect(createHash('sha256').update(blob).digest('hex')).toBe(sha256);
  });

  it('decrypts the small-blob vector back', () => {
    const blob = hex(EXPECTED.smallBlob);
    const wrappingKey = hex(EXPECTED.blobWrappingKey) as BlobWrappingKey;
    const decryptor = BlobDecryptor.open(wrappingKey, blob.subarray(0, 89), { vaultId: VAULT_ID, blobId: BLOB.blobId });
    const plain = decryptor.decryptChunk(blob.subarray(89, blob.length - 16), blob.subarray(blob.length - 16), true);
    expect(plain.toString()).toBe('DOE^JANE test vector\n');
  });
});
