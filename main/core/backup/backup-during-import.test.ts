import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listOf } from '../../test-support/backup/backup-helpers';
import { FAST_KDF, makeSeries } from '../../test-support/dicom-fixtures';
import { SMALL_VAULT_PASSPHRASE, cliRun } from '../../test-support/verify/small-vault';
import { allBlobIds } from '../db/blobs';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';
import { writeBackupFile } from './write-backup-file';

const root = mkdtempSync(path.join(os.tmpdir(), 'sv-bk-import-'));
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

/**
 * Issue #10: "a backup taken during an import restores to a consistent vault". The backup runs
 * while an import of 700 files (the import commits every 500 files or 2 s) is in flight (the vault stays usable); the snapshot holds some
 * committed prefix of the import, and the restored vault verifies with exactly those images.
 */
describe('a backup taken while an import runs', () => {
  it('restores to a consistent vault holding a committed part of the import', async () => {
    const vaultDir = path.join(root, 'vault');
    const core = new ScanVaultCore({ vaultDir, host: 'cli', log: silentLogger, ...FAST_KDF });
    await core.createVault({ passphrase: SMALL_VAULT_PASSPHRASE });
    const source = path.join(root, 'CD');
    mkdirSync(source);
    makeSeries(700, { patientName: 'DOE^JANE' }).forEach((b, i) => writeFileSync(path.join(source, `IM${i}`), b));
    const { jobId } = await core.startImport({ paths: [source], provenance: { sourceLabel: 'Big CD', receivedDate: '2024-03-20' } });
    // Wait until some images are committed, then back up while the rest are still coming in.
    for (let i = 0; i < 2000 && allBlobIds(core.requireVault().db).size < 5; i++) await new Promise((r) => setTimeout(r, 5));
    const file = path.join(root, 'during.svbackup');
    const progress = { set: () => undefined };
    const report = await writeBackupFile(core.requireVault(), file, { signal: new AbortController().signal, progress });
    const job = await core.waitForJob(jobId);
    expect(job.state).toBe('done');
    expect(job.importReport?.imported).toBe(700);
    expect(report.blobs).toBeGreaterThan(0);
    expect(report.blobs).toBeLessThan(700); // really taken mid-import
    await core.lockNow();

    const restored = path.join(root, 'restored');
    const r = await cliRun(['--vault', restored, '--json', 'restore', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ blobs: report.blobs, verifyReport: { ok: true, blobsChecked: report.blobs, problems: [] } });
    const list = JSON.stringify(await listOf(restored));
    expect(list).toContain('DOE^JANE');
  }, 60_000);
});
