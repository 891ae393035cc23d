import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BLOB_ID_LENGTH } from '../crypto/blob-format';
import { blobsRoot } from './layout';

const BLOB_ID_PATTERN = /^[0-9a-f]{32}$/;
const SHARD_PATTERN = /^[0-9a-f]{2}$/;

/**
 * Blob ids are 128 random bits in lowercase hex. Random rather than a hash of the
 * plaintext: a content hash as file name would let anyone holding a copy of a scan test
 * whether it is in the vault.
 */
export function newBlobId(): string {
  return randomBytes(BLOB_ID_LENGTH).toString('hex');
}

export function isBlobId(value: string): boolean {
  return BLOB_ID_PATTERN.test(value);
}

export function isShardName(value: string): boolean {
  return SHARD_PATTERN.test(value);
}

/** <vault>/blobs/<first 2 hex>/<id>: 256 shards keep directories small. */
export function blobFilePath(vaultDir: string, blobId: string): string {
  return path.join(blobsRoot(vaultDir), blobId.slice(0, 2), blobId);
}
