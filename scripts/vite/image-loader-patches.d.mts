import type { Plugin } from 'vite';
export function imageLoaderPatches(): Plugin[];
