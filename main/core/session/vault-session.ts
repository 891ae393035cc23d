/**
 * The session feature: which folder the vault lives in, and whether it is open. It holds the open
 * vault (and so the keys) and never hands key material out; hosts only learn locked/unlocked.
 * Other features are told when a vault opens or is about to close (hooks), so background work
 * starts with the vault and stops before its keys are cleared.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { HostKind, Status } from '../../../shared/domain';
import { estimateStrength } from '../../../shared/passphrase-strength';
import { CoreError } from '../core-error';
import type { KdfCost, KdfPolicy } from '../crypto/kdf-policy';
import { createVault, openVault, openVaultWithRecoveryKey, vaultExists, type OpenVault } from '../vault/vault';
import { HEADER_MISSING_MESSAGE, isHeaderlessVault } from '../vault/vault-presence';
import { AutoLock } from './auto-lock';
import { checkVaultFolder, readRememberedVaultDir, rememberVaultDir } from './vault-folder';
import { readAutoLockMinutes, writeAutoLockMinutes } from './settings';

export interface SessionOptions {
  vaultDir: string;
  settingsFile?: string;
  host: HostKind;
  nativeDialogs?: boolean;
  kdfPolicy?: KdfPolicy;
  kdfParams?: KdfCost;
  now?: () => number;
}

export interface SessionHooks {
  /** A vault was just opened (created, unlocked or recovered). */
  opened(vault: OpenVault): void;
  /** The vault is about to close: stop all work that uses it. */
  closing(): Promise<void>;
  /** Work is running that must not be interrupted by the auto-lock. */
  busy(): boolean;
}

const DEFAULT_AUTO_LOCK_MINUTES = 10;
const FOLDER_MISSING = 'Your vault folder is not there. If it is on an external drive, connect the drive and try again, or choose another folder.';
const BUSY_SWITCHING = 'ScanVault is still opening or switching the vault folder. Wait a moment, then try again.';

export class VaultSession {
  private vault: OpenVault | null = null;
  private vaultDir: string;
  /** Create/unlock calls still deriving keys: the folder must not change under them. */
  private opening = 0;
  /** A folder switch is checking or remembering the new folder: no vault may open meanwhile. */
  private switching = false;
  readonly autoLock: AutoLock;

  constructor(private readonly opts: SessionOptions, private readonly hooks: SessionHooks) {
    this.vaultDir = opts.vaultDir;
    this.autoLock = new AutoLock(() => this.lockNow(), () => hooks.busy(), opts.now ?? Date.now);
    this.autoLock.setMinutes(DEFAULT_AUTO_LOCK_MINUTES);
  }

  get isUnlocked(): boolean {
    return this.vault !== null;
  }

  /** The open vault; throws VAULT_LOCKED (or NO_VAULT) otherwise. */
  requireVault(): OpenVault {
    if (!this.vault) throw new CoreError(vaultExists(this.vaultDir) ? 'VAULT_LOCKED' : 'NO_VAULT');
    return this.vault;
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
    if (!vaultExists(this.vaultDir)) throw new CoreError('NO_VAULT', isHeaderlessVault(this.vaultDir) ? HEADER_MISSING_MESSAGE : undefined);
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

  /** Only the desktop host can show a folder picker; it overrides this handler. */
  async pickVaultFolder(): Promise<ApiOutput<'pickVaultFolder'>> {
    throw new CoreError('BAD_REQUEST', 'Choosing a folder with a dialog is only available in the desktop app. Type or paste the path instead.');
  }

  async changePassphrase(input: ApiParsedInput<'changePassphrase'>): Promise<ApiOutput<'changePassphrase'>> {
    if (!estimateStrength(input.newPassphrase).acceptable) throw new CoreError('WEAK_PASSPHRASE');
    await this.requireVault().changePassphrase(input.oldPassphrase, input.newPassphrase);
    return { changed: true };
  }

  async setAutoLock(input: ApiParsedInput<'setAutoLock'>): Promise<Status> {
    await writeAutoLockMinutes(this.requireVault(), input.minutes);
    this.autoLock.setMinutes(input.minutes);
    return this.status();
  }

  async touch(): Promise<ApiOutput<'touch'>> {
    this.autoLock.touch();
    return { state: this.state() };
  }

  async getStatus(): Promise<Status> {
    return this.status();
  }

  /** Closes the vault (clearing keys) — used by lock, auto-lock and host shutdown. */
  async lockNow(): Promise<void> {
    await this.hooks.closing();
    const vault = this.vault;
    this.vault = null;
    this.autoLock.stop();
    vault?.close();
  }

  private adopt(vault: OpenVault): void {
    this.vault = vault;
    this.autoLock.setMinutes(readAutoLockMinutes(vault) ?? DEFAULT_AUTO_LOCK_MINUTES);
    this.autoLock.start();
    this.hooks.opened(vault);
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
