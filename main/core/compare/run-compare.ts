/**
 * One compare job: walk what was given (files, folders, zips, or a browser upload held in memory)
 * exactly as the import does, and check each DICOM file against the vault. Outside files are only
 * read into memory; nothing of them is stored in the vault or written anywhere.
 */
import type { CompareReport } from '../../../shared/compare/compare-report';
import { CoreError, toCoreError } from '../core-error';
import { readDicomdir } from '../dicom/dicomdir';
import { readDicom } from '../dicom/read-dicom';
import type { ProgressSink } from '../jobs/job-runner';
import { scanUploads } from '../import/upload-source';
import type { StagedFile } from '../import/upload-staging';
import { scanSources } from '../sources/scan-sources';
import { SourceReadError } from '../sources/messages';
import type { SourceScan } from '../sources/types';
import type { OpenVault } from '../vault/vault';
import { LoadedImage } from './classify';
import type { CopyStore } from './copy-store';
import { findOriginal, resultOf, type ExportUidLookup } from './find-original';

export type CompareSource = { kind: 'paths'; paths: string[] } | { kind: 'upload'; files: StagedFile[] };

export interface CompareContext {
  signal: AbortSignal;
  progress: ProgressSink;
  /** Where copies with an original are kept for the side-by-side view; absent (CLI): not kept. */
  copies?: CopyStore | undefined;
  exportUidLookup?: ExportUidLookup | undefined;
}

const NOT_AN_IMAGE = 'This is not a medical image file, so there is nothing to compare.';
const DIRECTORY = "This is a disc's table of contents (DICOMDIR), not an image.";
const READ_FAILED = 'This file could not be read. Check that the disc or drive is still connected and try again.';
const ORIGINAL_DAMAGED = 'The original of this picture in your vault could not be read: it may be damaged. Run “Check vault”; this copy was not compared.';
const DAMAGE = new Set(['BLOB_CORRUPT', 'BLOB_MISSING']);

async function scan(source: CompareSource, signal: AbortSignal): Promise<SourceScan> {
  return source.kind === 'paths'
    ? scanSources(source.paths, { parseDicomdir: readDicomdir, signal })
    : scanUploads(source.files, { parseDicomdir: readDicomdir, signal });
}

type FindDeps = Parameters<typeof findOriginal>[0];

/** One file's entry in the report; 'stopped' when the job was cancelled meanwhile. */
async function compareFile(deps: FindDeps, path: string, bytes: Buffer, ctx: CompareContext, report: CompareReport): Promise<'done' | 'stopped'> {
  const read = readDicom(bytes);
  if (read.kind === 'not-dicom') report.skipped.push({ path, reason: NOT_AN_IMAGE });
  else if (read.kind === 'dicomdir') report.skipped.push({ path, reason: DIRECTORY });
  else if (read.kind === 'damaged') report.failed.push({ path, error: read.reason });
  else {
    let match: Awaited<ReturnType<typeof findOriginal>>;
    try {
      match = await findOriginal(deps, new LoadedImage(bytes, read.facts, ctx.signal));
    } catch (error) {
      if (ctx.signal.aborted) return 'stopped';
      if (!DAMAGE.has(toCoreError(error).code)) throw error;
      report.failed.push({ path, error: ORIGINAL_DAMAGED });
      return 'done';
    }
    const result = resultOf(match);
    const copyId = result.original !== undefined ? ctx.copies?.keep(bytes) ?? null : null;
    report.results.push({ path, ...result, ...(copyId !== null ? { copyId, frames: read.facts.image.frames } : {}) });
  }
  return 'done';
}

export async function runCompare(vault: OpenVault, source: CompareSource, ctx: CompareContext): Promise<CompareReport> {
  ctx.progress.set({ phase: 'scanning' });
  let found: SourceScan;
  try {
    found = await scan(source, ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted) throw new CoreError('CANCELLED');
    throw error;
  }
  if (found.items.length === 0 || found.items.every((i) => i.kind === 'failed' && i.code === 'INPUT_NOT_FOUND')) {
    throw new CoreError('PATH_NOT_FOUND', 'Nothing to compare was found there. Check the disc, folder or file and try again.');
  }
  const report: CompareReport = { results: [], skipped: [], failed: [] };
  ctx.progress.set({ phase: 'working', filesTotal: found.totalFiles, bytesTotal: found.totalBytes, filesDone: 0, bytesDone: 0 });
  const deps = { db: vault.db, readBlob: (id: string) => vault.blobs.readAll(id), exportUidLookup: ctx.exportUidLookup, signal: ctx.signal };
  let filesDone = 0;
  let bytesDone = 0;
  for (const item of found.items) {
    // Stopping keeps what was compared so far (the job ends "cancelled" with this report).
    if (ctx.signal.aborted) break;
    if (item.kind === 'skipped') { report.skipped.push({ path: item.relativePath, reason: item.reason }); continue; }
    if (item.kind === 'failed') { report.failed.push({ path: item.relativePath, error: item.error }); continue; }
    const path = item.file.relativePath;
    let bytes: Buffer;
    try {
      bytes = await item.file.read();
    } catch (error) {
      if (!(error instanceof SourceReadError)) throw error;
      report.failed.push({ path, error: error.message || READ_FAILED });
      continue;
    }
    if (await compareFile(deps, path, bytes, ctx, report) === 'stopped') break;
    filesDone++;
    bytesDone += item.file.size;
    ctx.progress.set({ filesDone, bytesDone });
  }
  ctx.progress.set({ phase: 'finishing' });
  return report;
}
