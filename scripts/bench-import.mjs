// `npm run bench:import`: builds a ~1 GB multi-series study from the sample slices (new UIDs),
// imports it into a fresh vault and compares with two baselines measured in the same run, both one
// Node process on one thread: reading the same files + SHA-256 + AES-256-GCM (writes nothing), and
// the durable floor, which also writes and fsyncs each encrypted file. Targets: ratio to the durable
// floor >= 1.0 (the import batches durability and uses both cores), peak RSS < 400 MB.
// BENCH_MB sets the study size (default 1024); BENCH_ROUNDS the floor/import rounds (default 3); BENCH_PREPARE_WORKERS sets the import's prepare workers
// (0: the single-thread path; unset: the import's default).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeStudy } from './bench/make-study.mjs';

const targetMb = Number(process.env.BENCH_MB ?? 1024);
const work = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-'));
try {
  const dataDir = path.join(work, 'study');
  process.stderr.write(`Building a ${targetMb} MB study…\n`);
  const made = makeStudy(dataDir, path.resolve('..', 'shared', 'dicom-samples'), targetMb * 1024 * 1024);
  // Bundled inside the repo so its external packages resolve from node_modules.
  const worker = path.resolve('.tmp', 'bench-import-worker.mjs');
  const bundle = { bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' };
  await build({ ...bundle, entryPoints: ['scripts/bench/import-worker.ts'], outfile: worker });
  // The import finds its prepare-worker entry beside the bundle that runs it, as in dist/.
  await build({ ...bundle, entryPoints: ['main/core/import/prepare-worker.ts'], outfile: path.resolve('.tmp', 'prepare-worker.mjs') });

  const run = (args) => {
    // Drop the page cache effect as far as we can without root tricks: both runs read warm files.
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`benchmark worker failed:\n${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  run(['scripts/bench/baseline-worker.mjs', dataDir]); // warm the page cache once
  const baseline = run(['scripts/bench/baseline-worker.mjs', dataDir]);
  // The disk's fsync latency drifts by tens of percent within minutes here, so the durable floor and
  // the import alternate (BENCH_ROUNDS times, default 3) and each round's ratio is taken on its own;
  // the median round is reported. Each round imports into a fresh vault.
  const rounds = [];
  for (let i = 0; i < Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3)); i++) {
    const out = path.join(work, `durable-out-${i}`);
    const durable = run(['scripts/bench/baseline-worker.mjs', dataDir, '--durable', out]);
    rmSync(out, { recursive: true, force: true });
    const vaultDir = path.join(work, `vault-${i}`);
    const imported = run([worker, dataDir, vaultDir]);
    rmSync(vaultDir, { recursive: true, force: true });
    if (imported.imported !== made.files) throw new Error(`import stored ${imported.imported} of ${made.files} files`);
    rounds.push({ durable, imported, ratio: (imported.bytes / imported.seconds) / (durable.bytes / durable.seconds) });
  }
  const sorted = [...rounds].sort((a, b) => a.ratio - b.ratio);
  const { durable, imported } = sorted[Math.floor(sorted.length / 2)];
  const roundRatios = rounds.map((r) => r.ratio.toFixed(2)).join(', ');
  const mbps = (r) => r.bytes / r.seconds / 1e6;
  const ratio = mbps(imported) / mbps(baseline);
  const durableRatio = mbps(imported) / mbps(durable);
  const rate = (r) => `${mbps(r).toFixed(0)} MB/s, ${(r.files / r.seconds).toFixed(0)} files/s, peak RSS ${(r.maxRssBytes / 1e6).toFixed(0)} MB`;
  const lines = [
    `study: ${made.files} files, ${(made.bytes / 1e6).toFixed(0)} MB`,
    `baseline, no writes (read + SHA-256 + AES-256-GCM):         ${rate(baseline)}`,
    `durable floor (+ write and fsync each file, one thread):    ${rate(durable)}`,
    `import:                                                     ${rate(imported)}`,
    `ratio import/durable floor, median of rounds: ${durableRatio.toFixed(2)} (rounds: ${roundRatios}) (target >= 1.00) ${durableRatio >= 1 ? 'OK' : 'BELOW TARGET'}`,
    `ratio import/no-write baseline: ${ratio.toFixed(2)} (old target >= 0.50) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`,
    `peak RSS: ${(Math.max(...rounds.map((r) => r.imported.maxRssBytes)) / 1e6).toFixed(0)} MB (target < 400 MB) ${Math.max(...rounds.map((r) => r.imported.maxRssBytes)) < 400e6 ? 'OK' : 'ABOVE TARGET'}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
