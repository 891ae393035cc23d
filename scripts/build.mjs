// Builds everything: the CLI/browser host bundle, the Electron main and preload, and the renderer.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const onlyMain = process.argv.includes('--main-only');
rmSync('dist', { recursive: true, force: true });

const nodeCommon = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...nodeCommon,
    entryPoints: ['main/hosts/cli/main.ts'],
    outfile: 'dist/cli.mjs',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...nodeCommon,
    entryPoints: ['main/hosts/electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    packages: 'external',
    external: ['electron'],
  }),
  // A sandboxed preload can only require 'electron': bundle everything else into it.
  build({
    ...nodeCommon,
    entryPoints: ['main/hosts/electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);

if (!onlyMain) await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('build: dist/ ready');
