import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { errnoToCode } from './errno-codes';
import { SourceReadError } from './messages';
import type { SourceErrorCode } from './types';
import { diskZipSource, type ZipSource } from './zip-source';

export { errnoToCode } from './errno-codes';

/** What the walker needs from the file system; injectable so tests can simulate denied access. */
export interface SourceFileSystem {
  lstat(path: string): Promise<EntryStat>;
  stat(path: string): Promise<EntryStat>;
  readdir(path: string): Promise<string[]>;
  realpath(path: string): Promise<string>;
  /** Rejects when the file cannot be opened for reading. */
  checkReadable(path: string): Promise<void>;
  /** Whole file, never through a symlink or into a non-regular file. Rejects with SourceReadError. */
  readWholeFile(path: string): Promise<Buffer>;
  /** The same bytes as readWholeFile in chunks, for files of any size; the iteration throws SourceReadError. */
  streamFile(path: string): AsyncIterable<Buffer>;
  /** Up to maxBytes of a small text-like file; null when absent or unreadable. */
  readSmallFile(path: string, maxBytes: number): Promise<Buffer | null>;
  /** Where the bytes of the .zip at `path` come from; opening failures surface when the source is used. */
  openZip(path: string): ZipSource;
}

export interface EntryStat {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  size: number;
}

const READ_CHUNK = 64 * 1024 * 1024;
/** Chunks of a streamed file: large enough for few system calls, small enough to never matter for memory. */
const STREAM_CHUNK = 1024 * 1024;

export const nodeFileSystem: SourceFileSystem = {
  lstat: (path) => fsp.lstat(path),
  stat: (path) => fsp.stat(path),
  readdir: (path) => fsp.readdir(path),
  realpath: (path) => fsp.realpath(path),
  checkReadable: (path) => fsp.access(path, constants.R_OK),
  readWholeFile,
  streamFile,
  readSmallFile,
  openZip: diskZipSource,
};

async function readWholeFile(path: string): Promise<Buffer> {
  let handle: fsp.FileHandle | undefined;
  try {
    // O_NOFOLLOW: the file was a regular file when scanned; a link swapped in since is not followed.
    // O_NONBLOCK: opening a pipe swapped in since would otherwise hang the import.
    handle = await fsp.open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SourceReadError('FILE_CHANGED');
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, Math.min(READ_CHUNK, bytes.length - filled), filled);
      if (bytesRead === 0) throw new SourceReadError('FILE_CHANGED');
      filled += bytesRead;
    }
    return bytes;
  } catch (err) {
    throw toSourceReadError(err, 'FILE_READ_FAILED');
  } finally {
    await handle?.close();
  }
}

/** Reads exactly the size the file had when opened, one fresh buffer per chunk (consumers may keep some). */
async function* streamFile(path: string): AsyncGenerator<Buffer, void, undefined> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SourceReadError('FILE_CHANGED');
    for (let position = 0; position < stat.size;) {
      const chunk = Buffer.allocUnsafe(Math.min(STREAM_CHUNK, stat.size - position));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) throw new SourceReadError('FILE_CHANGED');
      position += bytesRead;
      yield bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead);
    }
  } catch (err) {
    throw toSourceReadError(err, 'FILE_READ_FAILED');
  } finally {
    await handle?.close();
  }
}

async function readSmallFile(path: string, maxBytes: number): Promise<Buffer | null> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (!(await handle.stat()).isFile()) return null;
    const bytes = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(bytes, 0, maxBytes, 0);
    return bytes.subarray(0, bytesRead);
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** Maps an operating-system error to a SourceReadError; the original text (it has the path) is dropped. */
export function toSourceReadError(err: unknown, fallback: SourceErrorCode): SourceReadError {
  if (err instanceof SourceReadError) return err;
  return new SourceReadError(errnoToCode(err) ?? fallback);
}
