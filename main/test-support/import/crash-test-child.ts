// Tests only: child process for crash-safety.test.ts, like main/test-support/import-child.ts but
// preparing in worker threads (the worker entry's path is the 4th argument).
import { silentLogger } from '../../core/log';
import { openVault } from '../../core/vault/vault';
import { FAST_KDF } from '../dicom-fixtures';
import { runImport } from '../../core/import/run-import';
import { progressForCrashChild } from './write-mid-import';

const [vaultDir, sourceDir, passphrase, workerScript] = process.argv.slice(2) as [string, string, string, string];
const vault = await openVault({ dir: vaultDir, passphrase, kdfPolicy: FAST_KDF.kdfPolicy });
process.stdout.write('opened\n');
const report = await runImport(vault, { kind: 'paths', paths: [sourceDir] }, { sourceLabel: 'crash test' }, {
  signal: new AbortController().signal, progress: progressForCrashChild(vault, passphrase), log: silentLogger,
  prepare: { workers: 2, minBytes: 0, workerScript },
});
vault.close();
process.stdout.write(JSON.stringify({ imported: report.imported, seenAgain: report.seenAgain, failed: report.failed.length }) + '\n');
