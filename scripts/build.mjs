// Builds everything: the CLI/browser host bundle, the Electron main and preload, and the renderer.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cpSync, rmSync } from 'node:fs';

const onlyMain = process.argv.includes('--main-only');
if (!onlyMain) rmSync('dist', { recursive: true, force: true }); // --main-only keeps the renderer build

const PREPARE_WORKER = 'main/core/import/prepare-worker.ts';
const nodeCommon = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...nodeCommon,
    entryPoints: ['main/hosts/cli/main.ts'],
    outfile: 'dist/cli.mjs',
    format: 'esm',
    packages: 'external',
  }),
  // Import prepare workers (main/core/import/preparer.ts finds them beside the bundle that starts them).
  build({ ...nodeCommon, entryPoints: [PREPARE_WORKER], outfile: 'dist/prepare-worker.mjs', format: 'esm', packages: 'external' }),
  build({
    ...nodeCommon,
    entryPoints: ['main/hosts/electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    packages: 'external',
    external: ['electron'],
    // esbuild leaves import.meta empty in CommonJS; core code locates files with import.meta.url.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({ ...nodeCommon, entryPoints: [PREPARE_WORKER], outfile: 'dist/electron/prepare-worker.cjs', format: 'cjs', packages: 'external' }),
  // A sandboxed preload can only require 'electron': bundle everything else into it.
  build({
    ...nodeCommon,
    entryPoints: ['main/hosts/electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);

if (!onlyMain) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  // pdf.js's data files (CMaps, standard fonts, wasm decoders, ICC profiles), served from the
  // app's own origin so the PDF view never reaches the network (renderer/.../pdf-engine.ts).
  for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
    cpSync(`node_modules/pdfjs-dist/${dir}`, `dist/renderer/pdfjs/${dir}`, { recursive: true });
  }
}
console.log('build: dist/ ready');
