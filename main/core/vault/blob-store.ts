import { VAULT_DIR_MODE } from './permissions';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BlobEncryptor } from '../crypto/blob-cipher';
import type { BlobBinding } from '../crypto/blob-cipher';
import { isCryptoError } from '../crypto/crypto-error';
import type { BlobWrappingKey } from '../crypto/secret-keys';
import { fsyncDirectory, isCode } from './atomic-file';
import { blobFilePath, isBlobId, isShardName, newBlobId } from './blob-paths';
import { openDecryptedBlob, readDecryptedBlob } from './blob-reader';
import { writeEncryptedBlob } from './blob-writer';
import type { BlobSource } from './blob-writer';
import { VaultError } from './errors';
import { blobTmpDir, blobsRoot } from './layout';

export type { BlobSource } from './blob-writer';

export interface WrittenBlob {
  readonly blobId: string;
  /** Plaintext size in bytes. */
  readonly size: number;
  /** SHA-256 of the plaintext, computed while streaming. */
  readonly sha256: Buffer;
}

/** An open blob for range reads (see BlobStore.open). Call close() when done, also on errors. */
export interface OpenBlob {
  /** Plaintext length in bytes. */
  readonly size: number;
  /** Verified plaintext bytes [start, end); BLOB_CORRUPT on any authentication failure. */
  range(start: number, end: number): AsyncGenerator<Buffer, void, undefined>;
  /** Zeroes the blob key and closes the file. Idempotent. */
  close(): Promise<void>;
}

export interface BlobWriteOptions {
  /**
   * 'now' (default): the blob is durable (file and directory fsynced) when write resolves.
   * 'on-flush': fsync is deferred to the next flush(); call flush() before committing the
   * rows that reference these blobs. Many small files import much faster this way, and a
   * crash before flush leaves only files without rows, which sweepOrphans removes.
   */
  readonly sync?: 'now' | 'on-flush';
  /**
   * SHA-256 of the plaintext, when the caller has already computed it over exactly these bytes;
   * the store then does not hash again. `verify` later checks it against the decrypted blob.
   */
  readonly knownSha256?: Buffer;
}

export interface BlobStoreOptions {
  readonly vaultDir: string;
  readonly vaultId: string;
  /** Returns the current wrapping key; throws VAULT_LOCKED once the vault is closed. */
  readonly wrappingKey: () => BlobWrappingKey;
}

/**
 * Encrypted files of a vault (see blob-format.ts for the bytes). Knows nothing about the
 * database: the caller records the returned blobId in `blobs` (OpenVault.sweepOrphans
 * removes files that never got a row).
 */
export class BlobStore {
  private readonly options: BlobStoreOptions;
  private readonly tempFilesInUse = new Set<string>();
  /** Directories known to exist (durably), so each write does not pay for a mkdir round trip. */
  private readonly knownDirs = new Map<string, Promise<void>>();
  /** Final paths written with sync 'on-flush' and not yet fsynced. */
  private readonly unsynced = new Set<string>();
  /** Directories of adopted blobs: their files are durable, their directory entries not yet. */
  private readonly unsyncedDirs = new Set<string>();

  constructor(options: BlobStoreOptions) {
    this.options = options;
  }

  /**
   * Encrypts `source` into a new blob. Crash safety: the file is written under
   * blobs/tmp, fsynced, renamed into place and the directory fsynced, so a blob id is
   * only returned once the whole file is durable (or, with sync 'on-flush', once flush()
   * has run); on any failure the temp file is removed.
   */
  async write(source: BlobSource, options: BlobWriteOptions = {}): Promise<WrittenBlob> {
    const syncNow = (options.sync ?? 'now') === 'now';
    const blobId = newBlobId();
    const finalPath = blobFilePath(this.options.vaultDir, blobId);
    // 'now': write under tmp/ and rename, so the final name only ever holds a complete, durable
    // file. 'on-flush': write the final name directly (two file-system calls fewer per blob):
    // no row names it until flush() has made it durable, and a torn file without a row is an
    // orphan that the sweep at the next open removes.
    const target = syncNow ? path.join(blobTmpDir(this.options.vaultDir), randomBytes(16).toString('hex')) : finalPath;
    await this.ensureDir(path.dirname(target));
    const encryptor = BlobEncryptor.create(this.options.wrappingKey(), this.binding(blobId));
    this.tempFilesInUse.add(target);
    try {
      const handle = await open(target, 'wx', 0o600);
      let written: { size: number; sha256: Buffer };
      try {
        written = await writeEncryptedBlob(handle, source, encryptor, options.knownSha256);
        if (syncNow) await handle.sync();
      } finally {
        await handle.close();
      }
      if (syncNow) {
        await this.ensureDir(path.dirname(finalPath));
        await rename(target, finalPath);
        await fsyncDirectory(path.dirname(finalPath));
      } else {
        this.unsynced.add(finalPath);
      }
      return { blobId, ...written };
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    } finally {
      encryptor.dispose();
      this.tempFilesInUse.delete(target);
    }
  }

