import { defineConfig } from 'vite';
import { imageLoaderPatches } from './scripts/vite/image-loader-patches.mjs';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), ...imageLoaderPatches()],
  // Cornerstone3D (see ../shared/TOOLCHAIN.md): the image loader ships its own ES workers and WASM
  // codecs, which Vite's dependency pre-bundling breaks; dicom-parser is CommonJS and must be.
  optimizeDeps: {
    exclude: ['@cornerstonejs/dicom-image-loader'],
    include: ['dicom-parser'],
  },
  worker: { format: 'es', plugins: () => [...imageLoaderPatches()] },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2023',
  },
});
