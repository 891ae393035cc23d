/**
 * `restore FILE|DIR --vault NEWDIR`: unpacks a backup into a new, empty folder, proves every member
 * against the authenticated manifest, writes vault.json last (it is what makes the folder a vault,
 * so a failed restore leaves no half-vault), then opens the result with the passphrase and runs
 * the full verify, including that the history log holds the backup's anchor. The passphrase or
 * the recovery key of the backed-up vault opens both the backup and the result.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RestoreReport } from '../../../shared/domain';
import { CoreError } from '../core-error';
import { PRODUCTION_KDF_POLICY, type KdfPolicy } from '../crypto/kdf-policy';
import { zeroizeKey, type BackupManifestKey } from '../crypto/secret-keys';
import { deriveBackupManifestKey } from '../crypto/subkeys';
import type { ProgressSink } from '../jobs/job-runner';
import { writeFileAtomic } from '../vault/atomic-file';
import { blobTmpDir } from '../vault/layout';
import { unlockWithPassphrase, unlockWithRecoveryKey } from '../vault/unlock';
import { isVaultError, openVault, openVaultForCheckWithRecoveryKey } from '../vault/vault';
import { parseVaultHeader, type VaultHeader } from '../vault/vault-header';
import { runVerify } from '../verify/run-verify';
import { backupDamagedError, claimedManifest, judgeBackup } from './judge-backup';
import { MANIFEST_FILE } from './manifest';
import { peekBackup, readBackupFile, readBackupFolder, type BackupContents, type MemberWriter } from './read-backup';
import { assertRestoreTarget } from './targets';

export interface RestoreOptions {
  source: string;
  target: string;
  /** The backed-up vault's passphrase or recovery key. */
  secret: { passphrase: string } | { recoveryKey: string };
  kdfPolicy?: KdfPolicy | undefined;
  signal: AbortSignal;
  progress: ProgressSink;
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreReport> {
  const source = path.resolve(opts.source);
  const target = path.resolve(opts.target);
  const info = await stat(source).catch(() => null);
  if (!info) throw new CoreError('PATH_NOT_FOUND', 'The backup could not be found. Check that the drive is connected and the name is right.');
  await assertRestoreTarget(target);
  const createdDir = !existsSync(target);
  await mkdir(path.join(target, 'blobs'), { recursive: true, mode: 0o700 });
  let committed = false;
  try {
    const peek = await peekBackup(source, info.isDirectory());
    const header = headerOf(peek.contents);
    const key = await manifestKey(peek.contents, header, opts); // a wrong passphrase is said before anything is copied
    let manifest;
    try {
      const bytesTotal = info.isDirectory() ? folderBytes(peek.contents) : info.size;
      opts.progress.set({ phase: 'working', bytesTotal, filesTotal: peek.members, bytesDone: 0, filesDone: 0 });
      let bytesDone = 0;
      let filesDone = 0;
      const contents = await (info.isDirectory() ? readBackupFolder : readBackupFile)(source, {
        writer: writerInto(target),
        onBytes: (n: number) => { bytesDone += n; opts.progress.set({ bytesDone }); },
        onMember: () => { filesDone++; opts.progress.set({ filesDone }); },
        signal: opts.signal,
      });
      const judged = judgeBackup(contents, key, header.vaultId);
      // vault.json was read twice (the quick look, then in full): both must be the bytes the manifest lists.
      if (contents.headerBytes === null || !contents.headerBytes.equals(peek.contents.headerBytes!)) judged.problems.push({ name: 'vault.json', problem: 'damaged' });
      if (judged.problems.length > 0 || !judged.manifest) throw backupDamagedError(judged.problems.length > 0 ? judged.problems : [{ name: MANIFEST_FILE, problem: 'damaged' }]);
      manifest = judged.manifest;
    } finally {
      zeroizeKey(key);
    }
    await writeFileAtomic(path.join(target, 'vault.json'), peek.contents.headerBytes!);
    committed = true;
    await mkdir(blobTmpDir(target), { recursive: true, mode: 0o700 });
    const policy = opts.kdfPolicy ? { kdfPolicy: opts.kdfPolicy } : {};
    const vault = 'passphrase' in opts.secret
      ? await openVault({ dir: target, passphrase: opts.secret.passphrase, ...policy })
      : await openVaultForCheckWithRecoveryKey({ dir: target, recoveryKey: opts.secret.recoveryKey, ...policy });
    try {
      const verifyReport = await runVerify(vault, { signal: opts.signal, progress: opts.progress, anchor: manifest.anchor ?? undefined });
      const blobs = manifest.members.filter((m) => m.name.startsWith('blobs/')).length;
      if (verifyReport.ok) await vault.events.append('restore', { blobs, anchorSeq: manifest.anchor === null ? 0 : Number(manifest.anchor.split(':')[0]) });
      return { blobs, anchor: manifest.anchor, verifyReport };
    } finally {
      vault.close();
    }
  } catch (error) {
    if (!committed) await removeRestored(target, createdDir);
    throw error;
  }
}