  /**
   * What a worker thread of this process needs to write blobs of this vault,
   * including a copy of the wrapping key in its own ArrayBuffer, so it can be transferred
   * (moved) to the worker. Throws VAULT_LOCKED once the vault is closed. The receiver must zero
   * the key when done. Never log this.
   */
  dangerousWorkerCopy(): { vaultDir: string; vaultId: string; wrappingKey: Uint8Array } {
    const wrappingKey = new Uint8Array(this.options.wrappingKey());
    return { vaultDir: this.options.vaultDir, vaultId: this.options.vaultId, wrappingKey };
  }

  /**
   * Takes over a blob whose file another thread wrote and fsynced (a prepare worker, see
   * import/worker-blob-writer.ts): the next flush() fsyncs its directory, so call it before
   * committing rows that name the blob.
   */
  adoptFileSynced(blobId: string): void {
    if (!isBlobId(blobId)) {
      throw new RangeError('not a blob id');
    }
    this.unsyncedDirs.add(path.dirname(blobFilePath(this.options.vaultDir, blobId)));
  }

  /**
   * Makes every blob written with sync 'on-flush' (or adopted) durable: fsyncs the files, then their
   * directories. The fsyncs run concurrently so the file system can merge journal commits.
   * On failure the files stay queued for the next flush.
   */
  async flush(): Promise<void> {
    const files = [...this.unsynced];
    const adoptedDirs = [...this.unsyncedDirs];
    this.unsynced.clear();
    this.unsyncedDirs.clear();
    try {
      await forEachConcurrently(files, FSYNC_CONCURRENCY, fsyncFileIfPresent);
      // An adopted blob's directory may have been created by its worker: its own entry, too.
      const dirs = [...new Set([...files.map((file) => path.dirname(file)), ...adoptedDirs, ...adoptedDirs.map((dir) => path.dirname(dir))])];
      await forEachConcurrently(dirs, FSYNC_CONCURRENCY, fsyncDirectory);
    } catch (error) {
      files.forEach((file) => this.unsynced.add(file));
      adoptedDirs.forEach((dir) => this.unsyncedDirs.add(dir));
      throw error;
    }
  }

  /**
   * Streams verified plaintext. Throws BLOB_MISSING if there is no such file and
   * BLOB_CORRUPT on any authentication/format failure; the chunk that failed is never
   * yielded (earlier, verified chunks may already have been).
   */
  async *read(blobId: string): AsyncGenerator<Buffer, void, undefined> {
    const handle = await this.openForRead(blobId);
    try {
      yield* readDecryptedBlob(handle, this.options.wrappingKey(), this.binding(blobId));
    } catch (error) {
      throw isCryptoError(error) ? new VaultError('BLOB_CORRUPT') : error;
    } finally {
      await handle.close();
    }
  }

