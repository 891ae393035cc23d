import { isAbsolute, relative, sep } from 'node:path';
import type { EntryStat, SourceFileSystem } from './fs-access';
import { SourceReadError } from './messages';
import { bufferZipSource, type ZipSource } from './zip-source';

/**
 * A read-only file system over files held in memory, so files sent through the browser go through
 * exactly the walk, classification and zip handling used for disks without ever being written
 * out. `files` maps clean '/'-separated paths (checked by the caller: no "..", no empty parts)
 * to their bytes; folders are implied by the paths. They appear under `base`, an absolute path
 * that never touches the real file system. A path cannot be both a file and a folder.
 */
export function memoryFileSystem(base: string, files: ReadonlyMap<string, Buffer>): SourceFileSystem {
  const folders = impliedFolders(files.keys());
  const locate = (path: string): string | null => {
    const inner = relative(base, path);
    if (inner === '..' || inner.startsWith(`..${sep}`) || isAbsolute(inner)) return null;
    return inner.split(sep).join('/');
  };
  const fileAt = (path: string): Buffer | undefined => {
    const inner = locate(path);
    return inner === null ? undefined : files.get(inner);
  };
  const statOf = async (path: string): Promise<EntryStat> => {
    const inner = locate(path);
    if (inner !== null && folders.has(inner)) return folderStat;
    const bytes = inner === null ? undefined : files.get(inner);
    if (!bytes) throw notFound();
    return fileStat(bytes.length);
  };
  return {
    lstat: statOf,
    stat: statOf,
    async readdir(path) {
      const inner = locate(path);
      const names = inner === null ? undefined : folders.get(inner);
      if (!names) throw notFound();
      return [...names];
    },
    async realpath(path) {
      await statOf(path);
      return path;
    },
    async checkReadable(path) {
      if (!fileAt(path)) throw notFound();
    },
    async readWholeFile(path) {
      const bytes = fileAt(path);
      if (!bytes) throw new SourceReadError('FILE_CHANGED');
      return bytes;
    },
    async *streamFile(path) {
      const bytes = fileAt(path);
      if (!bytes) throw new SourceReadError('FILE_CHANGED');
      for (let at = 0; at < bytes.length; at += MEMORY_CHUNK) yield bytes.subarray(at, at + MEMORY_CHUNK);
    },
    readSmallFile: async (path, maxBytes) => fileAt(path)?.subarray(0, maxBytes) ?? null,
    openZip(path) {
      const bytes = fileAt(path);
      return bytes ? bufferZipSource(bytes) : missingZip;
    },
  };
}

/** Views handed out by streamFile (no copies): the same size as a disk file's chunks. */
const MEMORY_CHUNK = 1024 * 1024;

/** Every folder ('' is the top) with the names directly inside it. */
function impliedFolders(paths: Iterable<string>): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>([['', new Set()]]);
  for (const path of paths) {
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      let names = folders.get(folder);
      if (!names) {
        names = new Set();
        folders.set(folder, names);
      }
      names.add(parts[depth] ?? '');
    }
  }
  return folders;
}

const folderStat: EntryStat = { isFile: () => false, isDirectory: () => true, isSymbolicLink: () => false, size: 0 };

function fileStat(size: number): EntryStat {
  return { isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false, size };
}

/** Shaped like the operating system's error, so the walker maps it to the same codes. */
function notFound(): Error {
  return Object.assign(new Error('not found'), { code: 'ENOENT' });
}

const missingZip: ZipSource = {
  openForListing: () => Promise.reject(notFound()),
  withZip: () => Promise.reject(notFound()),
};
