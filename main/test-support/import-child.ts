// Child process for the crash test: opens the vault with a cheap KDF and imports a folder.
// The test kills it with SIGKILL at random moments.
import { silentLogger } from '../core/log';
import { runImport } from '../core/import/run-import';
import { openVault } from '../core/vault/vault';
import { FAST_KDF } from './dicom-fixtures';
import { progressForCrashChild } from './import/write-mid-import';

const [vaultDir, sourceDir, passphrase] = process.argv.slice(2) as [string, string, string];
const vault = await openVault({ dir: vaultDir, passphrase, kdfPolicy: FAST_KDF.kdfPolicy });
process.stdout.write('opened\n');
const report = await runImport(vault, { kind: 'paths', paths: [sourceDir] }, { sourceLabel: 'crash test' }, {
  signal: new AbortController().signal, progress: progressForCrashChild(vault, passphrase), log: silentLogger,
});
vault.close();
process.stdout.write(JSON.stringify({ imported: report.imported, seenAgain: report.seenAgain, failed: report.failed.length }) + '\n');
