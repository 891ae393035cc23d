import { isDicomdirName, normalizeIsoName } from './classify';
import type { ScanContext, TreeEntry } from './tree';
import type { DicomdirEntry } from './types';

/** DICOMDIRs of a 20 000-file DVD are about 20 MB; anything far larger is not one we trust. */
const MAX_DICOMDIR_BYTES = 256 * 1024 * 1024;

export const DICOMDIR_UNREADABLE_WARNING =
  'The disc index (DICOMDIR) could not be read, so every file was checked one by one instead.';

export function missingFilesWarning(count: number): string {
  const files = count === 1 ? '1 file that is' : `${count} files that are`;
  return `The disc index (DICOMDIR) lists ${files} not on the disc or in the folder. The files that are there were still imported.`;
}

/**
 * Uses the DICOMDIRs at the top of a root or one level down (a CD copied into a folder of a USB
 * stick): the files they list come first, in DICOMDIR order, each DICOMDIR just before its files,
 * with hint 'dicomdir-listed'. Everything else keeps its walk order as a candidate, because
 * hospital DICOMDIRs are often incomplete. References are only looked up among the entries
 * already found in the root, so a hostile "../" reference can never reach outside it.
 */
export async function applyDicomdirs(entries: TreeEntry[], ctx: ScanContext): Promise<TreeEntry[]> {
  if (!ctx.parseDicomdir) return entries;
  const dicomdirs = findDicomdirs(entries);
  if (dicomdirs.length === 0) return entries;

  const lookup = buildLookup(entries);
  const placed = new Set<TreeEntry>();
  const front: TreeEntry[] = [];
  for (const dicomdir of dicomdirs) {
    ctx.signal?.throwIfAborted();
    const records = await readRecords(dicomdir, ctx);
    if (!records) continue;
    ctx.dicomdirsUsed.push(dicomdir.relativePath);
    placed.add(dicomdir);
    front.push(dicomdir);
    const base = parentOf(dicomdir.innerPath ?? '');
    let missing = 0;
    for (const record of records) {
      const target = lookup.get(referenceKey(base, record.referencedFileId));
      if (!target) missing++;
      else if (target.kind === 'file' && !placed.has(target)) {
        placed.add(target);
        front.push({ ...target, hint: 'dicomdir-listed' });
      }
    }
    if (missing > 0) ctx.dicomdirWarnings.push(missingFilesWarning(missing));
  }
  return [...front, ...entries.filter((entry) => !placed.has(entry))];
}

type FileEntry = Extract<TreeEntry, { kind: 'file' }>;

function findDicomdirs(entries: TreeEntry[]): FileEntry[] {
  const found = entries.filter(
    (e): e is FileEntry =>
      e.kind === 'file' && e.innerPath !== null && e.innerPath.split('/').length <= 2 && isDicomdirName(baseName(e.innerPath)),
  );
  const depth = (e: FileEntry): number => (e.innerPath ?? '').split('/').length;
  return found.sort((a, b) => depth(a) - depth(b) || compareText(a.relativePath, b.relativePath));
}

async function readRecords(dicomdir: FileEntry, ctx: ScanContext): Promise<{ referencedFileId: string[] }[] | null> {
  const parse = ctx.parseDicomdir;
  if (!parse || dicomdir.size > MAX_DICOMDIR_BYTES) {
    ctx.dicomdirWarnings.push(DICOMDIR_UNREADABLE_WARNING);
    return null;
  }
  try {
    const bytes = await dicomdir.read();
    // A copy that owns its ArrayBuffer: small Buffers share Node's pool, and parsers often use `.buffer`.
    const parsed = parse(new Uint8Array(bytes));
    ctx.dicomdirWarnings.push(...parsed.warnings);
    return parsed.entries.filter((e: DicomdirEntry) => e.referencedFileId.length > 0);
  } catch {
    ctx.dicomdirWarnings.push(DICOMDIR_UNREADABLE_WARNING);
    return null;
  }
}

/** Every entry of this root by its ISO-normalised path; the first of two look-alikes wins. */
function buildLookup(entries: TreeEntry[]): Map<string, TreeEntry> {
  const lookup = new Map<string, TreeEntry>();
  for (const entry of entries) {
    if (entry.innerPath === null) continue;
    const key = entry.innerPath.split('/').map(normalizeIsoName).join('/');
    if (!lookup.has(key)) lookup.set(key, entry);
  }
  return lookup;
}

function referenceKey(base: string, components: string[]): string {
  const parts = components.flatMap((c) => c.trim().split(/[\\/]/)).filter((c) => c !== '');
  const joined = parts.map(normalizeIsoName).join('/');
  return base === '' ? joined : `${base.split('/').map(normalizeIsoName).join('/')}/${joined}`;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
