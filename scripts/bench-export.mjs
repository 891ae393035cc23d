// `npm run bench:export`: de-identifies the benchmark study (the import benchmark's: copies of the
// sample slices with new UIDs) as one share with --burned-in trust-headers (no pixel work, like
// gdcmanon), and compares with gdcmanon (GDCM, PS3.15 basic profile, one process for all files) on
// the same files in the same run: the two alternate for BENCH_ROUNDS rounds (default 3), since the
// machine's load drifts, and the median round's ratio is reported (target >= 2). BENCH_MB sets the
// study size (default 256). Each round also times the floor (bench/copy-floor.ts): Node copying the
// same files and doing nothing else, whose ratio to gdcmanon bounds what any Node export could reach.
// Burned-in screening's images/s is measured with the screener (burned-in/).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeStudy } from './bench/make-study.mjs';

const targetMb = Number(process.env.BENCH_MB ?? 256);
const roundCount = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const work = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-export-'));
const present = (tool, args) => spawnSync(tool, args, { stdio: 'ignore' }).error === undefined;
try {
  const dataDir = path.join(work, 'study');
  process.stderr.write(`Building a ${targetMb} MB study…\n`);
  const made = makeStudy(dataDir, path.resolve('..', 'shared', 'dicom-samples'), targetMb * 1024 * 1024);
  const worker = path.resolve('.tmp', 'bench-export-worker.mjs');
  await build({ bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning', entryPoints: ['scripts/bench/export-worker.ts'], outfile: worker });

  let cert;
  let skipped = null;
  if (!present('gdcmanon', ['--version'])) skipped = 'gdcmanon is not installed (apt-get install libgdcm-tools)';
  else if (!present('openssl', ['version'])) skipped = 'openssl is needed to make the certificate gdcmanon\'s basic profile requires';
  else {
    // gdcmanon's basic profile keeps the removed values encrypted for a certificate holder: a throwaway one.
    cert = path.join(work, 'cert.pem');
    spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(work, 'key.pem'), '-out', cert, '-days', '1', '-subj', '/CN=bench'], { stdio: 'ignore' });
  }
  process.stderr.write(`Importing, then ${roundCount} round(s) of ${cert ? 'gdcmanon and ' : ''}ScanVault…\n`);
  const run = spawnSync(process.execPath, [worker, dataDir, work, String(roundCount), ...(cert ? [cert] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`benchmark worker failed:\n${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop());
  if (result.files !== made.files) throw new Error(`the share holds ${result.files} of ${made.files} files`);
  const rate = (s) => `${(made.bytes / s / 1e6).toFixed(1)} MB/s, ${(made.files / s).toFixed(0)} files/s`;
  const withRatio = result.rounds.map((r) => ({ ...r, ratio: r.gdcmSeconds === null ? null : r.gdcmSeconds / r.seconds }));
  const median = (cert ? [...withRatio].sort((a, b) => a.ratio - b.ratio) : [...withRatio].sort((a, b) => a.seconds - b.seconds))[Math.floor(withRatio.length / 2)];
  const lines = [
    `study: ${made.files} files, ${(made.bytes / 1e6).toFixed(0)} MB; machine load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    `ScanVault share (prepare + export; leak guard and post-flight on every file, DICOMDIR, signed manifest, read back, fsync): ${rate(median.seconds)} (prepare ${median.prepareSeconds.toFixed(1)} s, export ${median.exportSeconds.toFixed(1)} s), peak RSS ${(result.maxRssBytes / 1e6).toFixed(0)} MB`,
  ];
  if (!cert || median.gdcmSeconds === null) lines.push(`gdcmanon: skipped: ${skipped ?? 'gdcmanon failed on these files'}; no ratio`);
  else {
    lines.push(`gdcmanon -e (basic profile), same files: ${rate(median.gdcmSeconds)}`);
    lines.push(`ratio ScanVault/gdcmanon, median of rounds: ${median.ratio.toFixed(2)} (rounds: ${withRatio.map((r) => r.ratio?.toFixed(2)).join(', ')}) (target >= 2.00) ${median.ratio >= 2 ? 'OK' : 'BELOW TARGET'}`);
    // The ceiling for any export written in Node here: copying the files and doing nothing else.
    const floors = withRatio.map((r) => ({ seconds: r.floorSeconds, ratio: r.gdcmSeconds / r.floorSeconds }));
    const floor = [...floors].sort((a, b) => a.ratio - b.ratio)[Math.floor(floors.length / 2)];
    lines.push(`floor, a bare copy of the same files in Node on ${os.availableParallelism()} threads (no decrypting, de-identifying, checks or fsync): ${rate(floor.seconds)}; its ratio to gdcmanon, median of rounds: ${floor.ratio.toFixed(2)} (rounds: ${floors.map((f) => f.ratio.toFixed(2)).join(', ')}), the most any Node export could reach here`);
  }
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
