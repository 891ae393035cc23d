import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAST_KDF, makeSeries } from '../../test-support/dicom-fixtures';
import { SMALL_VAULT_PASSPHRASE } from '../../test-support/verify/small-vault';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';

const DAY = 24 * 60 * 60 * 1000;
const root = mkdtempSync(path.join(os.tmpdir(), 'sv-bk-feature-'));
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

describe('the backup feature over the API', () => {
  it('reports the last backup, reminds after the set number of days, and runs backups as jobs with progress', async () => {
    let now = Date.now();
    const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF, now: () => now });
    await core.createVault({ passphrase: SMALL_VAULT_PASSPHRASE });
    const cd = path.join(root, 'CD');
    mkdirSync(cd);
    makeSeries(2).forEach((b, i) => writeFileSync(path.join(cd, `IM${i}`), b));
    await core.waitForJob((await core.startImport({ paths: [cd], provenance: { sourceLabel: 'CD', receivedDate: '2026-12-01' } })).jobId);
    // A new vault is not nagged on its first day; with no backup a month on, it is.
    now = Date.now();
    expect(await core.getBackupStatus()).toEqual({ lastBackupAt: null, remindAfterDays: 30, reminderDue: false });
    now = Date.now() + 31 * DAY;
    expect((await core.getBackupStatus()).reminderDue).toBe(true);

    const { jobId } = await core.startBackup({ layout: 'file', path: path.join(root, 'b.svbackup') });
    const job = await core.waitForJob(jobId);
    expect(job).toMatchObject({ kind: 'backup', state: 'done', backupReport: { layout: 'file', blobs: 2 } });
    expect(job.progress.filesDone).toBe(2);
    expect(job.progress.bytesDone).toBeGreaterThan(0);
    const status = await core.getBackupStatus();
    expect(status.lastBackupAt).not.toBeNull();
    // The event time is the real clock; measure the reminder from it.
    now = Date.parse(status.lastBackupAt!) + 29 * DAY;
    expect((await core.getBackupStatus()).reminderDue).toBe(false);
    now = Date.parse(status.lastBackupAt!) + 31 * DAY;
    expect((await core.getBackupStatus()).reminderDue).toBe(true);
    expect(await core.setBackupReminder({ days: 60 })).toMatchObject({ remindAfterDays: 60, reminderDue: false });

    // A failed backup is a failed job with a plain message, not an exception.
    const again = await core.waitForJob((await core.startBackup({ layout: 'file', path: path.join(root, 'b.svbackup') })).jobId);
    expect(again).toMatchObject({ state: 'failed', error: { code: 'TARGET_EXISTS' } });
    await core.lockNow();
  });

  it('restore answers NOT_A_BACKUP for a vault folder or an unrelated file', async () => {
    const core = new ScanVaultCore({ vaultDir: path.join(root, 'nothing'), host: 'cli', log: silentLogger, ...FAST_KDF });
    const other = path.join(root, 'notes.txt');
    writeFileSync(other, 'just some notes, not a backup at all'.repeat(40));
    for (const source of [path.join(root, 'vault'), other]) {
      const job = await core.waitForJob((await core.startRestore({ source, vault: path.join(root, `r-${path.basename(source)}`), passphrase: SMALL_VAULT_PASSPHRASE })).jobId);
      expect({ source, code: job.error?.code }).toEqual({ source, code: 'NOT_A_BACKUP' });
    }
  });
});
