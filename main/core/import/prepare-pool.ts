/**
 * Prepares files in worker threads so hashing, parsing, encryption and blob writes use the other
 * cores while the main thread reads sources and writes the database. The main thread reads each
 * file (sources may be zips or uploads) and moves its bytes to the least busy worker. A worker
 * fsyncs each blob file; the vault's BlobStore adopts the blob and its flush() before every COMMIT
 * fsyncs the blob's directory, so no committed row names a blob that a crash could lose.
 *
 * A pool lives for one import. When it closes, each worker zeroes its copy of the blob wrapping
 * key and exits. If a worker dies, its unfinished files are prepared again on the main thread
 * (their bytes were moved away, so they are read again); blobs it left half-written have no row
 * and are removed by the orphan sweep at the next open.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log';
import type { SourceFile } from '../sources/types';
import { VaultError } from '../vault/errors';
import type { OpenVault } from '../vault/vault';
import { loadKnownDigests } from './known-digests';
import { DEFAULT_LARGE_FILE_OPTIONS, type LargeFileOptions } from './prepare-stream';
import { blobsOf, prepareBytes, prepareFile, readSourceFile, vaultPrepareDeps, type PreparedFile } from './prepare-file';
import {
  PREPARE_WORKER_ROLE, fromWireError, ownedBytes, revivePrepared, type FromWorker, type PrepareWorkerData, type ToWorker,
} from './prepare-protocol';

/** Prepares files for commitFile, in any order; the caller keeps the order. */
export interface Preparer {
  /** How many files the import keeps in preparation ahead of the one it indexes. */
  readonly filesAhead: number;
  prepare(file: SourceFile): Promise<PreparedFile>;
  /** Ends the workers (their key copies zeroed). Call when the import ends, also on error. */
  close(): Promise<void>;
}

/** The same preparation on this thread: the I/O of a few files overlaps, their hashing does not. */
export function mainThreadPreparer(vault: OpenVault, large: LargeFileOptions = DEFAULT_LARGE_FILE_OPTIONS): Preparer {
  return { filesAhead: 16, prepare: (file) => prepareFile(vault, file, large), close: () => Promise.resolve() };
}

/** How long a stopping worker may take to finish its last writes before it is terminated. */
const STOP_TIMEOUT_MS = 5000;

interface Job {
  file: SourceFile;
  resolve: (prepared: PreparedFile | Promise<PreparedFile>) => void;
  reject: (error: unknown) => void;
}

interface PrepareThread {
  readonly worker: Worker;
  readonly jobs: Map<number, Job>;
  state: 'running' | 'stopping' | 'gone';
  readonly exited: Promise<void>;
}

export class PreparePool implements Preparer {
  /** Workers wait on the disk now and then; a deep queue keeps them busy meanwhile (measured). */
  readonly filesAhead = 64;
  private readonly threads: PrepareThread[];
  private nextJobId = 1;
  private closed = false;

  /** Starts `count` workers running `script` (see prepare-worker.ts). */
  constructor(
    private readonly vault: OpenVault, count: number, script: string | URL, private readonly log: Logger,
    private readonly large: LargeFileOptions = DEFAULT_LARGE_FILE_OPTIONS,
  ) {
    const knownDigests = loadKnownDigests(vault.db);
    this.threads = [];
    try {
      for (let i = 0; i < count; i++) this.threads.push(this.spawn(script, knownDigests));
    } catch (error) {
      void this.close(); // the workers already started zero their keys and exit
      throw error;
    }
  }

  /** Workers still preparing files (not crashed, not closed). */
  get liveWorkers(): number {
    return this.threads.filter((t) => t.state === 'running').length;
  }

