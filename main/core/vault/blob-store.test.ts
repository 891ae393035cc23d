import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobWrappingKey } from '../crypto/secret-keys';
import { BlobStore } from './blob-store';
import { VaultError } from './errors';
import { chunked, makeTempDir, patternBytes } from '../../test-support/vault/vault-helpers';

const VAULT_ID = 'ab'.repeat(16);
const STORED_CHUNK = 65536 + 16;
let dir: string;
let cleanup: () => void;
let store: BlobStore;
let locked: boolean;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  const key = randomBytes(32) as BlobWrappingKey;
  locked = false;
  store = new BlobStore({
    vaultDir: dir,
    vaultId: VAULT_ID,
    wrappingKey: () => {
      if (locked) throw new VaultError('VAULT_LOCKED');
      return key;
    },
  });
});
afterEach(() => cleanup());

const fileOf = (blobId: string): string => path.join(dir, 'blobs', blobId.slice(0, 2), blobId);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const tmpEntries = (): string[] => readdirSync(path.join(dir, 'blobs', 'tmp'));

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'VaultError', code });
}

describe('BlobStore round trips', () => {
  it.each([0, 1, 65535, 65536, 65537, 3 * 65536, 1_000_003])('%i bytes from one buffer', async (size) => {
    const data = patternBytes(size, size + 1);
    const written = await store.write(data);
    expect(written.blobId).toMatch(/^[0-9a-f]{32}$/);
    expect(written.size).toBe(size);
    expect(written.sha256.toString('hex')).toBe(sha256(data));
    const chunks = Math.floor(size / 65536) + 1;
    expect(statSync(fileOf(written.blobId)).size).toBe(89 + size + 16 * chunks);
    expect((await store.readAll(written.blobId)).equals(data)).toBe(true);
    expect(tmpEntries()).toEqual([]);
  });

  it('accepts an async iterable of uneven pieces and streams chunks back', async () => {
    const data = patternBytes(300_000, 9);
    const written = await store.write(chunked(data, [1, 7, 70_000, 65_536, 3, 100_000]));
    expect(written.sha256.toString('hex')).toBe(sha256(data));
    const parts: Buffer[] = [];
    for await (const part of store.read(written.blobId)) parts.push(part);
    expect(parts.map((p) => p.length)).toEqual([65536, 65536, 65536, 65536, 37856]);
    expect(Buffer.concat(parts).equals(data)).toBe(true);
  });

  it('names blobs randomly, not by content', async () => {
    const data = Buffer.from('same bytes');
    const a = await store.write(data);
    const b = await store.write(data);
    expect(a.blobId).not.toBe(b.blobId);
    expect(readFileSync(fileOf(a.blobId)).equals(readFileSync(fileOf(b.blobId)))).toBe(false);
  });

  it('defers fsync to flush() with sync "on-flush", also when a blob is deleted before flushing', async () => {
    const kept = await store.write(Buffer.from('kept'), { sync: 'on-flush' });
    const dropped = await store.write(Buffer.from('dropped'), { sync: 'on-flush' });
    expect(await store.delete(dropped.blobId)).toBe(true);
    await store.flush();
    await store.flush();
    expect((await store.readAll(kept.blobId)).toString()).toBe('kept');
  });
});

