// The export benchmark's floor: how long Node takes merely to copy the study's files (read each,
// write it under a new name) with both cores, and nothing else: no decryption, de-identification,
// checks, DICOMDIR, manifest, read-back or fsync. No export written in Node can be faster than
// this on the same machine, so its ratio to gdcmanon bounds what any ScanVault export could reach.
// Generous on purpose: the threads are started before the clock, and the file list is given.
import { mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// CommonJS source run with eval: the benchmark is one bundled file, with no worker file beside it.
const COPY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync, writeFileSync } = require('node:fs');
parentPort.once('message', () => {
  const { files, outDir, first, step } = workerData;
  for (let i = first; i < files.length; i += step) writeFileSync(outDir + '/' + i, readFileSync(files[i]));
  parentPort.postMessage('done');
});`;

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Seconds to copy `files` into `outDir` (which must not exist) with one thread per core. */
export async function timeBareCopy(files: readonly string[], outDir: string): Promise<number> {
  mkdirSync(outDir);
  const threads = Math.max(1, os.availableParallelism());
  const workers = Array.from({ length: threads }, (_, first) => new Worker(COPY_WORKER, { eval: true, workerData: { files, outDir, first, step: threads } }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => { w.once('online', resolve); w.once('error', reject); })));
    const started = process.hrtime.bigint();
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.postMessage('go');
    })));
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
