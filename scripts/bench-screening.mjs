// `npm run bench:screening`: burned-in text screening speed on a generated 500-slice CT with a few
// text slices (scripts/bench/screening-bench.ts). Ends with `screening: N images/s`.
// BENCH_SLICES: number of slices (default 500).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Two folders down, so the sample corpus helper finds ../shared/dicom-samples from the bundle too.
const out = path.resolve('.tmp', 'bench', 'screening-bench.mjs');
await build({ entryPoints: ['scripts/bench/screening-bench.ts'], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
const r = spawnSync(process.execPath, [out], { stdio: 'inherit' });
process.exit(r.status ?? 1);
