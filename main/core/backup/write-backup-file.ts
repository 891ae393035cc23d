/**
 * `backup --out FILE`: one ustar file holding vault.json, the keyed database snapshot, every
 * listed blob exactly as stored (never re-encrypted), then manifest.json and manifest.hmac. It is
 * written to a `.partial-*` sibling, read back and judged against its manifest, and only then
 * linked to FILE (link, not rename: an existing FILE is never replaced).
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { BackupReport } from '../../../shared/domain';
import { CoreError } from '../core-error';
import { zeroizeKey } from '../crypto/secret-keys';
import type { ProgressSink } from '../jobs/job-runner';
import { fsyncDirectory } from '../vault/atomic-file';
import { blobFilePath } from '../vault/blob-paths';
import { blobTmpDir } from '../vault/layout';
import type { OpenVault } from '../vault/vault';
import { assertOutsideVault, assertNewFile } from './targets';
import { backupDamagedError, judgeBackup } from './judge-backup';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, MANIFEST_FILE, MANIFEST_HMAC_FILE, manifestHmac, serializeManifest, type BackupMember } from './manifest';
import { readBackupFile } from './read-backup';
import { blobFileSize, blobMemberName, takeSnapshot } from './snapshot';
import { BLOCK, MAX_MEMBER_SIZE, paddingFor, tarHeader } from './tar';

export interface BackupRun { signal: AbortSignal; progress: ProgressSink }

const CHUNK = 1024 * 1024;

export async function writeBackupFile(vault: OpenVault, outFile: string, run: BackupRun): Promise<BackupReport> {
  const target = path.resolve(outFile);
  assertOutsideVault(vault.dir, target);
  await assertNewFile(target);
  run.progress.set({ phase: 'scanning' });
  const snapshot = await takeSnapshot(vault, path.join(blobTmpDir(vault.dir), `backup-${randomBytes(8).toString('hex')}.db`));
  const partial = `${target}.partial-${randomBytes(6).toString('hex')}`;
  const key = vault.backupManifestKey();
  try {
    const sizes = await Promise.all(snapshot.blobIds.map((id) => blobFileSize(vault, id)));
    if (sizes.reduce((a, b) => Math.max(a, b), snapshot.dbSize) > MAX_MEMBER_SIZE) {
      throw new CoreError('BAD_REQUEST', 'A file in the vault is larger than a backup file can hold (8 GB). Use a backup folder instead.');
    }
    const dataBytes = snapshot.headerBytes.length + snapshot.dbSize + sizes.reduce((a, b) => a + b, 0);
    let bytesDone = 0;
    const onBytes = (n: number): void => { bytesDone += n; run.progress.set({ bytesDone }); };
    run.progress.set({ phase: 'working', filesTotal: snapshot.blobIds.length, filesDone: 0, bytesTotal: dataBytes * 2, bytesDone: 0 });
    const members: BackupMember[] = [];
    const handle = await open(partial, 'wx', 0o600);
    let offset = 0;
    const append = async (bytes: Buffer): Promise<void> => { await handle.write(bytes, 0, bytes.length, offset); offset += bytes.length; };
    try {
      const mtime = Date.now() / 1000;
      const addBuffer = async (name: string, bytes: Buffer): Promise<void> => {
        await append(tarHeader(name, bytes.length, mtime));
        await append(bytes);
        await append(Buffer.alloc(paddingFor(bytes.length)));
      };
      await addBuffer('vault.json', snapshot.headerBytes);
      members.push(memberOf('vault.json', snapshot.headerBytes));
      onBytes(snapshot.headerBytes.length);
      members.push(await addFile(handle, 'vault.db', snapshot.dbFile, snapshot.dbSize, offset, mtime, onBytes));
      offset += BLOCK + snapshot.dbSize + paddingFor(snapshot.dbSize);
      for (const [i, id] of snapshot.blobIds.entries()) {
        if (run.signal.aborted) throw new CoreError('CANCELLED');
        const size = sizes[i]!;
        members.push(await addFile(handle, blobMemberName(id), blobFilePath(vault.dir, id), size, offset, mtime, onBytes));
        offset += BLOCK + size + paddingFor(size);
        run.progress.set({ filesDone: i + 1 });
      }
      const createdAt = new Date().toISOString();
      const manifestBytes = serializeManifest({ magic: BACKUP_MAGIC, formatVersion: BACKUP_FORMAT_VERSION, vaultId: vault.vaultId, createdAt, layout: 'file', anchor: snapshot.anchor, members });
      await addBuffer(MANIFEST_FILE, manifestBytes);
      await addBuffer(MANIFEST_HMAC_FILE, manifestHmac(key, manifestBytes));
      await append(Buffer.alloc(BLOCK * 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    run.progress.set({ phase: 'finishing' });
    const reread = await readBackupFile(partial, { writer: null, onBytes, signal: run.signal });
    const judged = judgeBackup(reread, key, vault.vaultId);
    if (judged.problems.length > 0 || !judged.manifest) throw backupDamagedError(judged.problems);
    await link(partial, target);
    await fsyncDirectory(path.dirname(target));
    await vault.events.append('backup', { layout: 'file', blobs: snapshot.blobIds.length, copiedBlobs: snapshot.blobIds.length, anchorSeq: anchorSeq(snapshot.anchor) });
    return { layout: 'file', blobs: snapshot.blobIds.length, copiedBlobs: snapshot.blobIds.length, bytesWritten: offset, anchor: snapshot.anchor, createdAt: judged.manifest.createdAt };
  } finally {
    zeroizeKey(key);
    await rm(partial, { force: true });
    await snapshot.remove();
  }
}

export function anchorSeq(anchor: string | null): number {
  return anchor === null ? 0 : Number(anchor.split(':')[0]);
}

function changedWhileCopied(): CoreError {
  return new CoreError('CANCELLED', 'A stored file changed while the backup was being made, so this backup was not kept. Make the backup again; if this happens again, run “Check vault”.');
}

function memberOf(name: string, bytes: Buffer): BackupMember {
  return { name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Streams `source` (of `size` bytes, checked) into the archive at `offset` as member `name`. */
async function addFile(out: FileHandle, name: string, source: string, size: number, offset: number, mtime: number, onBytes: (n: number) => void): Promise<BackupMember> {
  await out.write(tarHeader(name, size, mtime), 0, BLOCK, offset);
  const input = await open(source, 'r');
  const hash = createHash('sha256');
  try {
    const chunk = Buffer.alloc(CHUNK);
    let done = 0;
    for (;;) {
      const { bytesRead } = await input.read(chunk, 0, CHUNK, done);
      if (bytesRead === 0) break;
      if (done + bytesRead > size) throw changedWhileCopied();
      const part = chunk.subarray(0, bytesRead);
      hash.update(part);
      await out.write(part, 0, bytesRead, offset + BLOCK + done);
      done += bytesRead;
      onBytes(bytesRead);
    }
    if (done !== size) throw changedWhileCopied();
  } finally {
    await input.close();
  }
  const pad = paddingFor(size);
  if (pad > 0) await out.write(Buffer.alloc(pad), 0, pad, offset + BLOCK + size);
  return { name, size, sha256: hash.digest('hex') };
}
