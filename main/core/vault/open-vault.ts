import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { constantTimeEqual } from '../crypto/constant-time';
import { isCryptoError } from '../crypto/crypto-error';
import type { KdfCost, KdfPolicy } from '../crypto/kdf-policy';
import { unwrapMasterKey } from '../crypto/key-wrap';
import { derivePassphraseKek } from '../crypto/passphrase-kdf';
import { zeroizeKey } from '../crypto/secret-keys';
import type { BackupManifestKey } from '../crypto/secret-keys';
import { deriveBackupManifestKey } from '../crypto/subkeys';
import { BlobStore } from './blob-store';
import { allBlobIds } from '../db/blobs';
import type { VaultDatabase } from '../db/database';
import { WriteScheduler } from '../db/write-scheduler';
import { VaultError } from './errors';
import { EventLog } from './event-log';
import type { EventDetails } from './event-log';
import type { KeyRing } from './key-ring';
import { HEADER_FILE, databasePath } from './layout';
import { checkpointWal } from '../db/integrity';
import { sweepDatabasePages, type PageSweepResult } from '../verify/page-sweep';
import { assertKdfAllowed, wrapForPassphrase } from './unlock';
import { writeVaultHeader } from './vault-header';
import type { VaultHeader } from './vault-header';
import type { VaultLock } from './vault-lock';

export interface OpenVault {
  readonly dir: string;
  readonly vaultId: string;
  /** The decrypted database, for reads (db/ functions). Throws VAULT_LOCKED after close(). */
  readonly db: VaultDatabase;
  /** Every write goes through here: one transaction at a time, never across an await. */
  readonly writes: WriteScheduler;
  readonly blobs: BlobStore;
  readonly events: EventLog;
  readonly isOpen: boolean;
  /** Re-wraps the master key under a new passphrase (fresh salt); data is not re-encrypted. */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void>;
  /** Deletes blob files without a `blobs` row and leftover temp files. Do not run during an import. */
  sweepOrphans(): Promise<{ removedBlobs: number; removedTemp: number }>;
  /** Checks every database page's HMAC (verify/page-sweep.ts) at a moment no write can commit. */
  checkDatabasePages(): Promise<PageSweepResult>;
  /** A fresh copy of the key that authenticates backup manifests; the caller zeroes it. Never log this. */
  backupManifestKey(): BackupManifestKey;
  /** Closes the database, zeroes keys, releases the lock. Idempotent. */
  close(): void;
}

export interface UnlockedVaultParts {
  readonly dir: string;
  readonly header: VaultHeader;
  readonly keys: KeyRing;
  readonly db: VaultDatabase;
  readonly lock: VaultLock;
  readonly kdfPolicy: KdfPolicy;
}

const HEADER_TEMP_PATTERN = new RegExp(`^${HEADER_FILE.replace('.', '\\.')}\\.tmp-[0-9a-f]{16}$`);

export class UnlockedVault implements OpenVault {
  readonly dir: string;
  readonly vaultId: string;
  private header: VaultHeader;
  private readonly keys: KeyRing;
  private readonly database: VaultDatabase;
  private readonly lock: VaultLock;
  private readonly kdfPolicy: KdfPolicy;
  private readonly blobStore: BlobStore;
  private readonly eventLog: EventLog;
  private readonly writeScheduler: WriteScheduler;
  /** Serialises header rewrites (two passphrase changes must not interleave). */
  private headerQueue: Promise<unknown> = Promise.resolve();

  constructor(parts: UnlockedVaultParts) {
    this.dir = parts.dir;
    this.vaultId = parts.header.vaultId;
    this.header = parts.header;
    this.keys = parts.keys;
    this.database = parts.db;
    this.lock = parts.lock;
    this.kdfPolicy = parts.kdfPolicy;
    this.writeScheduler = new WriteScheduler(parts.db, () => new VaultError('VAULT_LOCKED'));
    this.eventLog = new EventLog(this.writeScheduler, parts.db);
    this.blobStore = new BlobStore({
      vaultDir: parts.dir,
      vaultId: parts.header.vaultId,
      wrappingKey: () => this.keys.blobWrappingKey(),
    });
  }

  get isOpen(): boolean {
    return !this.keys.isLocked;
  }

  get db(): VaultDatabase {
    this.assertOpen();
    return this.database;
  }

  get writes(): WriteScheduler {
    this.assertOpen();
    return this.writeScheduler;
  }

  get blobs(): BlobStore {
    this.assertOpen();
    return this.blobStore;
  }

