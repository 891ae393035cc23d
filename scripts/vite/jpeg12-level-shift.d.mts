import type { Plugin } from 'vite';
export function jpeg12LevelShift(): Plugin;
