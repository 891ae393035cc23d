/**
 * Where a bundle's files go while it is written: a folder, or one zip file (stored entries, CRC-32
 * from node:zlib; no ZIP64, so a share over 4 GB or 65,535 files must go to a folder). Both write
 * under a temporary name beside the destination and are moved into place only by commit(), so a
 * crash never leaves a half bundle under the name the patient chose. Nothing is ever overwritten.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
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
const EXISTS = 'Something is already saved under this name, and ScanVault never overwrites it. Choose another name or folder for the share.';
const NO_PARENT = 'The folder to save the share in does not exist. Check that the drive is connected, or choose another place.';

export async function assertNewDestination(target: string): Promise<void> {
  if (existsSync(target)) throw new CoreError('TARGET_EXISTS', EXISTS);
  const parent = await stat(path.dirname(target)).catch(() => null);
  if (!parent?.isDirectory()) throw new CoreError('PATH_NOT_FOUND', NO_PARENT);
}

const partialName = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.partial-${randomBytes(6).toString('hex')}`);

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
      if (existsSync(target)) throw new CoreError('TARGET_EXISTS', EXISTS);
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

const ZIP_LIMIT = 0xffffffff;

interface CentralEntry { name: Buffer; crc: number; size: number; offset: number }

function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export async function zipSink(target: string, now = new Date()): Promise<BundleSink> {
  await assertNewDestination(target);
  const partial = partialName(target);
  const handle: FileHandle = await open(partial, 'wx');
  const entries: CentralEntry[] = [];
  const { time, day } = dosTime(now);
  let offset = 0;
  let closed = false;
  let committed = false;
  // The place is reserved before the first await, so several adds may be in flight at once.
  const write = async (bytes: Uint8Array) => {
    const at = offset;
    offset += bytes.length;
    await handle.write(bytes, 0, bytes.length, at);
  };
  const tooLarge = () => new CoreError('BAD_REQUEST', 'This share is too large for a zip file (over 4 GB or 65,535 files). Save it to a folder instead.');
  return {
    partialPath: partial,
    async add(relativePath, bytes) {
      if (offset + bytes.length + 1024 > ZIP_LIMIT || entries.length >= 0xffff - 1) throw tooLarge();
      const name = Buffer.from(relativePath, 'utf8');
      const crc = crc32(bytes);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(10, 4); // version needed: 1.0 (stored)
      local.writeUInt16LE(0x0800, 6); // names are UTF-8
      local.writeUInt16LE(0, 8); // stored
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(day, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(bytes.length, 18);
      local.writeUInt32LE(bytes.length, 22);
      local.writeUInt16LE(name.length, 26);
      entries.push({ name, crc, size: bytes.length, offset });
      await Promise.all([write(Buffer.concat([local, name])), write(bytes)]);
    },
    async close() {
      const start = offset;
      for (const e of entries) {
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
        central.writeUInt16LE(10, 6);
        central.writeUInt16LE(0x0800, 8);
        central.writeUInt16LE(0, 10);
        central.writeUInt16LE(time, 12);
        central.writeUInt16LE(day, 14);
        central.writeUInt32LE(e.crc, 16);
        central.writeUInt32LE(e.size, 20);
        central.writeUInt32LE(e.size, 24);
        central.writeUInt16LE(e.name.length, 28);
        central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
        central.writeUInt32LE(e.offset, 42);
        await write(Buffer.concat([central, e.name]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      if (offset + 22 > ZIP_LIMIT) throw tooLarge();
      await write(end);
      await handle.sync();
      await handle.close();
      closed = true;
    },
    async commit() {
      // link, not rename: it fails rather than replace a file that appeared meanwhile.
      await link(partial, target).catch((error: unknown) => {
        throw error instanceof Error && 'code' in error && error.code === 'EEXIST' ? new CoreError('TARGET_EXISTS', EXISTS) : error;
      });
      committed = true;
      await rm(partial, { force: true });
      await fsyncDirectory(path.dirname(target));
    },
    async discard() {
      if (!closed) await handle.close().catch(() => undefined);
      await rm(partial, { force: true });
      if (committed) await rm(target, { force: true });
    },
  };
}
