/**
 * `backup --to DIR`: a backup folder kept up to date. Each run writes a fresh database snapshot,
 * vault.json and manifest, but copies only blobs the folder does not hold yet (blobs never change
 * once stored, so a listed blob of the right size is the same blob). The whole folder is then read
 * back and judged; a blob found damaged there is copied again from the vault, once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { BackupReport } from '../../../shared/domain';
import { CoreError } from '../core-error';
import type { BackupManifestKey } from '../crypto/secret-keys';
import { zeroizeKey } from '../crypto/secret-keys';
import { fsyncDirectory, writeFileAtomic } from '../vault/atomic-file';
import { blobFilePath } from '../vault/blob-paths';
import type { OpenVault } from '../vault/vault';
import { backupDamagedError, claimedManifest, judgeBackup } from './judge-backup';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, MANIFEST_FILE, MANIFEST_HMAC_FILE, manifestHmac, serializeManifest, type BackupManifest, type BackupMember } from './manifest';
import { readBackupFolder } from './read-backup';
import { blobMemberName, takeSnapshot } from './snapshot';
import { assertOutsideVault } from './targets';
import { anchorSeq, type BackupRun } from './write-backup-file';

const CHUNK = 1024 * 1024;

export async function writeBackupFolder(vault: OpenVault, dir: string, run: BackupRun): Promise<BackupReport> {
  const target = path.resolve(dir);
  assertOutsideVault(vault.dir, target);
  const key = vault.backupManifestKey();
  try {
    const previous = await previousManifest(target, key, vault.vaultId);
    await mkdir(path.join(target, 'blobs'), { recursive: true, mode: 0o700 });
    run.progress.set({ phase: 'scanning' });
    const snapshot = await takeSnapshot(vault, path.join(target, `vault.db.next-${randomBytes(6).toString('hex')}`));
    try {
      const known = new Map((previous?.members ?? []).map((m) => [m.name, m]));
      const members: BackupMember[] = [memberOf('vault.json', snapshot.headerBytes), await hashFile('vault.db', snapshot.dbFile)];
      const toCopy: string[] = [];
      for (const id of snapshot.blobIds) {
        const name = blobMemberName(id);
        const before = known.get(name);
        const size = (await stat(path.join(target, name)).catch(() => null))?.size;
        if (before && size === before.size) members.push(before);
        else toCopy.push(id);
      }
      const copyBytes = await sum(toCopy.map((id) => stat(blobFilePath(vault.dir, id)).then((s) => s.size)));
      const allBytes = snapshot.dbSize + members.slice(2).reduce((n, m) => n + m.size, 0) + copyBytes;
      let bytesDone = 0;
      const onBytes = (n: number): void => { bytesDone += n; run.progress.set({ bytesDone }); };
      run.progress.set({ phase: 'working', filesTotal: toCopy.length, filesDone: 0, bytesTotal: copyBytes + allBytes, bytesDone: 0 });
      for (const [i, id] of toCopy.entries()) {
        if (run.signal.aborted) throw new CoreError('CANCELLED');
        members.push(await copyBlob(vault, target, id, onBytes));
        run.progress.set({ filesDone: i + 1 });
      }
      await writeFileAtomic(path.join(target, 'vault.json'), snapshot.headerBytes);
      await rename(snapshot.dbFile, path.join(target, 'vault.db'));
      const createdAt = new Date().toISOString();
      const manifest: BackupManifest = { magic: BACKUP_MAGIC, formatVersion: BACKUP_FORMAT_VERSION, vaultId: vault.vaultId, createdAt, layout: 'folder', anchor: snapshot.anchor, members };
      const manifestBytes = serializeManifest(manifest);
      await writeFileAtomic(path.join(target, MANIFEST_FILE), manifestBytes);
      await writeFileAtomic(path.join(target, MANIFEST_HMAC_FILE), manifestHmac(key, manifestBytes));
      run.progress.set({ phase: 'finishing' });
      await checkAndRepair(vault, target, key, run, onBytes);
      await vault.events.append('backup', { layout: 'folder', blobs: snapshot.blobIds.length, copiedBlobs: toCopy.length, anchorSeq: anchorSeq(snapshot.anchor) });
      return { layout: 'folder', blobs: snapshot.blobIds.length, copiedBlobs: toCopy.length, bytesWritten: copyBytes + snapshot.dbSize, anchor: snapshot.anchor, createdAt };
    } finally {
      await snapshot.remove();
    }
  } finally {
    zeroizeKey(key);
  }
}

/** The folder's authentic manifest; null for a new or empty folder. Refuses anything else. */
async function previousManifest(target: string, key: BackupManifestKey, vaultId: string): Promise<BackupManifest | null> {
  const entries = await readdir(target).catch(() => null);
  if (entries === null) {
    if (existsSync(target)) throw new CoreError('FOLDER_NOT_EMPTY', 'This is not a folder. Choose an empty folder, or the backup folder you used before.');
    return null;
  }
  if (!entries.includes(MANIFEST_FILE)) {
    if (entries.length === 0) return null;
    if (entries.includes('vault.json')) throw new CoreError('VAULT_EXISTS', 'This folder holds a vault, not a backup. Choose an empty folder, or the backup folder you used before.');
    throw new CoreError('FOLDER_NOT_EMPTY', 'This folder already holds other files. Choose an empty folder, or the backup folder you used before.');
  }
  const contents = await readBackupFolder(target, { writer: null, onBytes: () => undefined, signal: new AbortController().signal });
  const claimed = claimedManifest(contents);
  if (claimed && claimed.vaultId !== vaultId) throw new CoreError('BAD_REQUEST', 'This backup folder belongs to another vault. Choose an empty folder, or this vault’s own backup folder.');
  // Not authentic (a crash mid-update, or damage): trust nothing in it and copy every blob again.
  return judgeBackup(contents, key, vaultId).manifest;
}

