/**
 * Tests only: bundles the prepare worker entry the way scripts/build.mjs does, into a fresh folder
 * inside the repository (so its external packages resolve from node_modules), and a variant that
 * crashes on purpose. Workers cannot run the TypeScript sources directly.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export interface TestWorkers {
  dir: string;
  /** dir/prepare-worker.mjs: the real worker entry. */
  script: string;
  /** A worker that serves like the real one but throws an uncaught error on its `n`th prepare request. */
  crashingScript(n: number): string;
  cleanup(): void;
}

export async function buildTestWorkers(label: string): Promise<TestWorkers> {
  const dir = path.resolve('.tmp', `${label}-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  const script = path.join(dir, 'prepare-worker.mjs');
  await build({
    entryPoints: [path.resolve('main/core/import/prepare-worker.ts')], outfile: script,
    bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error',
  });
  return {
    dir,
    script,
    crashingScript(n) {
      const file = path.join(dir, `crash-on-${n}.mjs`);
      writeFileSync(file, [
        "import { parentPort } from 'node:worker_threads';",
        "import './prepare-worker.mjs';",
        'let prepares = 0;',
        `parentPort.on('message', (m) => { if (m.type === 'prepare' && ++prepares === ${n}) throw new Error('simulated worker crash'); });`,
      ].join('\n'));
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
