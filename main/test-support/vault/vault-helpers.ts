/** Helpers for the vault/crypto tests only (never imported by production code). */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KdfCost, KdfPolicy } from '../../core/crypto/kdf-policy';

/** Tiny Argon2id so a test unlock takes milliseconds. Tests only. */
export const TEST_KDF_POLICY: KdfPolicy = { minMemoryKiB: 8, minIterations: 1 };
export const TEST_KDF_COST: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };

export function makeTempDir(prefix = 'scanvault-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file below `dir` (relative path -> SHA-256 hex), sorted; directories listed with 'dir'. */
export function snapshotFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      const relative = path.relative(dir, full);
      if (statSync(full).isDirectory()) {
        out[relative] = 'dir';
        walk(full);
      } else {
        out[relative] = createHash('sha256').update(readFileSync(full)).digest('hex');
      }
    }
  };
  walk(dir);
  return out;
}

/** Files below `dir` whose bytes contain `needle` (ASCII/UTF-8 and UTF-16LE). */
export function filesContaining(dir: string, needle: string): string[] {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return Object.entries(snapshotFolder(dir))
    .filter(([, kind]) => kind !== 'dir')
    .map(([relative]) => relative)
    .filter((relative) => {
      const bytes = readFileSync(path.join(dir, relative));
      return patterns.some((pattern) => bytes.includes(pattern));
    });
}

export async function* chunked(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  let index = 0;
  while (offset < bytes.length) {
    const size = sizes[index % sizes.length] ?? 1;
    yield bytes.subarray(offset, offset + size);
    offset += size;
    index += 1;
  }
}

/** Deterministic pseudo-random bytes (not secret) for fixtures. */
export function patternBytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}
