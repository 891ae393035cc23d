/**
 * What the person has chosen to import. The desktop app imports by path (it can read the disk);
 * the browser host needs the files themselves, sent to it before the import starts.
 */
export interface PickedFile {
  relativePath: string;
  file: File;
}

export type Selection =
  | { kind: 'none' }
  | { kind: 'paths'; paths: string[] }
  | { kind: 'files'; files: PickedFile[] };

export const NOTHING: Selection = { kind: 'none' };

export function addPaths(current: Selection, paths: readonly string[]): Selection {
  const before = current.kind === 'paths' ? current.paths : [];
  const merged = [...new Set([...before, ...paths])];
  return merged.length > 0 ? { kind: 'paths', paths: merged } : current;
}

export function addFiles(current: Selection, files: readonly PickedFile[]): Selection {
  const before = current.kind === 'files' ? current.files : [];
  const seen = new Set(before.map((f) => f.relativePath));
  const merged = [...before, ...files.filter((f) => !seen.has(f.relativePath))];
  return merged.length > 0 ? { kind: 'files', files: merged } : current;
}

export function filesFromList(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [], (file) => ({ relativePath: file.webkitRelativePath || file.name, file }));
}

/**
 * Reads a drop. Must be called inside the drop event: the browser only lets a page look at
 * dropped items during that event; walking folders then continues asynchronously.
 */
export function readDrop(data: DataTransfer, pathForFile: ((file: File) => string) | null): Promise<Selection> {
  if (pathForFile) {
    const paths = Array.from(data.files, (f) => pathForFile(f)).filter((p) => p !== '');
    return Promise.resolve(paths.length > 0 ? { kind: 'paths', paths } : NOTHING);
  }
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return Promise.resolve(addFiles(NOTHING, filesFromList(data.files)));
  return (async () => {
    const files: PickedFile[] = [];
    for (const entry of entries) await walk(entry, files);
    return addFiles(NOTHING, files);
  })();
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (isFileEntry(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    out.push({ relativePath: entry.fullPath.replace(/^\/+/, ''), file });
    return;
  }
  if (!isDirectoryEntry(entry)) return;
  const reader = entry.createReader();
  // readEntries returns at most ~100 entries per call: keep reading until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, out);
  }
}

function isFileEntry(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectoryEntry(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}
