import { close, constants, fstat, open, read } from 'node:fs';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import * as yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { ArchiveLedger } from './inflate-guard';
import type { ZipLimits } from './types';
import { readZipEntry } from './zip-read';

/** Where a zip's bytes come from. */
export interface ZipSource {
  /** A fresh ZipFile for one pass over the central directory; the caller closes it. */
  openForListing(): Promise<ZipFile>;
  /** Runs `use` with a ZipFile that may be shared with other reads of the same archive. */
  withZip<T>(use: (zipfile: ZipFile) => Promise<T>): Promise<T>;
}

/** Sizes are checked by InflateGuard per entry and names by decodeEntryName, not by yauzl. */
export const OPEN_OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false } as const;

/** After the last read, a disk zip stays open this long, so an import reading entry after entry opens it once. */
const IDLE_CLOSE_MS = 1000;

export function diskZipSource(path: string): ZipSource {
  let shared: Promise<ZipFile> | null = null;
  let users = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  const closeShared = (): void => {
    const closing = shared;
    shared = null;
    closing?.then((zipfile) => zipfile.close(), () => undefined);
  };
  return {
    openForListing: () => openDiskZip(path),
    async withZip(use) {
      clearTimeout(idleTimer);
      users++;
      try {
        shared ??= openDiskZip(path);
        const opening = shared;
        const zipfile = await opening.catch((err: unknown) => {
          if (shared === opening) shared = null;
          throw err;
        });
        return await use(zipfile);
      } finally {
        users--;
        if (users === 0) idleTimer = setTimeout(closeShared, IDLE_CLOSE_MS).unref();
      }
    },
  };
}

/**
 * A zip held in memory (a file sent through the browser). Opening one only reads its end record,
 * so each use opens its own ZipFile and nothing is shared or left open.
 */
export function bufferZipSource(bytes: Buffer): ZipSource {
  return {
    openForListing: () => openBufferZip(bytes),
    async withZip(use) {
      const zipfile = await openBufferZip(bytes);
      try {
        return await use(zipfile);
      } finally {
        zipfile.close();
      }
    },
  };
}

function openBufferZip(bytes: Buffer): Promise<ZipFile> {
  return yauzl.fromBufferPromise(bytes, OPEN_OPTIONS);
}

const openAsync = promisify(open);
const fstatAsync = promisify(fstat);

async function openDiskZip(path: string): Promise<ZipFile> {
  // No link is followed and a pipe swapped in since the scan cannot hang the import.
  const fd = await openAsync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = await fstatAsync(fd);
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOENT' });
    return await yauzl.fromRandomAccessReaderPromise(new BlockCachedReader(fd), stat.size, OPEN_OPTIONS);
  } catch (err) {
    close(fd, () => undefined);
    throw err;
  }
}

const BLOCK_BYTES = 64 * 1024;
const STREAM_CHUNK_BYTES = 64 * 1024;

/**
 * yauzl reads the central directory as two small reads per entry; serving them from one cached
 * block turns 40 000 system calls for a 20 000-file archive into a few dozen.
 */
class BlockCachedReader extends yauzl.RandomAccessReader {
  private block: { start: number; bytes: Buffer } | null = null;

  constructor(private readonly fd: number) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    const cached = this.block;
    if (cached && position >= cached.start && position + length <= cached.start + cached.bytes.length) {
      cached.bytes.copy(buffer, offset, position - cached.start, position - cached.start + length);
      setImmediate(() => callback(null, length));
      return;
    }
    const block = Buffer.allocUnsafe(Math.max(length, BLOCK_BYTES));
    read(this.fd, block, 0, block.length, position, (err, bytesRead) => {
      if (err) {
        callback(err);
        return;
      }
      this.block = { start: position, bytes: block.subarray(0, bytesRead) };
      const available = Math.min(length, bytesRead);
      block.copy(buffer, offset, 0, available);
      callback(null, available);
    });
  }

  /** Positional reads on the shared fd (an fs.ReadStream would close the fd when destroyed). */
  override _readStreamForRange(start: number, end: number): Readable {
    const fd = this.fd;
    let position = start;
    return new Readable({
      highWaterMark: STREAM_CHUNK_BYTES,
      read(size) {
        const length = Math.min(size, end - position);
        if (length <= 0) {
          this.push(null);
          return;
        }
        const chunk = Buffer.allocUnsafe(length);
        read(fd, chunk, 0, length, position, (err, bytesRead) => {
          if (err || bytesRead === 0) {
            this.destroy(err ?? new Error('unexpected end of file'));
            return;
          }
          position += bytesRead;
          this.push(chunk.subarray(0, bytesRead));
        });
      },
    });
  }

  override close(callback: (err: Error | null) => void): void {
    close(this.fd, (err) => callback(err));
  }
}

/**
 * A zip stored inside another zip is inflated into memory (nothing is extracted to disk). One
 * inner archive is kept per scan: items are read in listing order, so each inner archive is
 * inflated once for the listing and once more when its files are imported.
 */
export class NestedZipCache {
  private slot: { key: Entry; bytes: Promise<Buffer> } | null = null;

  source(parent: ZipSource, entry: Entry, limits: ZipLimits, ledger: ArchiveLedger): ZipSource {
    const openInner = async (): Promise<ZipFile> => {
      let slot = this.slot;
      if (slot?.key !== entry) {
        slot = { key: entry, bytes: readZipEntry(parent, entry, limits, ledger) };
        this.slot = slot;
        slot.bytes.catch(() => this.forget(entry));
      }
      return openBufferZip(await slot.bytes);
    };
    return {
      openForListing: openInner,
      withZip: async (use) => use(await openInner()),
    };
  }

  private forget(entry: Entry): void {
    if (this.slot?.key === entry) this.slot = null;
  }
}
