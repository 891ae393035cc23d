import type { FileHandle } from 'node:fs/promises';
import { BlobDecryptor } from '../crypto/blob-cipher';
import type { BlobBinding } from '../crypto/blob-cipher';
import { BLOB_HEADER_LENGTH, BLOB_TAG_LENGTH, chunkLayoutForFileSize } from '../crypto/blob-format';
import type { ChunkLayout } from '../crypto/blob-format';
import { CryptoError } from '../crypto/crypto-error';
import type { BlobWrappingKey } from '../crypto/secret-keys';

/** Chunks read per syscall (about 1 MiB with 64 KiB chunks). */
const CHUNKS_PER_READ = 16;

/** An open blob whose key unwrapped: plaintext of any byte range, verified chunk by chunk. */
export interface DecryptedBlob {
  /** Plaintext length, from the file size and chunk layout. */
  readonly size: number;
  /**
   * Yields plaintext bytes [start, end). Only the chunks covering the range are read and
   * decrypted; a range reaching the end also decrypts the final chunk, whose flag proves the file
   * was not cut short. Throws CryptoError before a failing chunk's plaintext is yielded.
   */
  range(start: number, end: number): AsyncGenerator<Buffer, void, undefined>;
  /** Zeroes the blob key. Reads after this fail. */
  dispose(): void;
}

/**
 * Reads the header and unwraps the blob key of an open blob file. The chunk layout comes from the
 * file size; the final flag in each nonce catches truncation and appended data, the counter
 * catches reordering.
 */
export async function openDecryptedBlob(handle: FileHandle, wrappingKey: BlobWrappingKey, binding: BlobBinding): Promise<DecryptedBlob> {
  const { size } = await handle.stat();
  const header = Buffer.alloc(BLOB_HEADER_LENGTH);
  await readExactly(handle, header, 0);
  const decryptor = BlobDecryptor.open(wrappingKey, header, binding);
  const layout = chunkLayoutForFileSize(size, decryptor.chunkSize);
  if (layout === null) {
    decryptor.dispose();
    throw new CryptoError('AUTH_FAILED', 'The blob has an impossible length.');
  }
  return {
    size: layout.plaintextLength,
    range: (start, end) => decryptRange(handle, decryptor, layout, start, end),
    dispose: () => decryptor.dispose(),
  };
}

/** Yields the verified plaintext of a whole blob file. One read buffer is reused for the whole file. */
export async function* readDecryptedBlob(
  handle: FileHandle,
  wrappingKey: BlobWrappingKey,
  binding: BlobBinding,
): AsyncGenerator<Buffer, void, undefined> {
  const blob = await openDecryptedBlob(handle, wrappingKey, binding);
  try {
    yield* blob.range(0, blob.size);
  } finally {
    blob.dispose();
  }
}

async function* decryptRange(handle: FileHandle, decryptor: BlobDecryptor, layout: ChunkLayout, start: number, end: number): AsyncGenerator<Buffer> {
  const size = layout.plaintextLength;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > size) {
    throw new RangeError('byte range outside the blob');
  }
  if (start === end && end < size) return;
  const chunkSize = decryptor.chunkSize;
  const first = Math.floor(start / chunkSize);
  const last = end === size ? layout.count - 1 : Math.floor((end - 1) / chunkSize);
  for await (const { index, plaintext } of decryptChunks(handle, decryptor, layout, first, last)) {
    const offset = index * chunkSize;
    const from = Math.max(start, offset) - offset;
    const to = Math.min(end, offset + plaintext.length) - offset;
    if (to > from) yield from === 0 && to === plaintext.length ? plaintext : plaintext.subarray(from, to);
  }
}

async function* decryptChunks(
  handle: FileHandle, decryptor: BlobDecryptor, layout: ChunkLayout, first: number, last: number,
): AsyncGenerator<{ index: number; plaintext: Buffer }> {
  const stored = decryptor.chunkSize + BLOB_TAG_LENGTH;
  const buffer = Buffer.allocUnsafe(stored * Math.min(CHUNKS_PER_READ, last - first + 1));
  let position = BLOB_HEADER_LENGTH + first * stored;
  let index = first;
  while (index <= last) {
    const chunksThisRead = Math.min(CHUNKS_PER_READ, last - index + 1);
    const endsAtFinal = index + chunksThisRead === layout.count;
    const bytes = (chunksThisRead - 1) * stored + (endsAtFinal ? layout.finalStoredLength : stored);
    await readExactly(handle, buffer.subarray(0, bytes), position);
    position += bytes;
    for (let offset = 0; offset < bytes; offset += stored, index += 1) {
      const isFinal = index === layout.count - 1;
      const end = Math.min(offset + stored, bytes);
      const ciphertext = buffer.subarray(offset, end - BLOB_TAG_LENGTH);
      const tag = buffer.subarray(end - BLOB_TAG_LENGTH, end);
      // Seek before every chunk: two ranges of one blob may be read at the same time.
      decryptor.seek(index);
      yield { index, plaintext: decryptor.decryptChunk(ciphertext, tag, isFinal) };
    }
  }
}

/** Fills `target` from `position`; a short file is corruption (it shrank under us). */
async function readExactly(handle: FileHandle, target: Buffer, position: number): Promise<void> {
  let filled = 0;
  while (filled < target.length) {
    const { bytesRead } = await handle.read(target, filled, target.length - filled, position + filled);
    if (bytesRead === 0) {
      throw new CryptoError('AUTH_FAILED', 'The blob ended early.');
    }
    filled += bytesRead;
  }
}
