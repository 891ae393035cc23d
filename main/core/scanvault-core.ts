import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { ApiHandlers, ApiOutput, ApiParsedInput } from '../../shared/api';
import type { HostKind, ImportReport, Status, VerifyReport } from '../../shared/domain';
import { estimateStrength } from '../../shared/passphrase-strength';
import { CoreError } from './core-error';
import { JobRunner } from './jobs';
import type { Logger } from './log';
import { runImport } from './import/run-import';
import { UploadStaging } from './import/upload-staging';
import { listLibrary } from './library/list-library';
import * as people from './people/people-handlers';
import { seriesThumbnail } from './library/thumbnail';
import { runVerify } from './verify/run-verify';
import { createVault, openVault, openVaultWithRecoveryKey, vaultExists, type OpenVault } from './vault/vault';
import type { KdfCost, KdfPolicy } from './crypto/kdf-policy';
import { AutoLock } from './auto-lock';
import { DigestPassRunner } from './digest-pass-runner';
import { checkVaultFolder, readRememberedVaultDir, rememberVaultDir } from './vault-folder';

export interface CoreOptions {
  /** The folder to start with (hosts resolve it with resolveVaultDir); setVaultFolder can switch it. */
  vaultDir: string;
  /** Where a folder chosen with setVaultFolder is remembered for the next launch; absent: not remembered. */
  settingsFile?: string;
  host: HostKind;
  log: Logger;
  nativeDialogs?: boolean;
  /** Tests may inject a fast KDF policy; production uses the default bounds. */
  kdfPolicy?: KdfPolicy;
  /** Tests only: a cheap Argon2id cost for new vaults (production calibrates on this machine). */
  kdfParams?: KdfCost;
  now?: () => number;
}

const DEFAULT_AUTO_LOCK_MINUTES = 10;
const FOLDER_MISSING = 'Your vault folder is not there. If it is on an external drive, connect the drive and try again, or choose another folder.';
const BUSY_SWITCHING = 'ScanVault is still opening or switching the vault folder. Wait a moment, then try again.';

/**
 * The core behind every host: implements the API contract on plain Node. It holds the open vault
 * (and so the keys) and never hands key material out; hosts only learn locked/unlocked.
 */
export class ScanVaultCore implements ApiHandlers {
  private vault: OpenVault | null = null;
  private vaultDir: string;
  /** Create/unlock calls still deriving keys: the folder must not change under them. */
  private opening = 0;
  /** A folder switch is checking or remembering the new folder: no vault may open meanwhile. */
  private switching = false;
  private readonly jobs: JobRunner;
  readonly uploads = new UploadStaging();
  private readonly autoLock: AutoLock;
  /** Fingerprints compressed images' pixels in the background after an import or unlock. */
  private readonly digestPass: DigestPassRunner;

  constructor(private readonly opts: CoreOptions) {
    this.vaultDir = opts.vaultDir;
    const now = opts.now ?? Date.now;
    this.jobs = new JobRunner(now);
    this.digestPass = new DigestPassRunner(opts.log);
    this.autoLock = new AutoLock(() => this.lockNow(), () => this.jobs.active !== undefined, now);
    this.autoLock.setMinutes(DEFAULT_AUTO_LOCK_MINUTES);
  }

  /** The open vault, for in-process callers such as the CLI's one-shot commands; throws when locked. */
  requireVault(): OpenVault {
    if (!this.vault) throw new CoreError(vaultExists(this.vaultDir) ? 'VAULT_LOCKED' : 'NO_VAULT');
    return this.vault;
  }

  isUnlocked(): boolean {
    return this.vault !== null;
  }

  async getStatus(): Promise<Status> {
    return this.status();
  }

  async createVault(input: ApiParsedInput<'createVault'>): Promise<ApiOutput<'createVault'>> {
    if (!estimateStrength(input.passphrase).acceptable) throw new CoreError('WEAK_PASSPHRASE');
    if (vaultExists(this.vaultDir)) throw new CoreError('VAULT_EXISTS');
    if (this.vaultFolderMissing()) throw new CoreError('PATH_NOT_FOUND', FOLDER_MISSING);
    const { vault, recoveryKey } = await this.whileOpening(() => createVault({
      dir: this.vaultDir, passphrase: input.passphrase, ...this.kdfOptions(),
      ...(this.opts.kdfParams ? { kdfParams: this.opts.kdfParams } : {}),
    }));
    this.adopt(vault);
    return { recoveryKey };
  }

