/** The backup feature's handlers: backups and restores as jobs, and the "last backup" reminder. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { BackupReport, BackupStatus, RestoreReport } from '../../../shared/domain';
import { CoreError } from '../core-error';
import type { KdfPolicy } from '../crypto/kdf-policy';
import { lastBackupAt, vaultCreatedAt } from '../db/backup';
import { readSetting, writeSetting } from '../db/settings';
import type { JobRunner } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';
import { restoreBackup } from './restore-backup';
import { writeBackupFile } from './write-backup-file';
import { writeBackupFolder } from './write-backup-folder';

export const DEFAULT_REMIND_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export class BackupFeature {
  constructor(
    private readonly vault: () => OpenVault,
    private readonly jobs: JobRunner,
    private readonly opts: { kdfPolicy?: KdfPolicy | undefined; now: () => number },
  ) {}

  async startBackup(input: ApiParsedInput<'startBackup'>): Promise<ApiOutput<'startBackup'>> {
    const vault = this.vault();
    const write = input.layout === 'file' ? writeBackupFile : writeBackupFolder;
    const jobId = this.jobs.start<BackupReport>('backup', (signal, progress) => write(vault, input.path, { signal, progress }), (job, report) => { job.backupReport = report; });
    return Promise.resolve({ jobId });
  }

  async startRestore(input: ApiParsedInput<'startRestore'>): Promise<ApiOutput<'startRestore'>> {
    const jobId = this.jobs.start<RestoreReport>(
      'restore',
      (signal, progress) => restoreBackup({ source: input.source, target: input.vault, secret: input.recoveryKey !== undefined ? { recoveryKey: input.recoveryKey } : { passphrase: input.passphrase ?? '' }, kdfPolicy: this.opts.kdfPolicy, signal, progress }),
      (job, report) => { job.restoreReport = report; },
    );
    return Promise.resolve({ jobId });
  }

  async getBackupStatus(): Promise<BackupStatus> {
    const db = this.vault().db;
    const days = Number(readSetting(db, 'backupReminderDays') ?? DEFAULT_REMIND_AFTER_DAYS);
    const remindAfterDays = Number.isInteger(days) && days > 0 ? days : DEFAULT_REMIND_AFTER_DAYS;
    const last = lastBackupAt(db);
    // Never backed up: remind once the vault itself is that old (not on the day it was made).
    const since = last ?? vaultCreatedAt(db);
    const reminderDue = since !== null && this.opts.now() - Date.parse(since) > remindAfterDays * DAY_MS;
    return Promise.resolve({ lastBackupAt: last, remindAfterDays, reminderDue });
  }

  async setBackupReminder(input: ApiParsedInput<'setBackupReminder'>): Promise<BackupStatus> {
    await this.vault().writes.run((db) => { writeSetting(db, 'backupReminderDays', String(input.days)); });
    return this.getBackupStatus();
  }

  pickBackupPath(): Promise<ApiOutput<'pickBackupPath'>> {
    return Promise.reject(new CoreError('BAD_REQUEST', 'Choosing a place with a dialog is only available in the desktop app. Type or paste the full path instead.'));
  }
}
