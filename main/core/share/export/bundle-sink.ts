/**
 * Where a bundle's files go while it is written: a folder (here), or one zip file (zip-sink.ts).
 * Both write under a temporary name beside the destination and are moved into place only by
 * commit(), so a crash never leaves a half bundle under the name the patient chose. Nothing is
 * ever overwritten.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { SHARE_FOLDER_MISSING, SHARE_TARGET_EXISTS } from '../../../../shared/share/share-domain';
import { CoreError } from '../../core-error';
import { fsyncDirectory } from '../../vault/atomic-file';

export interface BundleSink {
  /** The partial location (folder or zip), for reading it back before commit. */
  readonly partialPath: string;
  add(relativePath: string, bytes: Uint8Array): Promise<void>;
  /** Everything written and flushed; the partial can be read back now. */
  close(): Promise<void>;
  /** Moves the partial to the destination (refusing one that appeared meanwhile). */
  commit(): Promise<void>;
  /** Removes whatever was written (also after commit, when logging the share failed). */
  discard(): Promise<void>;
}

const SYNC_BATCH = 64;
/** Batches being synced before add() waits for one: bounds the open files at about 3 x SYNC_BATCH. */
const SYNC_BATCHES_OPEN = 2;

export async function assertNewDestination(target: string): Promise<void> {
  if (existsSync(target)) throw new CoreError('TARGET_EXISTS', SHARE_TARGET_EXISTS);
  const parent = await stat(path.dirname(target)).catch(() => null);
  if (!parent?.isDirectory()) throw new CoreError('PATH_NOT_FOUND', SHARE_FOLDER_MISSING);
}

export const partialName = (target: string): string => path.join(path.dirname(target), `.${path.basename(target)}.partial-${randomBytes(6).toString('hex')}`);

/**
 * Makes every file written durable in batches, through the handle that wrote it: a batch's fsyncs
 * run at once (the file system commits them together; one after another each waits for its own
 * journal commit), in the background while later files are de-identified. Before, every file was
 * opened a second time at the end just to fsync it. At most a few batches are open at a time.
 */
class BatchSyncer {
  private pending: FileHandle[] = [];
  private readonly running = new Set<Promise<void>>();
  private failure: Error | null = null;

  async add(handle: FileHandle): Promise<void> {
    this.pending.push(handle);
    if (this.pending.length >= SYNC_BATCH) this.start();
    if (this.running.size > SYNC_BATCHES_OPEN) await Promise.race(this.running);
  }

  /** Every handle added so far synced and closed; throws the first failure. */
  async finish(): Promise<void> {
    this.start();
    await Promise.all(this.running);
    if (this.failure !== null) throw this.failure;
  }

  /** Closes everything without caring about failures (the bundle is being removed). */
  async abandon(): Promise<void> {
    this.start();
    await Promise.all(this.running);
  }

  private start(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const task: Promise<void> = Promise.all(batch.map(async (handle) => {
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    })).then(() => undefined, (error: unknown) => { this.failure ??= error instanceof Error ? error : new Error('a file could not be made durable'); }).finally(() => { this.running.delete(task); });
    this.running.add(task);
  }
}

export async function folderSink(target: string): Promise<BundleSink> {
  await assertNewDestination(target);
  const partial = partialName(target);
  await mkdir(partial);
  const made = new Set<string>([partial]);
  const syncer = new BatchSyncer();
  let committed = false;
  return {
    partialPath: partial,
    async add(relativePath, bytes) {
      const file = path.join(partial, ...relativePath.split('/'));
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        // The folders in between were made too (DICOM/P0000001/...): their entries are synced at close() as well.
        for (let d = dir; d.startsWith(partial) && !made.has(d); d = path.dirname(d)) made.add(d);
      }
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(bytes);
      } catch (error) {
        await handle.close();
        throw error;
      }
      await syncer.add(handle);
    },
    async close() {
      await syncer.finish();
      await Promise.all([...made].map((dir) => fsyncDirectory(dir)));
    },
    async commit() {
      if (existsSync(target)) throw new CoreError('TARGET_EXISTS', SHARE_TARGET_EXISTS);
      await rename(partial, target);
      committed = true;
      await fsyncDirectory(path.dirname(target));
    },
    async discard() {
      await syncer.abandon();
      await rm(committed ? target : partial, { recursive: true, force: true });
    },
  };
}
