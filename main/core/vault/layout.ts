import path from 'node:path';

/**
 * File names inside a vault folder (part of the on-disk format, docs/vault-format.md):
 *   vault.json            plaintext header
 *   vault.lock            present while a process has the vault open
 *   vault.db (+ -wal, -shm)  SQLCipher database
 *   blobs/<2 hex>/<32 hex>   encrypted blobs
 *   blobs/tmp/               blobs being written
 */
export const HEADER_FILE = 'vault.json';
export const LOCK_FILE = 'vault.lock';
export const DATABASE_FILE = 'vault.db';
export const BLOBS_DIR = 'blobs';
export const BLOB_TMP_DIR = 'tmp';

export function headerPath(dir: string): string {
  return path.join(dir, HEADER_FILE);
}

export function lockPath(dir: string): string {
  return path.join(dir, LOCK_FILE);
}

export function databasePath(dir: string): string {
  return path.join(dir, DATABASE_FILE);
}

export function blobsRoot(dir: string): string {
  return path.join(dir, BLOBS_DIR);
}

export function blobTmpDir(dir: string): string {
  return path.join(dir, BLOBS_DIR, BLOB_TMP_DIR);
}