  /**
   * Opens a blob for range reads: the file handle stays open and the blob key unwrapped until
   * close(), so a viewer can read parts of a large file without decrypting from the start.
   * Throws BLOB_MISSING / BLOB_CORRUPT like read().
   */
  async open(blobId: string): Promise<OpenBlob> {
    const handle = await this.openForRead(blobId);
    let blob;
    try {
      blob = await openDecryptedBlob(handle, this.options.wrappingKey(), this.binding(blobId));
    } catch (error) {
      await handle.close();
      throw isCryptoError(error) ? new VaultError('BLOB_CORRUPT') : error;
    }
    let closed: Promise<void> | null = null;
    return {
      size: blob.size,
      async *range(start, end) {
        try {
          yield* blob.range(start, end);
        } catch (error) {
          throw isCryptoError(error) ? new VaultError('BLOB_CORRUPT') : error;
        }
      },
      close() {
        closed ??= (async () => {
          blob.dispose();
          await handle.close();
        })();
        return closed;
      },
    };
  }

  /** Whole plaintext in memory; nothing is returned unless every chunk verified. */
  async readAll(blobId: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.read(blobId)) {
      parts.push(part);
    }
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts);
  }

  /** Removes the blob file. Returns false if it did not exist. */
  async delete(blobId: string): Promise<boolean> {
    if (!isBlobId(blobId)) {
      return false;
    }
    const file = blobFilePath(this.options.vaultDir, blobId);
    this.unsynced.delete(file);
    try {
      await rm(file);
    } catch (error) {
      if (isCode(error, 'ENOENT')) {
        return false;
      }
      throw error;
    }
    await fsyncDirectory(path.dirname(file));
    return true;
  }

  /** Ids of all blob files on disk (any order). Foreign files are ignored. */
  async listOnDisk(): Promise<string[]> {
    const ids: string[] = [];
    for (const shard of await readdirOrEmpty(blobsRoot(this.options.vaultDir))) {
      if (!isShardName(shard)) {
        continue;
      }
      for (const name of await readdirOrEmpty(path.join(blobsRoot(this.options.vaultDir), shard))) {
        if (isBlobId(name) && name.startsWith(shard)) {
          ids.push(name);
        }
      }
    }
    return ids;
  }

  /** Deletes leftovers of interrupted writes (not those still being written). Returns the count. */
  async removeTempFiles(): Promise<number> {
    const tmpDir = blobTmpDir(this.options.vaultDir);
    let removed = 0;
    for (const name of await readdirOrEmpty(tmpDir)) {
      const file = path.join(tmpDir, name);
      if (!this.tempFilesInUse.has(file)) {
        await rm(file, { force: true, recursive: true });
        removed += 1;
      }
    }
    return removed;
  }

  private ensureDir(dir: string): Promise<void> {
    // One promise per directory: a write that finds it being created waits until its entry is durable.
    let ready = this.knownDirs.get(dir);
    if (ready === undefined) {
      ready = makeDurableDirectory(dir);
      ready.catch(() => this.knownDirs.delete(dir));
      this.knownDirs.set(dir, ready);
    }
    return ready;
  }

  private binding(blobId: string): BlobBinding {
    return { vaultId: this.options.vaultId, blobId: Buffer.from(blobId, 'hex') };
  }

  private async openForRead(blobId: string): Promise<FileHandle> {
    if (!isBlobId(blobId)) {
      throw new VaultError('BLOB_MISSING');
    }
    try {
      return await open(blobFilePath(this.options.vaultDir, blobId), 'r');
    } catch (error) {
      throw isCode(error, 'ENOENT') ? new VaultError('BLOB_MISSING') : error;
    }
  }
}

const FSYNC_CONCURRENCY = 8;

/**
 * mkdir -p, then fsyncs the parent of every directory it created: fsyncing a blob's directory
 * makes the blob's entry durable, not the directory's own entry in its parent.
 */
async function makeDurableDirectory(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true, mode: VAULT_DIR_MODE });
  if (created === undefined) return;
  for (let child = dir; ; child = path.dirname(child)) {
    await fsyncDirectory(path.dirname(child));
    if (child === created || path.dirname(child) === child) return;
  }
}

async function fsyncFileIfPresent(file: string): Promise<void> {
  let handle: FileHandle;
  try {
    // r+ because Windows' FlushFileBuffers needs write access.
    handle = await open(file, 'r+');
  } catch (error) {
    if (isCode(error, 'ENOENT')) {
      return; // deleted since it was written: nothing to make durable
    }
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT')) {
      return [];
    }
    throw error;
  }
}
