import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { calibrateKdf } from '../crypto/calibrate-kdf';
import { PRODUCTION_KDF_POLICY, checkKdfCost } from '../crypto/kdf-policy';
import type { KdfCost, KdfPolicy } from '../crypto/kdf-policy';
import { wrapMasterKey } from '../crypto/key-wrap';
import { generateRecoveryKey } from '../crypto/recovery-key';
import { KEY_LENGTH, dangerousAsKey, zeroizeKey } from '../crypto/secret-keys';
import type { MasterKey } from '../crypto/secret-keys';
import { deriveRecoveryKek } from '../crypto/subkeys';
import { isCode } from './atomic-file';
import { openEncryptedDatabase } from '../db/database';
import type { VaultDatabase } from '../db/database';
import { HEADER_MISSING_MESSAGE, isHeaderlessVault } from './vault-presence';
import { VaultError } from './errors';
import { KeyRing } from './key-ring';
import { BLOBS_DIR, DATABASE_FILE, blobTmpDir, databasePath, headerPath } from './layout';
import { runMigrations } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { UnlockedVault } from './open-vault';
import { damagedOpenError } from '../verify/damage-at-open';
import type { OpenVault } from './open-vault';
import { assertKdfAllowed, unlockWithPassphrase, unlockWithRecoveryKey, wrapForPassphrase } from './unlock';
import { VAULT_FORMAT_VERSION, VAULT_MAGIC, readVaultHeader, writeVaultHeader } from './vault-header';
import type { VaultHeader } from './vault-header';
import { acquireVaultLock } from './vault-lock';
import { VAULT_DIR_MODE, createOwnerOnlyFile, restrictVaultFolder } from './permissions';
import type { VaultLock } from './vault-lock';

export type { OpenVault } from './open-vault';
export { VaultError, isVaultError } from './errors';
export type { VaultErrorCode } from './errors';
export { PRODUCTION_KDF_POLICY } from '../crypto/kdf-policy';
export type { KdfCost, KdfPolicy } from '../crypto/kdf-policy';

export interface CreateVaultOptions {
  readonly dir: string;
  readonly passphrase: string;
  /** Defaults to PRODUCTION_KDF_POLICY; tests pass a tiny one. */
  readonly kdfPolicy?: KdfPolicy;
  /** Argon2id cost; defaults to calibrateKdf() on this machine. */
  readonly kdfParams?: KdfCost;
}

export interface OpenVaultOptions {
  readonly dir: string;
  readonly passphrase: string;
  readonly kdfPolicy?: KdfPolicy;
}

export interface OpenWithRecoveryKeyOptions {
  readonly dir: string;
  readonly recoveryKey: string;
  readonly newPassphrase: string;
  readonly kdfPolicy?: KdfPolicy;
  /** Cost for the new passphrase; defaults to the header's (or a fresh calibration if that is too weak). */
  readonly kdfParams?: KdfCost;
}

/** Files some operating systems drop into any folder; they do not make a folder "non-empty". */
const IGNORABLE_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export function vaultExists(dir: string): boolean {
  try {
    return statSync(headerPath(dir)).isFile();
  } catch {
    return false;
  }
}

/**
 * Creates a vault in an empty (or missing) folder and returns it open, with the recovery
 * key to show the patient once. vault.json is written last: it is the commit point, so a
 * crash mid-way leaves no half-vault that would ask for a passphrase.
 */
export async function createVault(options: CreateVaultOptions): Promise<{ vault: OpenVault; recoveryKey: string }> {
  const policy = options.kdfPolicy ?? PRODUCTION_KDF_POLICY;
  await assertFolderUsable(options.dir); // before the slow calibration, so refusals are instant
  const cost = options.kdfParams ?? (await calibrateKdf());
  assertKdfAllowed(cost, policy);
  const createdDir = await prepareEmptyFolder(options.dir);
  const vaultId = randomBytes(16).toString('hex');
  const masterKey = dangerousAsKey<MasterKey>(randomBytes(KEY_LENGTH));
  const recovery = generateRecoveryKey();
  let lock: VaultLock | undefined;
  let vault: UnlockedVault | undefined;
  try {
    const binding = { vaultId, formatVersion: VAULT_FORMAT_VERSION };
    const passphraseSlot = await wrapForPassphrase(masterKey, options.passphrase, cost, binding);
    const recoveryKek = deriveRecoveryKek(recovery.bytes, vaultId);
    const recoveryWrapped = wrapMasterKey(masterKey, recoveryKek, 'recovery', binding);
    zeroizeKey(recoveryKek);
    const header: VaultHeader = {
      magic: VAULT_MAGIC,
      formatVersion: VAULT_FORMAT_VERSION,
      vaultId,
      createdAt: new Date().toISOString(),
      kdf: passphraseSlot.kdf,
      wrappedMasterKey: { passphrase: passphraseSlot.wrapped, recovery: recoveryWrapped },
    };
    lock = acquireVaultLock(options.dir);
    await restrictVaultFolder(options.dir);
    createOwnerOnlyFile(databasePath(options.dir));
    const keys = new KeyRing(masterKey, vaultId);
    const db = openEncryptedDatabase(databasePath(options.dir), keys.databaseKey(), { create: true });
    vault = new UnlockedVault({ dir: options.dir, header, keys, db, lock, kdfPolicy: policy });
    runMigrations(db);
    await vault.events.append('vault-created', {
      formatVersion: VAULT_FORMAT_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      kdf: { memoryKiB: cost.memoryKiB, iterations: cost.iterations, parallelism: cost.parallelism },
    });
    await mkdir(blobTmpDir(options.dir), { recursive: true, mode: VAULT_DIR_MODE });
    await writeVaultHeader(options.dir, header);
    return { vault, recoveryKey: recovery.formatted };
  } catch (error) {
    if (vault !== undefined) {
      vault.close();
    } else {
      zeroizeKey(masterKey);
      lock?.release();
    }
    await removePartialVault(options.dir, createdDir);
    throw error;
  } finally {
    zeroizeKey(recovery.bytes);
  }
}

