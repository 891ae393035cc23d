import type { Plugin } from 'vite';
export function j2kHeaderSign(): Plugin;