function headerOf(contents: BackupContents): VaultHeader {
  if (!contents.manifestBytes && !contents.headerBytes && contents.seen.size === 0) {
    throw new CoreError('NOT_A_BACKUP', contents.layout === 'folder' && contents.broken === null
      ? 'This folder is not a ScanVault backup (it has no manifest.json). If it is a vault folder, open it directly instead of restoring it.'
      : undefined);
  }
  if (!contents.headerBytes) throw backupDamagedError([{ name: 'vault.json', problem: 'missing' }]);
  try {
    return parseVaultHeader(contents.headerBytes.toString('utf8'));
  } catch {
    throw backupDamagedError([{ name: 'vault.json', problem: 'damaged' }]);
  }
}

/** Unlocks the backup's own header with the passphrase or recovery key: the key its manifest is signed with. */
async function manifestKey(contents: BackupContents, header: VaultHeader, opts: RestoreOptions): Promise<BackupManifestKey> {
  let master;
  try {
    master = 'passphrase' in opts.secret
      ? await unlockWithPassphrase(header, opts.secret.passphrase, opts.kdfPolicy ?? PRODUCTION_KDF_POLICY)
      : unlockWithRecoveryKey(header, opts.secret.recoveryKey);
  } catch (error) {
    // A changed vault.json also fails to unlock: say "damaged" when it no longer matches the list of contents.
    const claimed = claimedManifest(contents)?.members.find((m) => m.name === 'vault.json');
    const actual = createHash('sha256').update(contents.headerBytes!).digest('hex');
    const wrong = isVaultError(error, 'WRONG_PASSPHRASE') || isVaultError(error, 'WRONG_RECOVERY_KEY');
    if (wrong && claimed && claimed.sha256 !== actual) throw backupDamagedError([{ name: 'vault.json', problem: 'damaged' }]);
    if (isVaultError(error, 'WRONG_PASSPHRASE')) throw new CoreError('WRONG_PASSPHRASE', 'That passphrase does not open this backup. Use the passphrase the vault had when the backup was made, or its recovery key.');
    throw error;
  }
  const key = deriveBackupManifestKey(master, header.vaultId);
  zeroizeKey(master);
  return key;
}

/** Members go straight to their place in the new folder (they are encrypted as they are). */
function writerInto(target: string): MemberWriter {
  return async (name) => {
    const file = path.join(target, ...name.split('/'));
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const handle = await open(file, 'wx', 0o600);
    let at = 0;
    return {
      write: async (chunk) => { await handle.write(chunk, 0, chunk.length, at); at += chunk.length; },
      close: async () => { await handle.sync(); await handle.close(); },
    };
  };
}

/** For the progress bar only: what the (not yet authenticated) manifest lists. */
function folderBytes(contents: BackupContents): number {
  return claimedManifest(contents)?.members.reduce((n, m) => n + m.size, 0) ?? 0;
}

/** Only what this restore made: the folder was missing or empty before. */
async function removeRestored(target: string, createdDir: boolean): Promise<void> {
  if (createdDir) {
    await rm(target, { recursive: true, force: true });
    return;
  }
  for (const name of ['vault.db', 'vault.db-wal', 'vault.db-shm', 'blobs', 'vault.json']) await rm(path.join(target, name), { recursive: true, force: true });
}