  async unlock(input: ApiParsedInput<'unlock'>): Promise<Status> {
    if (this.vault) return this.status();
    if (!vaultExists(this.vaultDir)) throw new CoreError('NO_VAULT');
    this.adopt(await this.whileOpening(() => openVault({ dir: this.vaultDir, passphrase: input.passphrase, ...this.kdfOptions() })));
    return this.status();
  }

  async unlockWithRecoveryKey(input: ApiParsedInput<'unlockWithRecoveryKey'>): Promise<Status> {
    if (!estimateStrength(input.newPassphrase).acceptable) throw new CoreError('WEAK_PASSPHRASE');
    if (!vaultExists(this.vaultDir)) throw new CoreError('NO_VAULT');
    if (this.vault) await this.lockNow();
    this.adopt(await this.whileOpening(() => openVaultWithRecoveryKey({
      dir: this.vaultDir, recoveryKey: input.recoveryKey, newPassphrase: input.newPassphrase, ...this.kdfOptions(),
    })));
    return this.status();
  }

  async lock(): Promise<Status> {
    await this.lockNow();
    return this.status();
  }

  /** Switches to another folder (only while locked) and remembers it for the next launch. */
  async setVaultFolder(input: ApiParsedInput<'setVaultFolder'>): Promise<Status> {
    if (this.vault) throw new CoreError('BAD_REQUEST', 'Lock the vault before switching to another folder.');
    if (this.opening > 0 || this.switching) throw new CoreError('BAD_REQUEST', BUSY_SWITCHING);
    this.switching = true;
    try {
      const dir = await checkVaultFolder(input.dir);
      // Made now, so that a missing folder later means a disconnected drive, not a new vault.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Remember first: if that fails nothing changes, rather than a switch that is silently forgotten.
      if (this.opts.settingsFile !== undefined) await rememberVaultDir(this.opts.settingsFile, dir);
      this.vaultDir = dir;
    } finally {
      this.switching = false;
    }
    return this.status();
  }

  async changePassphrase(input: ApiParsedInput<'changePassphrase'>): Promise<ApiOutput<'changePassphrase'>> {
    if (!estimateStrength(input.newPassphrase).acceptable) throw new CoreError('WEAK_PASSPHRASE');
    await this.requireVault().changePassphrase(input.oldPassphrase, input.newPassphrase);
    return { changed: true };
  }

  async setAutoLock(input: ApiParsedInput<'setAutoLock'>): Promise<Status> {
    const vault = this.requireVault();
    vault.db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run('autoLockMinutes', String(input.minutes));
    this.autoLock.setMinutes(input.minutes);
    return this.status();
  }

  async touch(): Promise<ApiOutput<'touch'>> {
    this.autoLock.touch();
    return { state: this.state() };
  }

  /** Only the desktop host can show a file picker; it overrides this method. */
  async pickImportPaths(): Promise<ApiOutput<'pickImportPaths'>> {
    throw new CoreError('BAD_REQUEST', 'Choosing files with a dialog is only available in the desktop app. Type or paste the path instead.');
  }

  /** Only the desktop host can show a folder picker; it overrides this method. */
  async pickVaultFolder(): Promise<ApiOutput<'pickVaultFolder'>> {
    throw new CoreError('BAD_REQUEST', 'Choosing a folder with a dialog is only available in the desktop app. Type or paste the path instead.');
  }

  async beginUpload(): Promise<ApiOutput<'beginUpload'>> {
    this.requireVault();
    return { uploadId: this.uploads.begin() };
  }

  async startImport(input: ApiParsedInput<'startImport'>): Promise<ApiOutput<'startImport'>> {
    const vault = this.requireVault();
    const source = input.uploadId !== undefined
      ? { kind: 'upload' as const, files: this.uploads.take(input.uploadId) }
      : { kind: 'paths' as const, paths: input.paths ?? [] };
    const jobId = this.jobs.start<ImportReport>(
      'import',
      (signal, progress) => runImport(vault, source, input.provenance, { signal, progress, log: this.opts.log }),
      (job, report) => {
        job.importReport = report;
        this.digestPass.request(vault);
      },
    );
    return { jobId };
  }

  async startVerify(): Promise<ApiOutput<'startVerify'>> {
    const vault = this.requireVault();
    const jobId = this.jobs.start<VerifyReport>(
      'verify',
      (signal, progress) => runVerify(vault, { signal, progress }),
      (job, report) => { job.verifyReport = report; },
    );
    return { jobId };
  }

