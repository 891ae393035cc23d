/**
 * Builds the test-only decode page (never part of the app's bundle): the viewer's own adapter
 * modules behind a tiny page a Playwright spec drives. Same Cornerstone settings as vite.config.ts.
 */
import path from 'node:path';
import { defineConfig } from 'vite';
import { imageLoaderPatches } from '../../../scripts/vite/image-loader-patches.mjs';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [...imageLoaderPatches()],
  optimizeDeps: { exclude: ['@cornerstonejs/dicom-image-loader'], include: ['dicom-parser'] },
  worker: { format: 'es', plugins: () => [...imageLoaderPatches()] },
  build: {
    outDir: process.env.DECODE_PAGE_OUT ?? path.join(import.meta.dirname, '../../../test-results/decode-page'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2023',
  },
});
