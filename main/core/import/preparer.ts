/**
 * Chooses where an import prepares its files: in worker threads when the machine has cores to
 * spare, the import is big enough to pay for starting them and the worker entry is present;
 * otherwise on the main thread (the same code, so the results are the same).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import type { Logger } from '../log';
import type { OpenVault } from '../vault/vault';
import { PreparePool, mainThreadPreparer, type Preparer } from './prepare-pool';
import { DEFAULT_LARGE_FILE_OPTIONS, type LargeFileOptions } from './prepare-stream';

export type { Preparer } from './prepare-pool';

export interface PrepareThreadOptions {
  /** Worker threads; 0 prepares on the main thread. Default: defaultWorkerCount(). */
  readonly workers?: number;
  /** The bundled worker entry (prepare-worker.ts); default: prepare-worker.mjs or .cjs beside the running bundle. */
  readonly workerScript?: string | URL;
  /** Smaller imports are prepared on the main thread. Default DEFAULT_MIN_BYTES. */
  readonly minBytes?: number;
  /** When a file is streamed instead of read whole (tests use small values). Default DEFAULT_LARGE_FILE_OPTIONS. */
  readonly large?: Partial<LargeFileOptions>;
}

/**
 * Workers take about 0.1 s to start and warm up. Measured on 2 cores: about even with the main
 * thread alone at 20-60 MB, 15 % faster at 150 MB, about half again as fast at 1 GB.
 */
const DEFAULT_MIN_BYTES = 32 * 1024 * 1024;
const WORKER_FILE_NAMES = ['prepare-worker.mjs', 'prepare-worker.cjs'];

/**
 * One worker per core, up to 4. Not one fewer than the cores: the main thread mostly waits (on
 * reads and fsyncs), and workers block while the OS copies their writes, so on 2 cores 2 workers
 * imported 10-30 % faster than 1. Beyond 4 the main thread's reading and indexing would likely limit.
 */
export function defaultWorkerCount(): number {
  return Math.min(4, Math.max(1, os.availableParallelism()));
}

/**
 * scripts/build.mjs writes the worker entry beside each host bundle (dist/prepare-worker.mjs,
 * dist/electron/prepare-worker.cjs). Run from TypeScript sources (tests) there is none: null.
 */
export function defaultWorkerScript(): URL | null {
  for (const name of WORKER_FILE_NAMES) {
    const url = new URL(`./${name}`, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}

export function openPreparer(
  vault: OpenVault, work: { files: number; bytes: number }, options: PrepareThreadOptions, log: Logger,
): Preparer {
  const large = { ...DEFAULT_LARGE_FILE_OPTIONS, ...options.large };
  const workers = Math.min(options.workers ?? defaultWorkerCount(), work.files);
  if (workers < 1 || work.bytes < (options.minBytes ?? DEFAULT_MIN_BYTES)) return mainThreadPreparer(vault, large);
  const script = options.workerScript ?? defaultWorkerScript();
  if (script === null) {
    log.info('import.workers-unavailable');
    return mainThreadPreparer(vault, large);
  }
  try {
    return new PreparePool(vault, workers, script, log, large);
  } catch {
    log.warn('import.workers-failed-to-start');
    return mainThreadPreparer(vault, large);
  }
}
