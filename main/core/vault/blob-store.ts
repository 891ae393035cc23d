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
import { readDecryptedBlob } from './blob-reader';
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

export interface BlobWriteOptions {
  /**
   * 'now' (default): the blob is durable (file and directory fsynced) when write resolves.
   * 'on-flush': fsync is deferred to the next flush(); call flush() before committing the
   * rows that reference these blobs. Many small files import much faster this way, and a
   * crash before flush leaves only files without rows, which sweepOrphans removes.
   */
  readonly sync?: 'now' | 'on-flush';
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
  /** Directories known to exist, so each write does not pay for a mkdir round trip. */
  private readonly knownDirs = new Set<string>();
  /** Final paths written with sync 'on-flush' and not yet fsynced. */
  private readonly unsynced = new Set<string>();

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
    const encryptor = BlobEncryptor.create(this.options.wrappingKey(), this.binding(blobId));
    const tmpDir = blobTmpDir(this.options.vaultDir);
    await this.ensureDir(tmpDir);
    const tmpFile = path.join(tmpDir, randomBytes(16).toString('hex'));
    this.tempFilesInUse.add(tmpFile);
    try {
      const handle = await open(tmpFile, 'wx', 0o600);
      let written: { size: number; sha256: Buffer };
      try {
        written = await writeEncryptedBlob(handle, source, encryptor);
        if (syncNow) {
          await handle.sync();
        }
      } finally {
        await handle.close();
      }
      const finalPath = blobFilePath(this.options.vaultDir, blobId);
      await this.ensureDir(path.dirname(finalPath));
      await rename(tmpFile, finalPath);
      if (syncNow) {
        await fsyncDirectory(path.dirname(finalPath));
      } else {
        this.unsynced.add(finalPath);
      }
      return { blobId, ...written };
    } catch (error) {
      await rm(tmpFile, { force: true });
      throw error;
    } finally {
      encryptor.dispose();
      this.tempFilesInUse.delete(tmpFile);
    }
  }

  /**
   * Makes every blob written with sync 'on-flush' durable: fsyncs the files, then their
   * directories. The fsyncs run concurrently so the file system can merge journal commits.
   * On failure the files stay queued for the next flush.
   */
  async flush(): Promise<void> {
    const files = [...this.unsynced];
    this.unsynced.clear();
    try {
      await forEachConcurrently(files, FSYNC_CONCURRENCY, fsyncFileIfPresent);
      const dirs = [...new Set(files.map((file) => path.dirname(file)))];
      await forEachConcurrently(dirs, FSYNC_CONCURRENCY, fsyncDirectory);
    } catch (error) {
      files.forEach((file) => this.unsynced.add(file));
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

  private async ensureDir(dir: string): Promise<void> {
    if (!this.knownDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.knownDirs.add(dir);
    }
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
