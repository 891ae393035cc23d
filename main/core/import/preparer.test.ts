import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF } from '../../test-support/dicom-fixtures';
import type { Logger } from '../log';
import { createVault, type OpenVault } from '../vault/vault';
import { PreparePool } from './prepare-pool';
import { defaultWorkerCount, defaultWorkerScript, openPreparer } from './preparer';
import { buildTestWorkers, type TestWorkers } from '../../test-support/import/test-workers';

const MiB = 1024 * 1024;
let workers: TestWorkers;
let root = '';
let vault: OpenVault;
beforeAll(async () => { workers = await buildTestWorkers('preparer'); });
afterAll(() => workers.cleanup());
afterEach(() => {
  vault.close();
  rmSync(root, { recursive: true, force: true });
});

async function setUp(): Promise<{ log: Logger; events: string[] }> {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-preparer-'));
  vault = (await createVault({ dir: path.join(root, 'vault'), passphrase: 'pass phrase', ...FAST_KDF })).vault;
  const events: string[] = [];
  return { events, log: { info: (e) => events.push(e), warn: (e) => events.push(e) } };
}

describe('openPreparer', () => {
  it('uses worker threads for a large import when the worker entry is there', async () => {
    const { log, events } = await setUp();
    const preparer = openPreparer(vault, { files: 100, bytes: 40 * MiB }, { workers: 2, workerScript: workers.script }, log);
    expect([preparer instanceof PreparePool, preparer.filesAhead, events]).toEqual([true, 64, []]);
    expect((preparer as PreparePool).liveWorkers).toBe(2);
    await preparer.close();
    expect((preparer as PreparePool).liveWorkers).toBe(0);
  });

  it.each([
    ['no workers are wanted', { files: 100, bytes: 40 * MiB }, { workers: 0 }],
    ['the import is small', { files: 100, bytes: 31 * MiB }, { workers: 2 }],
  ])('prepares on the main thread when %s', async (_name, work, options) => {
    const { log, events } = await setUp();
    const preparer = openPreparer(vault, work, { ...options, workerScript: workers.script }, log);
    expect([preparer instanceof PreparePool, preparer.filesAhead, events]).toEqual([false, 16, []]);
  });

  it('prepares on the main thread, and says so, when no worker entry is bundled beside it', async () => {
    const { log, events } = await setUp();
    const preparer = openPreparer(vault, { files: 100, bytes: 40 * MiB }, { workers: 2 }, log);
    expect([preparer instanceof PreparePool, events]).toEqual([false, ['import.workers-unavailable']]);
  });

  it('starts no more workers than there are files', async () => {
    const { log } = await setUp();
    const preparer = openPreparer(vault, { files: 1, bytes: 40 * MiB }, { workers: 3, workerScript: workers.script }, log) as PreparePool;
    expect(preparer.liveWorkers).toBe(1);
    await preparer.close();
  });
});

describe('defaultWorkerCount / defaultWorkerScript', () => {
  it('uses one worker per core, at least 1 and at most 4', () => {
    expect(defaultWorkerCount()).toBe(Math.min(4, Math.max(1, os.availableParallelism())));
  });

  it('has no worker entry beside the TypeScript sources', () => {
    expect(defaultWorkerScript()).toBeNull();
  });

  it.each(['esm', 'cjs'] as const)('finds the worker entry beside a %s bundle, as scripts/build.mjs lays them out', async (format) => {
    const ext = format === 'esm' ? 'mjs' : 'cjs';
    const entry = `import { defaultWorkerScript } from ${JSON.stringify(path.resolve('main/core/import/preparer'))};\nconsole.log(String(defaultWorkerScript()));`;
    // The CommonJS (Electron) bundle gets import.meta.url from its own file name, as in scripts/build.mjs.
    const cjs = { define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" } };
    const hostDir = path.join(workers.dir, format);
    const host = path.join(hostDir, `host.${ext}`);
    await build({
      stdin: { contents: entry, resolveDir: workers.dir, loader: 'ts' }, outfile: host, bundle: true, platform: 'node', format,
      packages: 'external', logLevel: 'error', ...(format === 'cjs' ? cjs : {}),
    });
    const beside = path.join(hostDir, `prepare-worker.${ext}`);
    writeFileSync(beside, '');
    expect(execFileSync(process.execPath, [host], { encoding: 'utf8' }).trim()).toBe(pathToFileURL(beside).href);
  });
});