describe('BlobStore tamper detection', () => {
  let blobId: string;
  let original: Buffer;
  const plain = patternBytes(2 * 65536 + 1000, 42); // 3 chunks, last one partial

  beforeEach(async () => {
    blobId = (await store.write(plain)).blobId;
    original = readFileSync(fileOf(blobId));
  });

  const rewrite = (bytes: Buffer): void => writeFileSync(fileOf(blobId), bytes);
  const flipped = (offset: number): Buffer => {
    const copy = Buffer.from(original);
    copy[offset] = (copy[offset] ?? 0) ^ 0x01;
    return copy;
  };

  it.each([
    ['version byte', 0],
    ['chunk size', 3],
    ['blob id', 10],
    ['nonce prefix', 24],
    ['wrapped key', 60],
    ['first chunk ciphertext', 89 + 5],
    ['first chunk tag', 89 + STORED_CHUNK - 1],
    ['last chunk ciphertext', 89 + 2 * STORED_CHUNK + 3],
  ])('a flipped bit in the %s -> BLOB_CORRUPT', async (_name, offset) => {
    rewrite(flipped(offset));
    await expectCode(store.readAll(blobId), 'BLOB_CORRUPT');
  });

  it('truncation at a chunk boundary -> BLOB_CORRUPT (final flag)', async () => {
    truncateSync(fileOf(blobId), 89 + 2 * STORED_CHUNK);
    await expectCode(store.readAll(blobId), 'BLOB_CORRUPT');
  });

  it.each([1, 17, 1000])('truncation by %i bytes -> BLOB_CORRUPT', async (cut) => {
    truncateSync(fileOf(blobId), original.length - cut);
    await expectCode(store.readAll(blobId), 'BLOB_CORRUPT');
  });

  it('swapped chunks -> BLOB_CORRUPT', async () => {
    const first = original.subarray(89, 89 + STORED_CHUNK);
    const second = original.subarray(89 + STORED_CHUNK, 89 + 2 * STORED_CHUNK);
    rewrite(Buffer.concat([original.subarray(0, 89), second, first, original.subarray(89 + 2 * STORED_CHUNK)]));
    await expectCode(store.readAll(blobId), 'BLOB_CORRUPT');
  });

  it.each([
    ['one byte', Buffer.of(0)],
    ['a tag-sized block', Buffer.alloc(16)],
    ['a copy of the first chunk', () => original.subarray(89, 89 + STORED_CHUNK)],
  ])('appended %s -> BLOB_CORRUPT', async (_name, extra) => {
    rewrite(Buffer.concat([original, typeof extra === 'function' ? extra() : extra]));
    await expectCode(store.readAll(blobId), 'BLOB_CORRUPT');
  });

  it('a blob file copied under another id -> BLOB_CORRUPT', async () => {
    const otherId = 'cd'.repeat(16);
    mkdirSync(path.dirname(fileOf(otherId)), { recursive: true });
    copyFileSync(fileOf(blobId), fileOf(otherId));
    await expectCode(store.readAll(otherId), 'BLOB_CORRUPT');
  });

  it('streams verified chunks only: a bad second chunk stops before it is yielded', async () => {
    rewrite(flipped(89 + STORED_CHUNK + 10));
    const yielded: number[] = [];
    await expectCode(
      (async () => {
        for await (const part of store.read(blobId)) yielded.push(part.length);
      })(),
      'BLOB_CORRUPT',
    );
    expect(yielded).toEqual([65536]);
  });
});

describe('BlobStore housekeeping', () => {
  it('reports BLOB_MISSING for unknown and malformed ids', async () => {
    await expectCode(store.readAll('00'.repeat(16)), 'BLOB_MISSING');
    await expectCode(store.readAll('../../vault.json'), 'BLOB_MISSING');
  });

  it('removes the temp file when the source fails midway', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield patternBytes(200_000, 3);
      throw new Error('disc read error');
    }
    await expect(store.write(failing())).rejects.toThrow('disc read error');
    expect(tmpEntries()).toEqual([]);
    expect(await store.listOnDisk()).toEqual([]);
  });

  it('refuses to write once the vault is locked', async () => {
    locked = true;
    await expectCode(store.write(Buffer.from('x')), 'VAULT_LOCKED');
  });

  it('lists blob files, ignoring foreign names, and deletes them', async () => {
    const { blobId } = await store.write(Buffer.from('a'));
    writeFileSync(path.join(dir, 'blobs', blobId.slice(0, 2), 'notes.txt'), 'x');
    mkdirSync(path.join(dir, 'blobs', 'zz'));
    expect(await store.listOnDisk()).toEqual([blobId]);
    expect(await store.delete(blobId)).toBe(true);
    expect(await store.delete(blobId)).toBe(false);
    expect(await store.listOnDisk()).toEqual([]);
  });

  it('removes leftover temp files', async () => {
    await store.write(Buffer.from('creates the tmp folder'));
    writeFileSync(path.join(dir, 'blobs', 'tmp', 'left-over-1'), 'partial');
    writeFileSync(path.join(dir, 'blobs', 'tmp', 'left-over-2'), 'partial');
    expect(await store.removeTempFiles()).toBe(2);
    expect(tmpEntries()).toEqual([]);
  });
});
