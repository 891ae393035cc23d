import { createHash, type Hash } from 'node:crypto';
import { writeSync, writevSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { BlobEncryptor } from '../crypto/blob-cipher';

export type BlobSource = AsyncIterable<Uint8Array> | Uint8Array;

/** Ciphertext is handed to the OS in batches of about this size (fewer syscalls). */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Streams `source` through the encryptor into `handle`, hashing the plaintext on the
 * way. Returns the plaintext size and SHA-256.
 */
export async function writeEncryptedBlob(
  handle: FileHandle,
  source: BlobSource,
  encryptor: BlobEncryptor,
  knownSha256?: Buffer,
): Promise<{ size: number; sha256: Buffer }> {
  const sink = new EncryptingSink(handle, encryptor, knownSha256);
  try {
    for await (const piece of asAsyncIterable(source)) {
      await sink.push(piece);
    }
    return await sink.finish();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

/**
 * Cuts plaintext into chunks and encrypts them. Full chunks are encrypted straight from
 * the caller's buffer (no copy); only a partial chunk is copied into one reused buffer.
 * While one batch is written by the thread pool the next is encrypted; at most one write
 * is in flight, so the file is written in order.
 */
class EncryptingSink {
  /** null when the caller already hashed the plaintext (hashing twice cost a fifth of import time). */
  private readonly hash: Hash | null;
  private readonly pending: Buffer;
  private pendingLength = 0;
  private size = 0;
  private batch: Buffer[];
  private batchBytes: number;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly handle: FileHandle,
    private readonly encryptor: BlobEncryptor,
    private readonly knownSha256?: Buffer,
  ) {
    this.hash = knownSha256 ? null : createHash('sha256');
    this.pending = Buffer.allocUnsafe(encryptor.chunkSize);
    this.batch = [encryptor.header];
    this.batchBytes = encryptor.header.length;
  }

  async push(piece: Uint8Array): Promise<void> {
    const chunkSize = this.encryptor.chunkSize;
    this.hash?.update(piece);
    this.size += piece.length;
    let offset = 0;
    if (this.pendingLength > 0) {
      offset = Math.min(chunkSize - this.pendingLength, piece.length);
      this.pending.set(piece.subarray(0, offset), this.pendingLength);
      this.pendingLength += offset;
      if (this.pendingLength === chunkSize) {
        this.emit(this.pending, false);
        this.pendingLength = 0;
      }
    }
    while (piece.length - offset >= chunkSize) {
      this.emit(piece.subarray(offset, offset + chunkSize), false);
      offset += chunkSize;
      await this.flushIfFull();
    }
    if (offset < piece.length) {
      this.pending.set(piece.subarray(offset), 0);
      this.pendingLength = piece.length - offset;
    }
    await this.flushIfFull();
  }

  async finish(): Promise<{ size: number; sha256: Buffer }> {
    this.emit(this.pending.subarray(0, this.pendingLength), true);
    this.pending.fill(0);
    await this.flush();
    await this.inFlight;
    return { size: this.size, sha256: this.hash?.digest() ?? Buffer.from(this.knownSha256!) };
  }

  /** Lets a pending write settle so the caller can close and remove the file. */
  async abort(): Promise<void> {
    this.pending.fill(0);
    await this.inFlight.catch(() => undefined);
  }

  private emit(plaintext: Uint8Array, isFinal: boolean): void {
    const { ciphertext, tag } = this.encryptor.encryptChunk(plaintext, isFinal);
    this.batch.push(ciphertext, tag);
    this.batchBytes += ciphertext.length + tag.length;
  }

  private async flushIfFull(): Promise<void> {
    if (this.batchBytes >= WRITE_BATCH_BYTES) {
      await this.flush();
    }
  }

  private async flush(): Promise<void> {
    await this.inFlight;
    const buffers = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    this.inFlight = writeAll(this.handle, buffers);
    // Marks the promise handled now; its error still surfaces at the next await.
    this.inFlight.catch(() => undefined);
  }
}

/**
 * The same file as writeEncryptedBlob, from bytes in memory, with blocking writes to the open file
 * descriptor `fd`: for worker threads, where waiting on the OS costs less than a thread-pool round
 * trip per call. Ciphertext goes out in batches of about WRITE_BATCH_BYTES.
 */
export function writeEncryptedBlobSync(
  fd: number,
  plaintext: Uint8Array,
  encryptor: BlobEncryptor,
  knownSha256?: Buffer,
): { size: number; sha256: Buffer } {
  const sha256 = knownSha256 ? Buffer.from(knownSha256) : createHash('sha256').update(plaintext).digest();
  let batch: Uint8Array[] = [encryptor.header];
  let batchBytes = encryptor.header.length;
  let offset = 0;
  for (;;) {
    // Every chunk holds chunkSize bytes except the final one, which is shorter (possibly empty).
    const isFinal = plaintext.length - offset < encryptor.chunkSize;
    const end = isFinal ? plaintext.length : offset + encryptor.chunkSize;
    const { ciphertext, tag } = encryptor.encryptChunk(plaintext.subarray(offset, end), isFinal);
    batch.push(ciphertext, tag);
    batchBytes += ciphertext.length + tag.length;
    offset = end;
    if (isFinal || batchBytes >= WRITE_BATCH_BYTES) {
      writeAllSync(fd, batch, batchBytes);
      batch = [];
      batchBytes = 0;
    }
    if (isFinal) return { size: plaintext.length, sha256 };
  }
}

function writeAllSync(fd: number, buffers: Uint8Array[], total: number): void {
  const written = writevSync(fd, buffers);
  if (written < total) {
    // Short write (rare for regular files): write the rest with plain writes.
    const rest = Buffer.concat(buffers).subarray(written);
    for (let offset = 0; offset < rest.length;) offset += writeSync(fd, rest, offset, rest.length - offset);
  }
}

async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  const { bytesWritten } = await handle.writev(buffers);
  if (bytesWritten < total) {
    // Short write (rare for regular files): write the rest with plain writes.
    const rest = Buffer.concat(buffers).subarray(bytesWritten);
    let offset = 0;
    while (offset < rest.length) {
      const result = await handle.write(rest, offset, rest.length - offset);
      offset += result.bytesWritten;
    }
  }
}

async function* asAsyncIterable(source: BlobSource): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  yield* source;
}
