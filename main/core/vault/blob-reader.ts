import type { FileHandle } from 'node:fs/promises';
import { BlobDecryptor } from '../crypto/blob-cipher';
import type { BlobBinding } from '../crypto/blob-cipher';
import { BLOB_HEADER_LENGTH, BLOB_TAG_LENGTH, chunkLayoutForFileSize } from '../crypto/blob-format';
import type { ChunkLayout } from '../crypto/blob-format';
import { CryptoError } from '../crypto/crypto-error';
import type { BlobWrappingKey } from '../crypto/secret-keys';

/** Chunks read per syscall (about 1 MiB with 64 KiB chunks). */
const CHUNKS_PER_READ = 16;

/**
 * Yields the verified plaintext of an open blob file, one chunk at a time. The chunk
 * layout comes from the file size; the final flag in each nonce catches truncation and
 * appended data, the counter catches reordering. Any failure throws CryptoError before
 * the failing chunk's plaintext is yielded. One read buffer is reused for the whole file.
 */
export async function* readDecryptedBlob(
  handle: FileHandle,
  wrappingKey: BlobWrappingKey,
  binding: BlobBinding,
): AsyncGenerator<Buffer, void, undefined> {
  const { size } = await handle.stat();
  const header = Buffer.alloc(BLOB_HEADER_LENGTH);
  await readExactly(handle, header, 0);
  const decryptor = BlobDecryptor.open(wrappingKey, header, binding);
  try {
    const layout = chunkLayoutForFileSize(size, decryptor.chunkSize);
    if (layout === null) {
      throw new CryptoError('AUTH_FAILED', 'The blob has an impossible length.');
    }
    yield* decryptChunks(handle, decryptor, layout);
  } finally {
    decryptor.dispose();
  }
}

async function* decryptChunks(handle: FileHandle, decryptor: BlobDecryptor, layout: ChunkLayout): AsyncGenerator<Buffer> {
  const stored = decryptor.chunkSize + BLOB_TAG_LENGTH;
  const buffer = Buffer.allocUnsafe(stored * Math.min(CHUNKS_PER_READ, layout.count));
  let position = BLOB_HEADER_LENGTH;
  let index = 0;
  while (index < layout.count) {
    const chunksThisRead = Math.min(CHUNKS_PER_READ, layout.count - index);
    const bytes = (chunksThisRead - 1) * stored + (index + chunksThisRead === layout.count ? layout.finalStoredLength : stored);
    await readExactly(handle, buffer.subarray(0, bytes), position);
    position += bytes;
    for (let offset = 0; offset < bytes; offset += stored, index += 1) {
      const isFinal = index === layout.count - 1;
      const end = Math.min(offset + stored, bytes);
      const ciphertext = buffer.subarray(offset, end - BLOB_TAG_LENGTH);
      const tag = buffer.subarray(end - BLOB_TAG_LENGTH, end);
      yield decryptor.decryptChunk(ciphertext, tag, isFinal);
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