/** Unlocks with the passphrase. A wrong passphrase is detected before anything on disk is touched. */
export async function openVault(options: OpenVaultOptions): Promise<OpenVault> {
  const policy = options.kdfPolicy ?? PRODUCTION_KDF_POLICY;
  const header = readVaultHeader(options.dir);
  const masterKey = await unlockWithPassphrase(header, options.passphrase, policy);
  return finishOpening(options.dir, header, masterKey, policy);
}

/**
 * Unlocks with the recovery key and sets a new passphrase (the patient has forgotten
 * the old one). The recovery slot stays unchanged, so the written key keeps working.
 */
export async function openVaultWithRecoveryKey(options: OpenWithRecoveryKeyOptions): Promise<OpenVault> {
  const policy = options.kdfPolicy ?? PRODUCTION_KDF_POLICY;
  const header = readVaultHeader(options.dir);
  if (options.kdfParams !== undefined) {
    assertKdfAllowed(options.kdfParams, policy);
  }
  const masterKey = unlockWithRecoveryKey(header, options.recoveryKey);
  const vault = await finishOpening(options.dir, header, masterKey, policy);
  try {
    const cost = options.kdfParams ?? (checkKdfCost(header.kdf, policy) === 'ok' ? header.kdf : await calibrateKdf());
    await vault.replacePassphrase(options.newPassphrase, cost, { method: 'recovery-key' });
  } catch (error) {
    vault.close();
    throw error;
  }
  return vault;
}

/**
 * Unlocks with the recovery key without setting a new passphrase: for checking a vault just
 * restored from a backup, whose passphrase the person may have forgotten (they set a new one when
 * they open it for use, with openVaultWithRecoveryKey).
 */
export async function openVaultForCheckWithRecoveryKey(options: { dir: string; recoveryKey: string; kdfPolicy?: KdfPolicy }): Promise<OpenVault> {
  const header = readVaultHeader(options.dir);
  return finishOpening(options.dir, header, unlockWithRecoveryKey(header, options.recoveryKey), options.kdfPolicy ?? PRODUCTION_KDF_POLICY);
}

/** Lock, database, migrations, orphan sweep; on any failure everything is released again. */
async function finishOpening(dir: string, header: VaultHeader, masterKey: MasterKey, policy: KdfPolicy): Promise<UnlockedVault> {
  const keys = new KeyRing(masterKey, header.vaultId);
  let lock: VaultLock | undefined;
  let db: VaultDatabase | undefined;
  try {
    lock = acquireVaultLock(dir);
    await restrictVaultFolder(dir);
    db = openEncryptedDatabase(databasePath(dir), keys.databaseKey(), { create: false });
  } catch (error) {
    const damage = lock ? damagedOpenError(dir, () => keys.databaseKey(), error) : null;
    keys.lock();
    lock?.release();
    throw damage ?? error;
  }
  const vault = new UnlockedVault({ dir, header, keys, db, lock, kdfPolicy: policy });
  try {
    runMigrations(db);
    await vault.sweepOrphans();
  } catch (error) {
    const damage = damagedOpenError(dir, () => keys.databaseKey(), error);
    vault.close();
    throw damage ?? error;
  }
  return vault;
}

/** Throws VAULT_EXISTS / FOLDER_NOT_EMPTY; a missing folder is fine. Changes nothing. */
async function assertFolderUsable(dir: string): Promise<void> {
  if (vaultExists(dir)) {
    throw new VaultError('VAULT_EXISTS');
  }
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT')) {
      return;
    }
    if (isCode(error, 'ENOTDIR')) {
      throw new VaultError('FOLDER_NOT_EMPTY');
    }
    throw error;
  }
  if (isHeaderlessVault(dir)) {
    throw new VaultError('FOLDER_NOT_EMPTY', HEADER_MISSING_MESSAGE);
  }
  if (entries.some((name) => !IGNORABLE_FILES.has(name))) {
    throw new VaultError('FOLDER_NOT_EMPTY');
  }
}

/** Re-checks (time has passed) and creates the folder; true when it did not exist before. */
async function prepareEmptyFolder(dir: string): Promise<boolean> {
  await assertFolderUsable(dir);
  if (existsSync(dir)) {
    return false;
  }
  await mkdir(dir, { recursive: true, mode: VAULT_DIR_MODE });
  return true;
}

/** Best effort: removes only what createVault makes, so nothing of the user's is touched. */
async function removePartialVault(dir: string, removeDir: boolean): Promise<void> {
  const ours = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-journal`];
  await Promise.all(ours.map((name) => rm(path.join(dir, name), { force: true })));
  await rm(path.join(dir, BLOBS_DIR), { recursive: true, force: true });
  if (removeDir && existsSync(dir)) {
    await rm(dir, { recursive: true, force: true });
  }
}