  async prepare(file: SourceFile): Promise<PreparedFile> {
    // Streamed here: moving a whole large file to a worker would hold it in memory.
    if (file.size > this.large.streamAboveBytes) return prepareFile(this.vault, file, this.large);
    const read = await readSourceFile(file);
    if ('failed' in read) return read.failed;
    const thread = this.leastBusyThread();
    if (thread === null) return prepareBytes(vaultPrepareDeps(this.vault), read.common, read.bytes);
    if (!this.vault.isOpen) throw new VaultError('VAULT_LOCKED');
    return new Promise<PreparedFile>((resolve, reject) => {
      const jobId = this.nextJobId++;
      thread.jobs.set(jobId, { file, resolve, reject });
      const send = (bytes: Uint8Array): void => {
        const message: ToWorker = { type: 'prepare', jobId, common: read.common, bytes };
        thread.worker.postMessage(message, [bytes.buffer as ArrayBuffer]);
      };
      try {
        send(ownedBytes(read.bytes));
      } catch {
        // Memory Node refuses to hand over (DataCloneError): move a copy instead.
        try {
          send(new Uint8Array(read.bytes));
        } catch (error) {
          thread.jobs.delete(jobId);
          reject(error instanceof Error ? error : new Error('The file could not be handed to a worker.'));
        }
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.threads.map((thread) => this.stop(thread)));
  }

  private spawn(script: string | URL, knownDigests: Uint8Array): PrepareThread {
    const copy = this.vault.blobs.dangerousWorkerCopy();
    const data: PrepareWorkerData = { role: PREPARE_WORKER_ROLE, ...copy, knownDigests };
    let worker: Worker;
    try {
      // Transferred, not copied: no stray copy of the key stays on this thread.
      worker = new Worker(script, { workerData: data, transferList: [copy.wrappingKey.buffer as ArrayBuffer] });
    } catch (error) {
      copy.wrappingKey.fill(0);
      throw error;
    }
    const thread: PrepareThread = {
      worker, jobs: new Map(), state: 'running', exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    };
    worker.on('message', (message: FromWorker) => this.onMessage(thread, message));
    worker.on('error', () => this.onLost(thread));
    worker.on('exit', () => this.onLost(thread));
    return thread;
  }

  private leastBusyThread(): PrepareThread | null {
    if (this.closed) return null;
    let best: PrepareThread | null = null;
    for (const thread of this.threads) {
      if (thread.state === 'running' && (best === null || thread.jobs.size < best.jobs.size)) best = thread;
    }
    return best;
  }

  private onMessage(thread: PrepareThread, message: FromWorker): void {
    if (message.type === 'stopped') return;
    const job = thread.jobs.get(message.jobId);
    if (job === undefined) return; // its worker was given up on and the file prepared again
    thread.jobs.delete(message.jobId);
    if (message.type === 'failed') {
      job.reject(fromWireError(message.error));
      return;
    }
    try {
      const prepared = revivePrepared(message.prepared);
      // Before anything can commit a row naming these blobs, so the next flush() covers them.
      for (const blobId of blobsOf(prepared)) this.vault.blobs.adoptFileSynced(blobId);
      job.resolve(prepared);
    } catch (error) {
      job.reject(error);
    }
  }

  /** A worker crashed or exited unasked: its files are prepared again here. */
  private onLost(thread: PrepareThread): void {
    if (thread.state === 'gone') return;
    const unexpected = thread.state === 'running';
    thread.state = 'gone';
    const orphaned = [...thread.jobs.values()];
    thread.jobs.clear();
    if (!unexpected) {
      orphaned.forEach((job) => job.reject(new Error('The import stopped before this file was prepared.')));
      return;
    }
    this.log.warn('import.worker-lost', { files: orphaned.length, workersLeft: this.liveWorkers });
    void thread.worker.terminate();
    for (const job of orphaned) job.resolve(prepareFile(this.vault, job.file, this.large));
  }

  private async stop(thread: PrepareThread): Promise<void> {
    if (thread.state === 'running') {
      thread.state = 'stopping';
      thread.worker.postMessage({ type: 'stop' } satisfies ToWorker);
    }
    // Files still in flight are never committed now; the orphan sweep removes their blobs.
    for (const job of thread.jobs.values()) job.reject(new Error('The import stopped before this file was prepared.'));
    thread.jobs.clear();
    const timer = setTimeout(() => void thread.worker.terminate(), STOP_TIMEOUT_MS);
    await thread.exited;
    clearTimeout(timer);
  }
}
