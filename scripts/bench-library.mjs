// `npm run bench:library`: list query time and unlock-to-first-card in Chromium (browser host) at
// 10,000 one-image studies against one study. Needs `npm run build` first (it serves dist/).
// The vaults' indexes are filled fast with rows shaped as an import writes them (no pixel files:
// the list never reads them); see scripts/bench/library-bench.ts. BENCH_ROUNDS: unlocks per vault (default 5).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const out = path.resolve('.tmp', 'bench-library.mjs');
await build({ entryPoints: ['scripts/bench/library-bench.ts'], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
const r = spawnSync(process.execPath, [out], { stdio: 'inherit' });
process.exit(r.status ?? 1);
