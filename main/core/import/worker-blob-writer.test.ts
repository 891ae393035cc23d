import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlobEncryptor } from '../crypto/blob-cipher';
import type { BlobKey, BlobWrappingKey } from '../crypto/secret-keys';
import type * as AtomicFile from '../vault/atomic-file';
import { BlobStore } from '../vault/blob-store';
import { writeEncryptedBlobSync } from '../vault/blob-writer';
import { VaultError } from '../vault/errors';
import { WorkerBlobWriter } from './worker-blob-writer';

const fsyncedDirs = vi.hoisted(() => [] as string[]);
vi.mock('../vault/atomic-file', async (importOriginal) => {
  const actual = await importOriginal<typeof AtomicFile>();
  return { ...actual, fsyncDirectory: async (dir: string) => { fsyncedDirs.push(dir); await actual.fsyncDirectory(dir); } };
});

const range = (from: number, to: number): Buffer => Buffer.from(Array.from({ length: to - from }, (_, i) => from + i));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const VAULT_ID = 'ab'.repeat(16);

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeEncryptedBlobSync', () => {
  // The vectors of docs/vault-format.md, Appendix C (also asserted by crypto/test-vectors.test.ts).
  const vectorEncryptor = (chunkSize?: number): BlobEncryptor => BlobEncryptor.dangerousCreateDeterministic(
    Buffer.from('5de8e809f38d23b67b6876b2900af407b0c720d20741431758579792a7ccc58b', 'hex') as BlobWrappingKey,
    { vaultId: '00112233445566778899aabbccddeeff', blobId: range(0xf0, 0x100) },
    { blobKey: range(0x40, 0x60) as BlobKey, noncePrefix: range(0x01, 0x08), wrapNonce: range(0x20, 0x2c) },
    chunkSize,
  );
  const writeToFile = (plain: Buffer, encryptor: BlobEncryptor): { file: Buffer; result: { size: number; sha256: Buffer } } => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sv-wbw-'));
    const fd = openSync(path.join(dir, 'blob'), 'wx');
    const result = writeEncryptedBlobSync(fd, plain, encryptor);
    closeSync(fd);
    return { file: readFileSync(path.join(dir, 'blob')), result };
  };

  it.each([
    [131072 + 1000, 132209, '7803e8c50b065e3a57b1f0e40718645d3da749c87a1d1f15d185736e50770c74'],
    [131072, 131209, '4f812d673d0830281efdb2865bbb77a0be9dc837f39b2bcdcfaa16ba32a5b42d'],
  ])('writes the %i-byte test-vector blob byte for byte', (plainLength, fileLength, fileSha) => {
    const plain = Buffer.from(Array.from({ length: plainLength }, (_, i) => i % 251));
    const { file, result } = writeToFile(plain, vectorEncryptor());
    expect([file.length, sha256(file), result.size, result.sha256.toString('hex')]).toEqual([fileLength, fileSha, plainLength, sha256(plain)]);
  });

  it('writes the 16-byte-chunk test vector byte for byte', () => {
    const { file } = writeToFile(Buffer.from('0123456789abcdefXYZ'), vectorEncryptor(16));
    expect(file.toString('hex')).toBe('0100000010f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff0102030405060701202122232425262728292a2bfea267c0a1e19c9662353b6facfd915a04a62e791025218679b24f6493b0c377431c14d1ad84d25c190a59b43425630d2a48cc0097a6519452ceba7689fa1b7ee985ae9869e9ae60beb1cd5811c0f35df4adf826c139409c33d23247abe3eaa3c09c5c');
  });
});

describe('WorkerBlobWriter', () => {
  const key = randomBytes(32) as BlobWrappingKey;
  const setUp = (locked = false): { writer: WorkerBlobWriter; store: BlobStore } => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sv-wbw-'));
    const wrappingKey = (): BlobWrappingKey => {
      if (locked) throw new VaultError('VAULT_LOCKED');
      return key;
    };
    return { writer: new WorkerBlobWriter(dir, VAULT_ID, wrappingKey), store: new BlobStore({ vaultDir: dir, vaultId: VAULT_ID, wrappingKey }) };
  };

  it.each([0, 100, 65536, 200_000])('writes a %i-byte blob the vault reads back; the adopting store fsyncs its directory and that one\'s entry', async (size) => {
    const { writer, store } = setUp();
    const plain = randomBytes(size);
    const written = await writer.write(plain, createHash('sha256').update(plain).digest());
    const file = path.join(dir, 'blobs', written.blobId.slice(0, 2), written.blobId);
    expect([written.size, written.sha256.toString('hex'), statSync(file).size]).toEqual([size, sha256(plain), 89 + size + 16 * (Math.floor(size / 65536) + 1)]);
    expect((await store.readAll(written.blobId)).equals(plain)).toBe(true);
    fsyncedDirs.length = 0;
    store.adoptFileSynced(written.blobId);
    await store.flush();
    const synced = [path.dirname(file), path.join(dir, 'blobs')];
    expect(fsyncedDirs).toEqual(synced);
    await store.flush();
    expect(fsyncedDirs).toEqual(synced); // adopted once, synced once
  });

  it('writes nothing once its key is gone', async () => {
    const { writer } = setUp(true);
    await expect(writer.write(Buffer.from('x'), Buffer.alloc(32))).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(existsSync(path.join(dir, 'blobs')) ? readdirSync(path.join(dir, 'blobs')).flatMap((d) => readdirSync(path.join(dir, 'blobs', d))) : []).toEqual([]);
  });

  it('makes a directory it creates durable in its parent before writing into it', async () => {
    const { store } = setUp();
    fsyncedDirs.length = 0;
    const written = await Promise.all(['a', 'b', 'c'].map((text) => store.write(Buffer.from(text), { sync: 'on-flush' })));
    // blobs/ was created once (its entry: the vault folder), each new shard once (its entry: blobs/).
    const shards = new Set(written.map((w) => w.blobId.slice(0, 2)));
    const count = (d: string): number => fsyncedDirs.filter((synced) => synced === d).length;
    expect([count(dir), count(path.join(dir, 'blobs'))]).toEqual([1, shards.size]);
  });

  it('refuses to adopt something that is not a blob id', () => {
    const { store } = setUp();
    expect(() => store.adoptFileSynced('../../etc/passwd')).toThrow(RangeError);
  });
});
