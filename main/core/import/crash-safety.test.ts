/**
 * Kills an import (SIGKILL, child process) at random moments many times, preparing files on the
 * main thread and in worker threads. After each kill the vault must open, be consistent (every
 * indexed file decrypts to its recorded SHA-256, no orphan blob survives the open, the history log
 * is intact), and a final re-run must complete the import. Also: a setting and a passphrase change
 * written while an import's group is open survive when that import is killed.
 *
 * The kill delays come from a seeded generator; the seed is printed as `crash-safety seed=N`.
 * Re-run with the same delays: SCANVAULT_CRASH_SEED=N npx vitest run main/core/import/crash-safety.test.ts
 * (delays are fractions of the import time measured in the run, so on another machine they land at
 * the same relative points, not at the same file).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF, makeSeries } from '../../test-support/dicom-fixtures';
import { readSetting } from '../db/settings';
import { createVault, openVault } from '../vault/vault';
import { buildTestWorkers, type TestWorkers } from '../../test-support/import/test-workers';
import { MID_IMPORT_AUTO_LOCK_MINUTES, MID_IMPORT_NEW_PASSPHRASE } from '../../test-support/import/write-mid-import';

const PASS = 'correct horse battery staple';
const FILES = 300;
const KILLS = 12;
const SEED = process.env.SCANVAULT_CRASH_SEED !== undefined ? Number(process.env.SCANVAULT_CRASH_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`crash-safety seed=${SEED}`);

/** mulberry32: a small seeded generator, so a failing run's kill delays can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function blobFilesOnDisk(vaultDir: string): string[] {
  const root = path.join(vaultDir, 'blobs');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'tmp')
    .flatMap((d) => readdirSync(path.join(root, d.name)));
}

async function checkConsistent(vaultDir: string, passphrase = PASS): Promise<number> {
  const vault = await openVault({ dir: vaultDir, passphrase, kdfPolicy: FAST_KDF.kdfPolicy });
  try {
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = vault.db.prepare('SELECT b.id, b.sha256, i.sha256_file FROM blobs b JOIN instances i ON i.blob_id = b.id').all() as
      { id: string; sha256: Buffer; sha256_file: Buffer }[];
    for (const row of rows) {
      const digest = createHash('sha256').update(await vault.blobs.readAll(row.id)).digest();
      expect(digest.equals(row.sha256_file)).toBe(true);
    }
    const blobRows = (vault.db.prepare('SELECT COUNT(*) AS n FROM blobs').get() as { n: number }).n;
    expect(blobFilesOnDisk(vaultDir).length).toBe(blobRows);
    expect(vault.events.verifyChain().ok).toBe(true);
    return rows.length;
  } finally {
    vault.close();
  }
}

describe.each([
  { where: 'on the main thread', child: 'main/test-support/import-child.ts', inWorkers: false },
  { where: 'in worker threads', child: 'main/test-support/import/crash-test-child.ts', inWorkers: true },
])('import crash safety, preparing $where (SIGKILL at random points)', ({ child, inWorkers }) => {
  let work: string;
  let childScript: string;
  let childArgs: (vault: string) => string[];
  /** How long an uninterrupted import takes here, so kills can land anywhere inside one. */
  let importMs: number;
  let workers: TestWorkers;
  let vaultDir: string;
  let sourceDir: string;

  afterAll(() => {
    workers.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'sv-crash-'));
    // Bundled inside the repo so its external packages resolve from node_modules.
    workers = await buildTestWorkers('crash-safety');
    childScript = path.join(workers.dir, 'import-child.mjs');
    await build({ entryPoints: [path.resolve(child)], outfile: childScript, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
    sourceDir = path.join(work, 'source');
    mkdirSync(sourceDir);
    makeSeries(FILES, { rows: 64, columns: 64 }).forEach((b, i) => writeFileSync(path.join(sourceDir, `IM${String(i).padStart(4, '0')}`), b));
    vaultDir = path.join(work, 'vault');
    childArgs = (vault) => [childScript, vault, sourceDir, PASS, ...(inWorkers ? [workers.script] : [])];
    for (const dir of [vaultDir, `${vaultDir}-timing`]) (await createVault({ dir, passphrase: PASS, ...FAST_KDF })).vault.close();
    importMs = (await runChild(null, `${vaultDir}-timing`)).importMs;
  });

  /** `killAfterMs: 'wrote'` kills the child as soon as it reports its mid-import writes. */
  function runChild(killAfterMs: number | null | 'wrote', vault = vaultDir): Promise<{ killed: boolean; out: string; importMs: number }> {
    return new Promise((resolve, reject) => {
      const env = killAfterMs === 'wrote' ? { ...process.env, SCANVAULT_CRASH_WRITE_MID_IMPORT: '1' } : process.env;
      const child = spawn(process.execPath, childArgs(vault), { stdio: ['ignore', 'pipe', 'pipe'], env });
      let out = '';
      let err = '';
      let openedAt = 0;
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (killAfterMs === 'wrote' && out.includes('wrote\n')) child.kill('SIGKILL');
        if (openedAt !== 0 || !out.startsWith('opened')) return;
        openedAt = performance.now();
        if (typeof killAfterMs === 'number') setTimeout(() => child.kill('SIGKILL'), killAfterMs).unref();
      });
      child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        const importMs = performance.now() - openedAt;
        if (signal === 'SIGKILL') resolve({ killed: true, out, importMs });
        else if (code === 0) resolve({ killed: false, out, importMs });
        else reject(new Error(`child exited ${code}: ${err}`));
      });
    });
  }

  it('stays consistent after every kill and completes on the final run', async () => {
    const random = seededRandom(SEED);
    let previous = 0;
    let killsMidImport = 0;
    for (let i = 0; i < KILLS; i++) {
      // Early kills land early (so the first runs die mid-import), later ones anywhere in an import.
      const { killed } = await runChild(Math.floor(random() * importMs * (i + 1) / KILLS));
      const stored = await checkConsistent(vaultDir);
      expect(stored).toBeGreaterThanOrEqual(previous); // nothing committed is ever lost
      if (killed && stored < FILES) killsMidImport++;
      previous = stored;
    }
    expect(killsMidImport).toBeGreaterThan(0);
    const final = await runChild(null);
    expect(final.killed).toBe(false);
    const summary = JSON.parse(final.out.split('\n')[1]!) as { imported: number; seenAgain: number; failed: number };
    expect(summary.failed).toBe(0);
    expect(summary.imported + summary.seenAgain).toBe(FILES);
    expect(await checkConsistent(vaultDir)).toBe(FILES);
  }, 180_000);

  it('keeps a setting and a passphrase change written while an import group is open, when that import is killed', async () => {
    const dir = `${vaultDir}-mid`;
    (await createVault({ dir, passphrase: PASS, ...FAST_KDF })).vault.close();
    const { killed } = await runChild('wrote', dir);
    expect(killed).toBe(true);
    const stored = await checkConsistent(dir, MID_IMPORT_NEW_PASSPHRASE);
    expect(stored).toBeLessThan(FILES); // killed mid-import, with the group still open
    const vault = await openVault({ dir, passphrase: MID_IMPORT_NEW_PASSPHRASE, kdfPolicy: FAST_KDF.kdfPolicy });
    try {
      expect(readSetting(vault.db, 'autoLockMinutes')).toBe(String(MID_IMPORT_AUTO_LOCK_MINUTES));
      expect(vault.events.list().map((e) => e.kind)).toEqual(['vault-created', 'passphrase-changed']);
    } finally {
      vault.close();
    }
  }, 60_000);
});
