// Import benchmark worker (bundled by scripts/bench-import.mjs): creates a vault, then times only
// the import itself. Prints {seconds, bytes, files, imported, maxRssBytes} as JSON.
import { silentLogger } from '../../main/core/log';
import { runImport } from '../../main/core/import/run-import';
import { createVault } from '../../main/core/vault/vault';

const [sourceDir, vaultDir] = process.argv.slice(2) as [string, string];
// The KDF cost is not what is measured here; a cheap one keeps the run short.
const kdfPolicy = { minMemoryKiB: 1024, minIterations: 1 };
const { vault } = await createVault({ dir: vaultDir, passphrase: 'benchmark passphrase', kdfPolicy, kdfParams: { memoryKiB: 1024, iterations: 1, parallelism: 1 } });
const started = process.hrtime.bigint();
let bytes = 0;
const report = await runImport(vault, { kind: 'paths', paths: [sourceDir] }, { sourceLabel: 'benchmark' }, {
  signal: new AbortController().signal,
  progress: { set: (p) => { if (p.bytesDone !== undefined) bytes = p.bytesDone; } },
  log: silentLogger,
  // BENCH_PREPARE_WORKERS=0 measures the single-thread path; unset uses the import's default.
  prepare: process.env.BENCH_PREPARE_WORKERS === undefined ? {} : { workers: Number(process.env.BENCH_PREPARE_WORKERS) },
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
vault.close();
process.stdout.write(JSON.stringify({
  seconds, bytes, files: report.imported + report.seenAgain, imported: report.imported, failed: report.failed.length,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}) + '\n');
