/**
 * One consistent moment of the vault for a backup: the database copied with VACUUM INTO (keyed,
 * see db/backup.ts), the blob ids that copy lists, the anchor, and the header bytes, all taken in
 * one synchronous step so no write can land between them. Blobs are immutable once listed, so
 * they can be copied afterwards while imports go on.
 */
import { readFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { snapshotInto } from '../db/backup';
import type { OpenVault } from '../vault/vault';
import { headerPath } from '../vault/layout';
import { blobFilePath } from '../vault/blob-paths';
import { currentAnchor } from '../verify/anchor';
import { CoreError } from '../core-error';

export interface Snapshot {
  dbFile: string;
  dbSize: number;
  blobIds: string[];
  anchor: string | null;
  headerBytes: Buffer;
  remove(): Promise<void>;
}

export async function takeSnapshot(vault: OpenVault, dbFile: string): Promise<Snapshot> {
  const blobIds = snapshotInto(vault.db, dbFile);
  const anchor = currentAnchor(vault.db);
  const headerBytes = readFileSync(headerPath(vault.dir));
  const dbSize = (await stat(dbFile)).size;
  return { dbFile, dbSize, blobIds, anchor, headerBytes, remove: () => rm(dbFile, { force: true }) };
}

/** The size of a listed blob's file; a blob removed since the snapshot means the vault changed under the backup. */
export async function blobFileSize(vault: OpenVault, blobId: string): Promise<number> {
  const info = await stat(blobFilePath(vault.dir, blobId)).catch(() => null);
  if (!info?.isFile()) throw vaultChangedError();
  return info.size;
}

export function vaultChangedError(): CoreError {
  return new CoreError('CANCELLED', 'Files were removed from the vault while the backup was being made, so this backup was not kept. Your vault is fine: make the backup again.');
}

export function blobMemberName(blobId: string): string {
  return `blobs/${blobId.slice(0, 2)}/${blobId}`;
}
