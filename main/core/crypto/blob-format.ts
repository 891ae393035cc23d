import { CryptoError } from './crypto-error';
import { WRAPPED_KEY_LENGTH } from './key-wrap';

/**
 * Blob file format v1 (all integers big-endian):
 *
 *   header (89 bytes)
 *     [0]       0x01 blob format version
 *     [1..4]    chunk size in plaintext bytes, u32 (65536 when written by ScanVault)
 *     [5..20]   blob id, 16 raw bytes (the file name is the same id in hex)
 *     [21..27]  7-byte random nonce prefix
 *     [28..88]  wrapped blob key (61-byte wrap format v1, see key-wrap.ts)
 *   chunks, in order, each = AES-256-GCM ciphertext || 16-byte tag
 *     chunk i nonce = prefix (7) || i as u32 (4) || final flag (1: 0x01 last chunk, else 0x00)
 *     AAD of every chunk = the 89 header bytes
 *     every chunk but the last holds exactly `chunk size` plaintext bytes; the last holds
 *     0..chunk size - 1 bytes (an empty final chunk follows when the plaintext length is
 *     a multiple of the chunk size, so the writer never has to look ahead).
 */
export const BLOB_FORMAT_VERSION = 1;
export const BLOB_CHUNK_SIZE = 64 * 1024;
export const BLOB_ID_LENGTH = 16;
export const BLOB_NONCE_PREFIX_LENGTH = 7;
export const BLOB_TAG_LENGTH = 16;
export const BLOB_HEADER_LENGTH = 1 + 4 + BLOB_ID_LENGTH + BLOB_NONCE_PREFIX_LENGTH + WRAPPED_KEY_LENGTH;
/** Readers accept chunk sizes in this range (bounds memory a hostile header can demand). */
export const BLOB_MIN_CHUNK_SIZE = 16;
export const BLOB_MAX_CHUNK_SIZE = 4 * 1024 * 1024;
const MAX_CHUNKS = 2 ** 32;

const OFFSET_CHUNK_SIZE = 1;
const OFFSET_BLOB_ID = 5;
const OFFSET_NONCE_PREFIX = OFFSET_BLOB_ID + BLOB_ID_LENGTH;
const OFFSET_WRAPPED_KEY = OFFSET_NONCE_PREFIX + BLOB_NONCE_PREFIX_LENGTH;

export interface BlobHeader {
  readonly version: number;
  readonly chunkSize: number;
  readonly blobId: Buffer;
  readonly noncePrefix: Buffer;
  readonly wrappedKey: Buffer;
}

export function encodeBlobHeader(header: Omit<BlobHeader, 'version'>): Buffer {
  const out = Buffer.alloc(BLOB_HEADER_LENGTH);
  out[0] = BLOB_FORMAT_VERSION;
  out.writeUInt32BE(header.chunkSize, OFFSET_CHUNK_SIZE);
  header.blobId.copy(out, OFFSET_BLOB_ID);
  header.noncePrefix.copy(out, OFFSET_NONCE_PREFIX);
  header.wrappedKey.copy(out, OFFSET_WRAPPED_KEY);
  return out;
}

/** Structural parse only; authenticity is established when the key unwraps and chunks verify. */
export function decodeBlobHeader(bytes: Buffer): BlobHeader {
  if (bytes.length !== BLOB_HEADER_LENGTH || bytes[0] !== BLOB_FORMAT_VERSION) {
    throw new CryptoError('MALFORMED', 'The blob header has an unknown format.');
  }
  const chunkSize = bytes.readUInt32BE(OFFSET_CHUNK_SIZE);
  if (chunkSize < BLOB_MIN_CHUNK_SIZE || chunkSize > BLOB_MAX_CHUNK_SIZE) {
    throw new CryptoError('MALFORMED', 'The blob header has an invalid chunk size.');
  }
  return {
    version: BLOB_FORMAT_VERSION,
    chunkSize,
    blobId: bytes.subarray(OFFSET_BLOB_ID, OFFSET_NONCE_PREFIX),
    noncePrefix: bytes.subarray(OFFSET_NONCE_PREFIX, OFFSET_WRAPPED_KEY),
    wrappedKey: bytes.subarray(OFFSET_WRAPPED_KEY),
  };
}

/** Writes the 12-byte nonce of chunk `index` into `out` (reused to avoid per-chunk allocation). */
export function writeChunkNonce(out: Buffer, noncePrefix: Buffer, index: number, isFinal: boolean): void {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_CHUNKS) {
    throw new RangeError('chunk index out of range');
  }
  noncePrefix.copy(out, 0, 0, BLOB_NONCE_PREFIX_LENGTH);
  out.writeUInt32BE(index, BLOB_NONCE_PREFIX_LENGTH);
  out[BLOB_NONCE_PREFIX_LENGTH + 4] = isFinal ? 1 : 0;
}

export interface ChunkLayout {
  /** Number of stored chunks, including the final one. */
  readonly count: number;
  /** Stored length (ciphertext + tag) of the final chunk, 16..chunkSize+15. */
  readonly finalStoredLength: number;
  /** Total plaintext length. */
  readonly plaintextLength: number;
}

/**
 * Derives the chunk layout from the file size alone. Returns null when the size cannot
 * be a valid blob (e.g. truncated inside a tag); truncation at a chunk boundary is not
 * visible here but is caught by the final-flag in the nonce.
 */
export function chunkLayoutForFileSize(fileSize: number, chunkSize: number): ChunkLayout | null {
  const body = fileSize - BLOB_HEADER_LENGTH;
  if (body < BLOB_TAG_LENGTH) {
    return null;
  }
  const stored = chunkSize + BLOB_TAG_LENGTH;
  const finalStoredLength = body % stored;
  if (finalStoredLength < BLOB_TAG_LENGTH) {
    return null;
  }
  const count = Math.floor(body / stored) + 1;
  if (count > MAX_CHUNKS) {
    return null;
  }
  return { count, finalStoredLength, plaintextLength: body - count * BLOB_TAG_LENGTH };
}
