// npm run bench:viewer — builds, then runs the viewer benchmark (scripts/bench/viewer) in Chromium
// through `scanvault serve`. It ends with `first image: N ms` and `cine: N fps`.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--config', 'scripts/bench/viewer/playwright.config.ts']);
