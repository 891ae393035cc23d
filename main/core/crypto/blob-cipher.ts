import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { CryptoError, isCryptoError } from './crypto-error';
import {
  BLOB_CHUNK_SIZE,
  BLOB_FORMAT_VERSION,
  BLOB_ID_LENGTH,
  BLOB_NONCE_PREFIX_LENGTH,
  BLOB_TAG_LENGTH,
  decodeBlobHeader,
  encodeBlobHeader,
  writeChunkNonce,
} from './blob-format';
import { WRAP_NONCE_LENGTH, dangerousWrapKeyWithNonce, unwrapBlobKey } from './key-wrap';
import type { WrapContext } from './key-wrap';
import { KEY_LENGTH, dangerousAsKey, keyObjectOf, zeroizeKey } from './secret-keys';
import type { BlobKey, BlobWrappingKey } from './secret-keys';

export interface BlobBinding {
  readonly vaultId: string;
  /** 16 raw bytes. */
  readonly blobId: Buffer;
}

export interface EncryptedChunk {
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/*
 * GCM takes a fresh nonce per chunk, so each chunk needs its own cipher object; what can be done
 * once per blob is the key set-up (keyObjectOf, secret-keys.ts). A disposed encryptor or decryptor
 * refuses further chunks.
 */
const DISPOSED = 'blob key already disposed';

export function blobKeyWrapContext(binding: BlobBinding): WrapContext {
  return {
    purpose: `blob-key:${binding.blobId.toString('hex')}`,
    vaultId: binding.vaultId,
    formatVersion: BLOB_FORMAT_VERSION,
  };
}

/**
 * Encrypts one blob as a STREAM of AES-256-GCM chunks (see blob-format.ts).
 *
 * Security reasoning: each blob has its own random key, so nonces can never collide
 * across blobs and one leaked blob key exposes one file. Within a blob the nonce carries
 * the chunk index (reordering, dropping or splicing chunks from another position fails
 * the tag) and a final flag (truncation at a chunk boundary, or appending after the end,
 * fails the tag). The header is the AAD of every chunk, so no header byte can change.
 *
 * Call encryptChunk with chunks in order, exactly chunkSize bytes except the final one.
 */
export class BlobEncryptor {
  readonly header: Buffer;
  readonly chunkSize: number;
  private readonly blobKey: BlobKey;
  private keyObject: KeyObject | null;
  private readonly noncePrefix: Buffer;
  private readonly nonce = Buffer.alloc(12);
  private index = 0;
  private finished = false;

  private constructor(blobKey: BlobKey, noncePrefix: Buffer, header: Buffer, chunkSize: number) {
    this.blobKey = blobKey;
    this.keyObject = keyObjectOf(blobKey);
    this.noncePrefix = noncePrefix;
    this.header = header;
    this.chunkSize = chunkSize;
  }

  static create(wrappingKey: BlobWrappingKey, binding: BlobBinding): BlobEncryptor {
    return BlobEncryptor.dangerousCreateDeterministic(wrappingKey, binding, {
      blobKey: dangerousAsKey<BlobKey>(randomBytes(KEY_LENGTH)),
      noncePrefix: randomBytes(BLOB_NONCE_PREFIX_LENGTH),
      wrapNonce: randomBytes(WRAP_NONCE_LENGTH),
    });
  }

  /** Fixed key and nonces: only for test vectors. Never use with real data. */
  static dangerousCreateDeterministic(
    wrappingKey: BlobWrappingKey,
    binding: BlobBinding,
    fixed: { blobKey: BlobKey; noncePrefix: Buffer; wrapNonce: Buffer },
    chunkSize: number = BLOB_CHUNK_SIZE,
  ): BlobEncryptor {
    if (binding.blobId.length !== BLOB_ID_LENGTH || fixed.noncePrefix.length !== BLOB_NONCE_PREFIX_LENGTH) {
      throw new RangeError('blob id must be 16 bytes and nonce prefix 7 bytes');
    }
    const wrappedKey = dangerousWrapKeyWithNonce(fixed.blobKey, wrappingKey, blobKeyWrapContext(binding), fixed.wrapNonce);
    const header = encodeBlobHeader({ chunkSize, blobId: binding.blobId, noncePrefix: fixed.noncePrefix, wrappedKey });
    return new BlobEncryptor(fixed.blobKey, fixed.noncePrefix, header, chunkSize);
  }

