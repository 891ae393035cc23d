import type { Entry, ZipFile } from 'yauzl';
import { classifyFileName, isUnsupportedArchiveName, isZipName, skippedDirectoryOf } from './classify';
import { applyDicomdirs } from './dicomdir-order';
import { errnoToCode } from './fs-access';
import { ArchiveLedger } from './inflate-guard';
import { RATIO_GRACE_BYTES } from './limits';
import { SourceReadError } from './messages';
import { asNested, failed, joinPath, skipped, type ScanContext, type TreeEntry } from './tree';
import type { SourceErrorCode, SourceFile } from './types';
import { decodeEntryName, entryFileType } from './zip-names';
import { readZipEntry, streamZipEntry } from './zip-read';
import type { ZipSource } from './zip-source';

/** One archive as chosen (or found on disk) plus the archives nested in it share these budgets. */
interface ArchiveTree {
  ledger: ArchiveLedger;
}

interface NestedMarker {
  kind: 'nested';
  entry: Entry;
  path: string;
}

interface Listing {
  prefix: string;
  depth: number;
  source: ZipSource;
  tree: ArchiveTree;
  ctx: ScanContext;
  skippedDirs: Set<string>;
}

/**
 * Lists a zip from its central directory only (cheap); entries are inflated later by read().
 * A damaged archive yields what could be listed plus one 'failed' item for the archive.
 */
export async function listZip(source: ZipSource, prefix: string, ctx: ScanContext): Promise<TreeEntry[]> {
  const tree = { ledger: new ArchiveLedger(ctx.limits.maxTotalUncompressed) };
  return listArchive({ prefix, depth: 0, source, tree, ctx, skippedDirs: new Set() });
}

async function listArchive(listing: Listing): Promise<TreeEntry[]> {
  const { prefix, ctx, tree } = listing;
  let zipfile: ZipFile;
  try {
    zipfile = await listing.source.openForListing();
  } catch (err) {
    return [failed(prefix, null, archiveErrorCode(err))];
  }
  const own: (TreeEntry | NestedMarker)[] = [];
  try {
    tree.ledger.entryCount += zipfile.entryCount;
    if (tree.ledger.entryCount > ctx.limits.maxEntries) return [failed(prefix, null, 'ARCHIVE_TOO_MANY_FILES')];
    for await (const entry of zipfile.eachEntry()) {
      ctx.signal?.throwIfAborted();
      const item = classifyEntry(entry, listing);
      if (item) own.push(item);
    }
  } catch (err) {
    if (ctx.signal?.aborted) throw err;
    own.push(failed(prefix, null, 'ARCHIVE_CORRUPT'));
  } finally {
    zipfile.close();
  }
  return applyDicomdirs(await expandNested(own, listing), ctx);
}

async function expandNested(own: (TreeEntry | NestedMarker)[], listing: Listing): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  for (const item of own) {
    if (item.kind !== 'nested') {
      entries.push(item);
      continue;
    }
    const { ctx, tree } = listing;
    const source = ctx.nestedZips.source(listing.source, item.entry, ctx.limits, tree.ledger);
    const prefix = joinPath(listing.prefix, item.path);
    const inner = await listArchive({ prefix, depth: listing.depth + 1, source, tree, ctx, skippedDirs: new Set() });
    entries.push(...asNested(inner));
  }
  return entries;
}

function classifyEntry(entry: Entry, listing: Listing): TreeEntry | NestedMarker | null {
  const name = decodeEntryName(entry);
  if (name.kind === 'unsafe') return failed(joinPath(listing.prefix, name.display), null, 'ZIP_ENTRY_UNSAFE_NAME');
  if (name.kind === 'directory') return null;
  const path = name.path;
  const relativePath = joinPath(listing.prefix, path);
  const fileType = entryFileType(entry);
  if (fileType === 'directory') return null;

  const dir = skippedDirectoryOf(path);
  if (dir) {
    if (listing.skippedDirs.has(dir.dirPath)) return null;
    listing.skippedDirs.add(dir.dirPath);
    return skipped(joinPath(listing.prefix, dir.dirPath), dir.dirPath, dir.code);
  }
  if (fileType === 'symlink') return skipped(relativePath, path, 'LINK_NOT_FOLLOWED');
  if (fileType === 'special') return skipped(relativePath, path, 'NOT_A_REGULAR_FILE');
  const skipCode = classifyFileName(path.slice(path.lastIndexOf('/') + 1));
  if (skipCode) return skipped(relativePath, path, skipCode);

  const problem = entryProblem(entry, listing);
  if (problem) return failed(relativePath, path, problem);
  if (entry.uncompressedSize === 0) return skipped(relativePath, path, 'EMPTY_FILE');
  if (isUnsupportedArchiveName(path)) return failed(relativePath, path, 'ARCHIVE_UNSUPPORTED');

  if (isZipName(path)) {
    if (listing.depth + 1 > listing.ctx.limits.maxNestingDepth) return failed(relativePath, path, 'ARCHIVE_NESTED_TOO_DEEP');
    if (entry.uncompressedSize > listing.ctx.limits.maxNestedArchiveBytes) {
      return failed(relativePath, path, 'ARCHIVE_NESTED_TOO_LARGE');
    }
    listing.tree.ledger.declaredTotal += entry.uncompressedSize;
    return { kind: 'nested', entry, path };
  }
  listing.tree.ledger.declaredTotal += entry.uncompressedSize;
  const { source, tree, ctx } = listing;
  const read = (): Promise<Buffer> => readZipEntry(source, entry, ctx.limits, tree.ledger);
  const stream: SourceFile['stream'] = (consume) => streamZipEntry(source, entry, ctx.limits, tree.ledger, consume);
  return { kind: 'file', relativePath, innerPath: path, size: entry.uncompressedSize, read, stream, hint: 'candidate' };
}

/** Checks made from the central directory alone; the same limits are enforced again while inflating. */
function entryProblem(entry: Entry, listing: Listing): SourceErrorCode | null {
  const { limits } = listing.ctx;
  const declared = entry.uncompressedSize;
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) return 'ZIP_ENTRY_ENCRYPTED';
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return 'ZIP_ENTRY_UNSUPPORTED_METHOD';
  if (entry.compressionMethod === 0 && entry.compressedSize !== declared) return 'ZIP_ENTRY_CORRUPT';
  if (declared > limits.maxEntryUncompressed) return 'ZIP_ENTRY_TOO_LARGE';
  if (declared > RATIO_GRACE_BYTES && declared > entry.compressedSize * limits.maxCompressionRatio) return 'ZIP_ENTRY_RATIO';
  if (listing.tree.ledger.declaredTotal + declared > limits.maxTotalUncompressed) return 'ZIP_TOTAL_TOO_LARGE';
  return null;
}

function archiveErrorCode(err: unknown): SourceErrorCode {
  if (err instanceof SourceReadError) return err.code;
  return errnoToCode(err) ?? 'ARCHIVE_CORRUPT';
}