  get events(): EventLog {
    this.assertOpen();
    return this.eventLog;
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    this.assertOpen();
    assertKdfAllowed(this.header.kdf, this.kdfPolicy);
    await this.serializeHeaderWork(async () => {
      await this.verifyPassphrase(oldPassphrase);
      await this.rewrapPassphraseSlot(newPassphrase, this.header.kdf, { method: 'passphrase' });
    });
  }

  /** Sets a passphrase without knowing the old one (used after unlocking with the recovery key). */
  async replacePassphrase(newPassphrase: string, cost: KdfCost, details: EventDetails): Promise<void> {
    this.assertOpen();
    assertKdfAllowed(cost, this.kdfPolicy);
    await this.serializeHeaderWork(() => this.rewrapPassphraseSlot(newPassphrase, cost, details));
  }

  async sweepOrphans(): Promise<{ removedBlobs: number; removedTemp: number }> {
    this.assertOpen();
    const known = allBlobIds(this.database);
    let removedBlobs = 0;
    for (const blobId of await this.blobStore.listOnDisk()) {
      if (!known.has(blobId) && (await this.blobStore.delete(blobId))) {
        removedBlobs += 1;
      }
    }
    const removedHeaderTemp = await this.serializeHeaderWork(() => this.removeHeaderTempFiles());
    const removedTemp = (await this.blobStore.removeTempFiles()) + removedHeaderTemp;
    return { removedBlobs, removedTemp };
  }

  async checkDatabasePages(): Promise<PageSweepResult> {
    this.assertOpen();
    // Between scheduled writes no transaction is open, so the WAL can be folded into vault.db first.
    try {
      if (!this.database.inTransaction) checkpointWal(this.database);
    } catch {
      // A damaged page can stop the checkpoint; the sweep below finds and reports it.
    }
    const dbFile = databasePath(this.dir);
    return this.writeScheduler.run(() => sweepDatabasePages(dbFile, `${dbFile}-wal`, this.keys.databaseKey()));
  }

  backupManifestKey(): BackupManifestKey {
    this.assertOpen();
    return deriveBackupManifestKey(this.keys.masterKey(), this.vaultId);
  }

  close(): void {
    if (this.keys.isLocked) {
      return;
    }
    this.writeScheduler.close();
    try {
      this.database.close();
    } finally {
      this.keys.lock();
      this.lock.release();
    }
  }

  /** Re-derives the old passphrase's KEK and checks it unwraps to the key we hold. */
  private async verifyPassphrase(passphrase: string): Promise<void> {
    this.assertOpen();
    const kek = await derivePassphraseKek(passphrase, this.header.kdf);
    let candidate;
    try {
      candidate = unwrapMasterKey(this.header.wrappedMasterKey.passphrase, kek, 'passphrase', this.header);
    } catch (error) {
      throw isCryptoError(error) ? new VaultError('WRONG_PASSPHRASE') : error;
    } finally {
      zeroizeKey(kek);
    }
    const same = constantTimeEqual(candidate, this.keys.masterKey());
    zeroizeKey(candidate);
    if (!same) {
      throw new VaultError('WRONG_PASSPHRASE');
    }
  }

  /**
   * Writes a new passphrase slot (fresh salt), then logs it. Header first: if the event
   * append failed, the change still happened, which beats a logged change that did not.
   */
  private async rewrapPassphraseSlot(newPassphrase: string, cost: KdfCost, details: EventDetails): Promise<void> {
    const { kdf, wrapped } = await wrapForPassphrase(this.keys.masterKey(), newPassphrase, cost, this.header);
    const next: VaultHeader = {
      ...this.header,
      kdf,
      wrappedMasterKey: { ...this.header.wrappedMasterKey, passphrase: wrapped },
    };
    await writeVaultHeader(this.dir, next);
    this.header = next;
    await this.eventLog.append('passphrase-changed', details);
  }

  private serializeHeaderWork<T>(task: () => Promise<T>): Promise<T> {
    const run = this.headerQueue.then(task);
    this.headerQueue = run.catch(() => undefined);
    return run;
  }

  private async removeHeaderTempFiles(): Promise<number> {
    const leftovers = (await readdir(this.dir)).filter((name) => HEADER_TEMP_PATTERN.test(name));
    await Promise.all(leftovers.map((name) => rm(path.join(this.dir, name), { force: true })));
    return leftovers.length;
  }

  private assertOpen(): void {
    if (this.keys.isLocked) {
      throw new VaultError('VAULT_LOCKED');
    }
  }
}
