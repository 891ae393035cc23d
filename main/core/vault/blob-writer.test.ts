import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobEncryptor } from '../crypto/blob-cipher';
import type { BlobKey, BlobWrappingKey } from '../crypto/secret-keys';
import { writeEncryptedBlob } from './blob-writer';
import { chunked, makeTempDir } from '../../test-support/vault/vault-helpers';

const range = (from: number, to: number): Buffer => Buffer.from(Array.from({ length: to - from }, (_, i) => from + i));
let cleanup = (): void => undefined;
afterEach(() => cleanup());

describe('writeEncryptedBlob', () => {
  it.each([
    ['one buffer', [200_000]],
    ['tiny pieces', [1, 3, 5000]],
    ['chunk-aligned pieces', [65536]],
    ['pieces straddling chunks', [65535, 2, 70_000]],
  ])('writes the fixed test-vector file from %s', async (_name, sizes) => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    // Same inputs as crypto/test-vectors.test.ts (expected values computed independently).
    const encryptor = BlobEncryptor.dangerousCreateDeterministic(
      Buffer.from('5de8e809f38d23b67b6876b2900af407b0c720d20741431758579792a7ccc58b', 'hex') as BlobWrappingKey,
      { vaultId: '00112233445566778899aabbccddeeff', blobId: range(0xf0, 0x100) },
      { blobKey: range(0x40, 0x60) as BlobKey, noncePrefix: range(0x01, 0x08), wrapNonce: range(0x20, 0x2c) },
    );
    const plain = Buffer.from(Array.from({ length: 131072 + 1000 }, (_, i) => i % 251));
    const file = path.join(temp.dir, 'blob');
    const handle = await open(file, 'w');
    const result = await writeEncryptedBlob(handle, chunked(plain, sizes), encryptor);
    await handle.close();
    expect(result.size).toBe(132072);
    expect(result.sha256.toString('hex')).toBe(createHash('sha256').update(plain).digest('hex'));
    const bytes = await readFile(file);
    expect(bytes.length).toBe(132209);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('7803e8c50b065e3a57b1f0e40718645d3da749c87a1d1f15d185736e50770c74');
  });
});
