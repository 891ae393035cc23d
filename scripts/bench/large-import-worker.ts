// `npm run bench:large` worker (bundled by scripts/bench-large.mjs): creates a vault, imports the
// given folder with the import's defaults, then runs the background digest pass. Prints the
// outcome of each file and this process's peak RSS as JSON.
import { computePendingDigests } from '../../main/core/import/background-digests';
import { runImport } from '../../main/core/import/run-import';
import { silentLogger } from '../../main/core/log';
import { createVault } from '../../main/core/vault/vault';

const [sourceDir, vaultDir] = process.argv.slice(2) as [string, string];
// The KDF cost is not what is measured here; a cheap one keeps the run short.
const kdfPolicy = { minMemoryKiB: 1024, minIterations: 1 };
const { vault } = await createVault({ dir: vaultDir, passphrase: 'benchmark passphrase', kdfPolicy, kdfParams: { memoryKiB: 1024, iterations: 1, parallelism: 1 } });
const started = process.hrtime.bigint();
const report = await runImport(vault, { kind: 'paths', paths: [sourceDir] }, { sourceLabel: 'benchmark' }, {
  signal: new AbortController().signal, progress: { set: () => undefined }, log: silentLogger,
});
const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const digests = await computePendingDigests(vault);
const files = vault.db.prepare(`SELECT f.relative_path AS path, f.size, f.outcome, f.reason, i.pixel_digest_status AS pixels, length(i.frame_digests) / 32 AS frames
  FROM import_files f LEFT JOIN instances i ON i.id = f.instance_id ORDER BY f.relative_path`).all();
vault.close();
process.stdout.write(JSON.stringify({
  importSeconds, imported: report.imported, failed: report.failed, files, digests,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}) + '\n');
