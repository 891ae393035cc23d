// `npm run bench:large`: files of any size. Generates (streamed, in a temp folder; synthetic, not
// patient data) a 3 GiB multi-frame DICOM, a ~20 MB zip whose one entry inflates to over 2 GiB,
// and a small DICOM queued after them; imports the folder in a child process with the import's
// defaults (prepare workers included) and prints that process's peak RSS (target < 400 MB) and
// each file's outcome. Needs about 10 GB free in the temp folder (checked first). BENCH_LARGE_GIB sets the big
// file's size (default 3), BENCH_ZIP_GIB the zip entry's (default 2.02).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDicom, writeZipOfDicom } from './bench/make-large.mjs';

const GiB = 1024 ** 3;
const bigBytes = Number(process.env.BENCH_LARGE_GIB ?? 3) * GiB;
const zipEntryBytes = Number(process.env.BENCH_ZIP_GIB ?? 2.02) * GiB;
const fs = statfsSync(os.tmpdir());
const free = fs.bavail * fs.bsize;
const needed = bigBytes * 2 + zipEntryBytes + GiB; // source, its encrypted copy, the zip entry's copy
if (free < needed) {
  process.stderr.write(`Not enough space in ${os.tmpdir()}: ${(free / GiB).toFixed(1)} GiB free, about ${(needed / GiB).toFixed(1)} GiB needed.\n`);
  process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-large-'));
try {
  const source = path.join(work, 'DISC');
  mkdirSync(source);
  process.stderr.write(`Writing a ${(bigBytes / GiB).toFixed(2)} GiB multi-frame file, a zip with a ${(zipEntryBytes / GiB).toFixed(2)} GiB entry and a small file…\n`);
  await writeDicom(path.join(source, 'A-CINE.dcm'), bigBytes, 'CINE');
  const zip = await writeZipOfDicom(path.join(source, 'B-PORTAL.zip'), 'STUDY/TOMO.dcm', zipEntryBytes, 'TOMO');
  await writeDicom(path.join(source, 'C-AFTER.dcm'), 1, 'AFTER');
  process.stderr.write(`zip: ${(statSync(path.join(source, 'B-PORTAL.zip')).size / 1e6).toFixed(1)} MB, entry ${(zip.size / GiB).toFixed(3)} GiB\n`);

  const worker = path.resolve('.tmp', 'bench-large-worker.mjs');
  const bundle = { bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' };
  await build({ ...bundle, entryPoints: ['scripts/bench/large-import-worker.ts'], outfile: worker });
  // The import finds its prepare-worker entry beside the bundle that runs it, as in dist/.
  await build({ ...bundle, entryPoints: ['main/core/import/prepare-worker.ts'], outfile: path.resolve('.tmp', 'prepare-worker.mjs') });
  process.stderr.write('Importing…\n');
  const r = spawnSync(process.execPath, [worker, source, path.join(work, 'vault')], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`import child failed (exit ${r.status}):\n${r.stderr}`);
  const result = JSON.parse(r.stdout.trim().split('\n').pop());
  const mb = (n) => `${(n / 1e6).toFixed(0)} MB`;
  const lines = [
    `import: ${result.importSeconds.toFixed(1)} s, ${result.imported} imported, ${result.failed.length} failed`,
    ...result.files.map((f) => `  ${f.path}: ${(f.size / GiB).toFixed(3)} GiB, ${f.outcome}${f.reason ? ` (${f.reason})` : ''}${f.pixels ? `, pixel digests ${f.pixels}${f.frames ? ` (${f.frames} frames)` : ''}` : ''}`),
    `background digest pass: ${JSON.stringify(result.digests)}`,
    `peak RSS of the import process: ${mb(result.maxRssBytes)} (target < 400 MB) ${result.maxRssBytes < 400e6 ? 'OK' : 'ABOVE TARGET'}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (result.maxRssBytes >= 400e6 || result.files.some((f) => f.outcome !== 'imported' && f.outcome !== 'failed')) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
