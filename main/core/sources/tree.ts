import type { SourceFileSystem } from './fs-access';
import type { NestedZipCache } from './zip-source';
import { ERROR_MESSAGES, SKIP_REASONS } from './messages';
import type { DicomdirParser, SkipCode, SourceErrorCode, SourceFile, SourceItem, ZipLimits } from './types';

/**
 * One thing found under a root (folder or zip). `innerPath` is the path inside that root, used
 * to match DICOMDIR references; it is null for items that came from an archive nested in the
 * root, which belong to the archive's own DICOMDIR, not to this root's.
 */
export type TreeEntry =
  | { kind: 'file'; relativePath: string; innerPath: string | null; size: number; read: () => Promise<Buffer>; stream: SourceFile['stream']; hint: 'dicomdir-listed' | 'candidate' }
  | { kind: 'skipped'; relativePath: string; innerPath: string | null; code: SkipCode }
  | { kind: 'failed'; relativePath: string; innerPath: string | null; code: SourceErrorCode };

export interface ScanContext {
  limits: ZipLimits;
  parseDicomdir: DicomdirParser | undefined;
  signal: AbortSignal | undefined;
  fs: SourceFileSystem;
  /** One inner archive held in memory at a time for the whole scan. */
  nestedZips: NestedZipCache;
  /** relativePaths of the DICOMDIRs used, in order. */
  dicomdirsUsed: string[];
  dicomdirWarnings: string[];
}

export function joinPath(prefix: string, inner: string): string {
  if (prefix === '') return inner;
  return inner === '' ? prefix : `${prefix}/${inner}`;
}

export function skipped(relativePath: string, innerPath: string | null, code: SkipCode): TreeEntry {
  return { kind: 'skipped', relativePath, innerPath, code };
}

export function failed(relativePath: string, innerPath: string | null, code: SourceErrorCode): TreeEntry {
  return { kind: 'failed', relativePath, innerPath, code };
}

/** Entries of a nested root, as seen from the enclosing root: not addressable by its DICOMDIR. */
export function asNested(entries: TreeEntry[]): TreeEntry[] {
  return entries.map((entry) => ({ ...entry, innerPath: null }));
}

export function toSourceItem(entry: TreeEntry): SourceItem {
  switch (entry.kind) {
    case 'file':
      return { kind: 'file', file: { relativePath: entry.relativePath, size: entry.size, read: entry.read, stream: entry.stream, hint: entry.hint } };
    case 'skipped':
      return { kind: 'skipped', relativePath: entry.relativePath, reason: SKIP_REASONS[entry.code], code: entry.code };
    case 'failed':
      return { kind: 'failed', relativePath: entry.relativePath, error: ERROR_MESSAGES[entry.code], code: entry.code };
  }
}