  async getJob(input: ApiParsedInput<'getJob'>): Promise<ApiOutput<'getJob'>> {
    this.autoLock.touch();
    return this.jobs.get(input.jobId);
  }

  async cancelJob(input: ApiParsedInput<'cancelJob'>): Promise<ApiOutput<'cancelJob'>> {
    return this.jobs.cancel(input.jobId);
  }

  /** For the CLI: waits until the background fingerprinting of compressed images is done. */
  async waitForBackgroundWork(): Promise<void> {
    await this.digestPass.idle();
  }

  /** For the CLI: waits until a job ends. */
  waitForJob(jobId: string): ReturnType<JobRunner['waitFor']> {
    return this.jobs.waitFor(jobId);
  }

  async listLibrary(): Promise<ApiOutput<'listLibrary'>> {
    return listLibrary(this.requireVault().db);
  }

  async getSeriesThumbnail(input: ApiParsedInput<'getSeriesThumbnail'>): Promise<ApiOutput<'getSeriesThumbnail'>> {
    return seriesThumbnail(this.requireVault(), input.seriesId);
  }

  async listPeople(): Promise<ApiOutput<'listPeople'>> { return people.listPeople(this.requireVault()); }
  async getPersonProfile(input: ApiParsedInput<'getPersonProfile'>): Promise<ApiOutput<'getPersonProfile'>> { return people.getPersonProfile(this.requireVault(), input); }
  async updatePersonProfile(input: ApiParsedInput<'updatePersonProfile'>): Promise<ApiOutput<'updatePersonProfile'>> { return people.updatePersonProfile(this.requireVault(), input); }
  async linkRecords(input: ApiParsedInput<'linkRecords'>): Promise<ApiOutput<'linkRecords'>> { return people.linkRecords(this.requireVault(), input); }
  async unlinkRecord(input: ApiParsedInput<'unlinkRecord'>): Promise<ApiOutput<'unlinkRecord'>> { return people.unlinkRecord(this.requireVault(), input); }
  async renamePerson(input: ApiParsedInput<'renamePerson'>): Promise<ApiOutput<'renamePerson'>> { return people.renamePerson(this.requireVault(), input); }

  /** Closes the vault (clearing keys) — used by lock, auto-lock and host shutdown. */
  async lockNow(): Promise<void> {
    await this.jobs.cancelAll();
    await this.digestPass.stop();
    this.jobs.clear();
    this.uploads.clear();
    const vault = this.vault;
    this.vault = null;
    this.autoLock.stop();
    vault?.close();
  }

  private adopt(vault: OpenVault): void {
    this.vault = vault;
    const row = vault.db.prepare('SELECT value FROM settings WHERE key = ?').get('autoLockMinutes') as { value: string } | undefined;
    this.autoLock.setMinutes(row ? Number(row.value) : DEFAULT_AUTO_LOCK_MINUTES);
    this.autoLock.start();
    this.digestPass.request(vault);
  }

  /** Runs a create/unlock; `open` reads this.vaultDir synchronously, so a switch cannot slip in. */
  private async whileOpening<T>(open: () => Promise<T>): Promise<T> {
    if (this.switching) throw new CoreError('BAD_REQUEST', BUSY_SWITCHING);
    this.opening++;
    try {
      return await open();
    } finally {
      this.opening--;
    }
  }

  private kdfOptions(): { kdfPolicy?: KdfPolicy } {
    return this.opts.kdfPolicy ? { kdfPolicy: this.opts.kdfPolicy } : {};
  }

  private state(): Status['state'] {
    if (this.vault) return 'unlocked';
    return vaultExists(this.vaultDir) ? 'locked' : 'no-vault';
  }

  /**
   * A folder the person chose (remembered in settings) that is not there is most likely an
   * external drive that is not connected: creating a vault would put it on the internal disk.
   */
  private vaultFolderMissing(): boolean {
    if (this.opts.settingsFile === undefined || existsSync(this.vaultDir)) return false;
    return readRememberedVaultDir(this.opts.settingsFile) === this.vaultDir;
  }

  private status(): Status {
    return {
      state: this.state(),
      vaultDir: this.vaultDir,
      vaultFolderMissing: this.vaultFolderMissing(),
      autoLockMinutes: this.autoLock.minutes,
      host: this.opts.host,
      capabilities: { nativeDialogs: this.opts.nativeDialogs ?? false, uploads: this.opts.host === 'browser' },
    };
  }
}