async function checkAndRepair(vault: OpenVault, target: string, key: BackupManifestKey, run: BackupRun, onBytes: (n: number) => void): Promise<void> {
  const read = () => readBackupFolder(target, { writer: null, onBytes, signal: run.signal });
  let judged = judgeBackup(await read(), key, vault.vaultId);
  const blobs = judged.problems.filter((p) => p.name.startsWith('blobs/'));
  if (judged.manifest && blobs.length > 0 && blobs.length === judged.problems.length) {
    for (const p of blobs) {
      const copied = await copyBlob(vault, target, p.name.split('/')[2]!, onBytes);
      const listed = judged.manifest.members.find((m) => m.name === p.name);
      if (!listed || listed.sha256 !== copied.sha256) throw backupDamagedError(judged.problems);
    }
    judged = judgeBackup(await read(), key, vault.vaultId);
  }
  if (judged.problems.length > 0) throw backupDamagedError(judged.problems);
}

/** Copies one blob file as it is, through a `.partial-*` name renamed into place. */
async function copyBlob(vault: OpenVault, target: string, blobId: string, onBytes: (n: number) => void): Promise<BackupMember> {
  const name = blobMemberName(blobId);
  const dest = path.join(target, ...name.split('/'));
  await mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
  const partial = `${dest}.partial-${randomBytes(6).toString('hex')}`;
  const input = await open(blobFilePath(vault.dir, blobId), 'r').catch(() => {
    throw new CoreError('CANCELLED', 'Files were removed from the vault while the backup was being made. Your vault is fine: make the backup again.');
  });
  const hash = createHash('sha256');
  let size = 0;
  try {
    const out = await open(partial, 'wx', 0o600);
    try {
      size = await forEachChunk(input, async (chunk, at) => {
        hash.update(chunk);
        await out.write(chunk, 0, chunk.length, at);
        onBytes(chunk.length);
      });
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(partial, dest);
    await fsyncDirectory(path.dirname(dest));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await input.close();
  }
  return { name, size, sha256: hash.digest('hex') };
}

function memberOf(name: string, bytes: Buffer): BackupMember {
  return { name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function hashFile(name: string, file: string): Promise<BackupMember> {
  const input = await open(file, 'r');
  const hash = createHash('sha256');
  try {
    const size = await forEachChunk(input, (chunk) => { hash.update(chunk); });
    return { name, size, sha256: hash.digest('hex') };
  } finally {
    await input.close();
  }
}

/** Reads `input` from the start in CHUNK pieces, handing each (and its offset) on; returns the size. */
async function forEachChunk(input: FileHandle, each: (chunk: Buffer, at: number) => Promise<void> | void): Promise<number> {
  const chunk = Buffer.alloc(CHUNK);
  let size = 0;
  for (;;) {
    const { bytesRead } = await input.read(chunk, 0, CHUNK, size);
    if (bytesRead === 0) return size;
    await each(chunk.subarray(0, bytesRead), size);
    size += bytesRead;
  }
}

async function sum(values: Promise<number>[]): Promise<number> {
  return (await Promise.all(values)).reduce((a, b) => a + b, 0);
}
