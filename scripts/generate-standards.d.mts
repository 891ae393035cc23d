// Types for scripts/generate-standards.mjs, so its unit test type-checks.
export const STANDARDS_DIR: string;
export const OUTPUTS: { e11: string; e310: string };
export function parseCsv(text: string): string[][];
export function renderE11(text: string): string;
export function renderE310(text: string): string;
export function renderAll(dir?: string): Record<string, string>;