  encryptChunk(plaintext: Uint8Array, isFinal: boolean): EncryptedChunk {
    if (this.finished) {
      throw new Error('blob already finished');
    }
    if (isFinal ? plaintext.length >= this.chunkSize : plaintext.length !== this.chunkSize) {
      throw new RangeError('chunk has the wrong length');
    }
    if (this.keyObject === null) throw new Error(DISPOSED);
    writeChunkNonce(this.nonce, this.noncePrefix, this.index, isFinal);
    const cipher = createCipheriv('aes-256-gcm', this.keyObject, this.nonce, { authTagLength: BLOB_TAG_LENGTH });
    cipher.setAAD(this.header);
    const ciphertext = cipher.update(plaintext);
    cipher.final();
    this.index += 1;
    this.finished = isFinal;
    return { ciphertext, tag: cipher.getAuthTag() };
  }

  /** Zeroes the blob key; the encryptor is unusable afterwards. */
  dispose(): void {
    zeroizeKey(this.blobKey);
    this.keyObject = null;
    this.finished = true;
  }
}

/**
 * Decrypts chunks of one blob in order. Plaintext of a chunk is returned only after its
 * tag verified; on failure the unverified bytes are zeroed and CryptoError AUTH_FAILED
 * is thrown, so callers can never see unauthenticated plaintext.
 */
export class BlobDecryptor {
  readonly chunkSize: number;
  private readonly header: Buffer;
  private readonly blobKey: BlobKey;
  private keyObject: KeyObject | null;
  private readonly noncePrefix: Buffer;
  private readonly nonce = Buffer.alloc(12);
  private index = 0;

  private constructor(header: Buffer, blobKey: BlobKey, noncePrefix: Buffer, chunkSize: number) {
    this.header = header;
    this.blobKey = blobKey;
    this.keyObject = keyObjectOf(blobKey);
    this.noncePrefix = noncePrefix;
    this.chunkSize = chunkSize;
  }

  /** Throws CryptoError MALFORMED / AUTH_FAILED (also when the header names another blob). */
  static open(wrappingKey: BlobWrappingKey, headerBytes: Buffer, binding: BlobBinding): BlobDecryptor {
    const header = decodeBlobHeader(headerBytes);
    if (!header.blobId.equals(binding.blobId)) {
      throw new CryptoError('AUTH_FAILED', 'The blob header belongs to another blob.');
    }
    try {
      const blobKey = unwrapBlobKey(header.wrappedKey, wrappingKey, blobKeyWrapContext(binding));
      return new BlobDecryptor(Buffer.from(headerBytes), blobKey, Buffer.from(header.noncePrefix), header.chunkSize);
    } catch (error) {
      throw isCryptoError(error) ? new CryptoError('AUTH_FAILED', 'The blob key could not be unwrapped.') : error;
    }
  }

  decryptChunk(ciphertext: Uint8Array, tag: Uint8Array, isFinal: boolean): Buffer {
    if (this.keyObject === null) throw new CryptoError('AUTH_FAILED', DISPOSED);
    writeChunkNonce(this.nonce, this.noncePrefix, this.index, isFinal);
    const decipher = createDecipheriv('aes-256-gcm', this.keyObject, this.nonce, { authTagLength: BLOB_TAG_LENGTH });
    decipher.setAAD(this.header);
    decipher.setAuthTag(tag);
    const plaintext = decipher.update(ciphertext);
    try {
      decipher.final();
    } catch {
      plaintext.fill(0);
      throw new CryptoError('AUTH_FAILED', 'A blob chunk failed authentication.');
    }
    this.index += 1;
    return plaintext;
  }

  /**
   * Continues at chunk `index` (range reads). Safe: the index is part of each chunk's nonce, so a
   * chunk decrypted at the wrong position fails authentication instead of yielding wrong bytes.
   */
  seek(index: number): void {
    if (!Number.isInteger(index) || index < 0) throw new RangeError('chunk index out of range');
    this.index = index;
  }

  dispose(): void {
    zeroizeKey(this.blobKey);
    this.keyObject = null;
  }
}
