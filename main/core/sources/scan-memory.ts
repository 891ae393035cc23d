/**
 * Files held in memory (sent through the browser host, never written to disk) scanned exactly as
 * scanSources scans the same files sitting on a disk at their relative paths: the same walk, zip
 * handling and limits, DICOMDIR use, skip reasons and medium description, through an in-memory
 * SourceFileSystem. Each distinct first path component is one chosen input, in the order sent.
 *
 * What a disk cannot hold is decided here, and fails on its own:
 * - an unsafe relative path ("..", absolute, drive letter, control characters): UPLOAD_UNSAFE_NAME;
 * - a file sent twice at one path with different bytes, or at a path that is also a folder:
 *   UPLOAD_NAME_CONFLICT (the first file, or the folder, is kept). The same bytes sent twice at
 *   one path count once, as choosing the same path twice does on disk.
 * These failures come after the scanned items.
 *
 * A DICOMDIR sent at the top (the contents of a disc dropped rather than its folder) stands for
 * everything sent, as choosing a DICOMDIR on disk imports the folder it sits in; relativePaths
 * stay exactly as sent and medium.names lists the top-level names.
 */
import { join, resolve } from 'node:path';
import { isDicomdirName } from './classify';
import { memoryFileSystem } from './memory-fs';
import { scanSourcesWith } from './scan-sources';
import { failed, toSourceItem, type TreeEntry } from './tree';
import type { ScanOptions, SourceScan } from './types';
import { checkRelativePath } from './zip-names';

export interface MemoryFile {
  /** '/'-separated path as sent ("CD/IMAGES/IM0001", "study.zip"); '\' is read as '/'. */
  relativePath: string;
  bytes: Buffer;
}

/**
 * The in-memory tree hangs from a file-system root (never touched): a folder walked from there
 * has an empty name, so the relativePaths of a top-level DICOMDIR's tree stay exactly as sent.
 */
const TOP = resolve('/');

export async function scanMemoryFiles(files: readonly MemoryFile[], options: ScanOptions = {}): Promise<SourceScan> {
  const { tree, rejected } = planTree(files);
  const roots = [...new Set([...tree.keys()].map((path) => path.split('/')[0] ?? path))];
  const dicomdirAtTop = roots.some((root) => tree.has(root) && isDicomdirName(root));
  const inputs = dicomdirAtTop ? [TOP] : roots.map((root) => join(TOP, root));
  const deps = { fs: memoryFileSystem(TOP, tree), mountPoints: [] };
  const scan = await scanSourcesWith(deps, inputs, options);
  return {
    ...scan,
    medium: dicomdirAtTop ? { ...scan.medium, names: roots } : scan.medium,
    items: [...scan.items, ...rejected.map(toSourceItem)],
  };
}

interface TreePlan {
  /** Clean path -> bytes, with no path both a file and a folder. */
  tree: Map<string, Buffer>;
  rejected: TreeEntry[];
}

function planTree(files: readonly MemoryFile[]): TreePlan {
  const accepted: { path: string; bytes: Buffer }[] = [];
  const rejected: TreeEntry[] = [];
  for (const { relativePath, bytes } of files) {
    const name = checkRelativePath(relativePath);
    if (name.kind === 'file') accepted.push({ path: name.path, bytes });
    else if (name.kind === 'unsafe') rejected.push(failed(name.display, null, 'UPLOAD_UNSAFE_NAME'));
    // An empty "FOLDER/" entry only names a folder; one with bytes cannot be placed anywhere.
    else if (bytes.length > 0) rejected.push(failed(relativePath.replace(/\\/g, '/'), null, 'UPLOAD_UNSAFE_NAME'));
  }
  const folders = new Set(accepted.flatMap(({ path }) => parentFolders(path)));
  const tree = new Map<string, Buffer>();
  for (const { path, bytes } of accepted) {
    const existing = tree.get(path);
    if (folders.has(path) || (existing && !existing.equals(bytes))) rejected.push(failed(path, null, 'UPLOAD_NAME_CONFLICT'));
    else tree.set(path, bytes);
  }
  return { tree, rejected };
}

/** "a/b/c" -> ["a", "a/b"]. */
function parentFolders(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_part, index) => parts.slice(0, index + 1).join('/'));
}
