/**
 * How a prepare worker writes blob files: the same bytes on disk as BlobStore.write (header and
 * chunks by blob-writer.ts, the vault's paths and random ids), from bytes in memory, with blocking
 * writes (in a worker thread they cost less than a thread-pool round trip per call).
 *
 * Crash safety: the file is fsynced before write() resolves; its directory entry (and the
 * directory's own, if this created it) is made durable by the main thread's store, which adopts the
 * blob (BlobStore.adoptFileSynced) and fsyncs them at its next flush(), before any row names it. The file is written under its
 * final name, as with sync 'on-flush': one torn by a crash has no row and the sweep at the next
 * open removes it.
 */
import { VAULT_DIR_MODE } from '../vault/permissions';
import { closeSync, fsync, mkdirSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BlobEncryptor } from '../crypto/blob-cipher';
import type { BlobWrappingKey } from '../crypto/secret-keys';
import { blobFilePath, newBlobId } from '../vault/blob-paths';
import type { WrittenBlob } from '../vault/blob-store';
import { writeEncryptedBlobSync } from '../vault/blob-writer';

export class WorkerBlobWriter {
  /** Shard directories known to exist. */
  private readonly knownDirs = new Set<string>();

  /** `wrappingKey` throws VAULT_LOCKED once the worker was told to stop. */
  constructor(private readonly vaultDir: string, private readonly vaultId: string, private readonly wrappingKey: () => BlobWrappingKey) {}

  /** `sha256` must be the SHA-256 of exactly `bytes` (recorded in the blob's row, checked by verify). */
  async write(bytes: Uint8Array, sha256: Buffer): Promise<WrittenBlob> {
    const blobId = newBlobId();
    const file = blobFilePath(this.vaultDir, blobId);
    this.ensureDir(path.dirname(file));
    const encryptor = BlobEncryptor.create(this.wrappingKey(), { vaultId: this.vaultId, blobId: Buffer.from(blobId, 'hex') });
    try {
      const fd = openSync(file, 'wx', 0o600);
      let complete = false;
      try {
        const written = writeEncryptedBlobSync(fd, bytes, encryptor, sha256);
        await fsyncFd(fd); // a pool thread waits for the disk while this thread prepares the next file
        complete = true;
        return { blobId, ...written };
      } finally {
        closeSync(fd);
        if (!complete) rmSync(file, { force: true });
      }
    } finally {
      encryptor.dispose();
    }
  }

  /** The adopting store's flush() fsyncs a new directory's entry along with the blobs in it. */
  private ensureDir(dir: string): void {
    if (this.knownDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true, mode: VAULT_DIR_MODE });
    this.knownDirs.add(dir);
  }
}

function fsyncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
}
