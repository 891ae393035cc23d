/**
 * Runs one import: scan what the patient chose, then store file by file. Files are prepared ahead
 * (read, fingerprint, parse, encrypt), in worker threads when it pays (preparer.ts), while they
 * are indexed strictly in order on this thread. Database writes are grouped (import-groups.ts),
 * each group written in one short transaction only after the blobs it names are durable, so a kill
 * at any moment leaves a consistent vault; running the same import again stores what was missing
 * and records the rest as "seen again".
 */
import type { ImportReport, ProvenanceInput } from '../../../shared/domain';
import { CoreError } from '../core-error';
import { readDicomdir } from '../dicom/dicomdir';
import type { ProgressSink } from '../jobs/job-runner';
import type { Logger } from '../log';
import { scanSources } from '../sources/scan-sources';
import type { SourceItem, SourceScan } from '../sources/types';
import type { WritableDB } from '../db/database';
import type { OpenVault } from '../vault/vault';
import { finishBatch } from '../db/import-batches';
import { recordFile } from '../db/import-index';
import { appendEvent } from '../vault/event-log';
import { importEventDetails, linkLoosePdfs, startBatch } from './batch';
import { commitFile, type BatchState } from './commit-file';
import { ImportGroups } from './import-groups';
import { perFileFailures } from './prepare-failure';
import type { PreparedFile } from './prepare-file';
import { openPreparer, type PrepareThreadOptions, type Preparer } from './preparer';
import { reportingStreamProgress } from './stream-progress';
import { scanUploads } from './upload-source';
import type { StagedFile } from './upload-staging';

export type ImportSource = { kind: 'paths'; paths: string[] } | { kind: 'upload'; files: StagedFile[] };

export interface ImportContext {
  signal: AbortSignal;
  progress: ProgressSink;
  log: Logger;
  /** Where files are prepared (worker threads by default); tests and the benchmark choose. */
  prepare?: PrepareThreadOptions;
}

/** The bytes that files prepared ahead of the one being indexed may hold in memory together. */
const PREPARE_BUDGET_BYTES = 96 * 1024 * 1024;

export async function runImport(vault: OpenVault, source: ImportSource, provenance: ProvenanceInput, ctx: ImportContext): Promise<ImportReport> {
  ctx.progress.set({ phase: 'scanning' });
  const scan: SourceScan = source.kind === 'paths'
    ? await scanSources(source.paths, { parseDicomdir: readDicomdir, signal: ctx.signal })
    : await scanUploads(source.files, { parseDicomdir: readDicomdir, signal: ctx.signal });
  if (scan.items.length === 0) throw new CoreError('PATH_NOT_FOUND', 'Nothing to import was found there. Check the disc, folder or file and try again.');
  // Every chosen path missing is a mistake to correct, not an import to record in the history.
  if (scan.items.every((item) => item.kind === 'failed' && item.code === 'INPUT_NOT_FOUND')) throw new CoreError('PATH_NOT_FOUND');

  const batchId = await vault.writes.run((db) => startBatch(db, provenance, scan.medium));
  const state: BatchState = {
    vault, batchId, studyIds: new Set(), patientIds: new Set(), loosePdfAttachmentIds: [], discardedBlobs: [],
    report: { batchId, imported: 0, seenAgain: 0, attachments: 0, conflicts: [], skipped: [], failed: [], warnings: [], studies: [] },
  };
  ctx.progress.set({ phase: 'working', filesTotal: scan.totalFiles, bytesTotal: scan.totalBytes, filesDone: 0, bytesDone: 0 });
  ctx.log.info('import.start', { files: scan.totalFiles, bytes: scan.totalBytes });

  // A failure to prepare one file is that file's outcome, never the batch's.
  const preparer = perFileFailures(vault, openPreparer(vault, { files: scan.totalFiles, bytes: scan.totalBytes }, ctx.prepare ?? {}, ctx.log), ctx.log);
  try {
    return await importItems(scan, state, preparer, ctx);
  } finally {
    await preparer.close();
  }
}

async function importItems(scan: SourceScan, state: BatchState, preparer: Preparer, ctx: ImportContext): Promise<ImportReport> {
  const groups = new ImportGroups(state.vault, state.discardedBlobs);
  const counters = { files: 0, bytes: 0 };
  const inFlight: { item: SourceItem; prepared: Promise<PreparedFile> | null; size: number }[] = [];
  let inFlightBytes = 0;
  const indexNext = async (): Promise<void> => {
    const next = inFlight.shift();
    if (!next) return;
    inFlightBytes -= next.size;
    if (next.prepared) {
      const prepared = await next.prepared;
      groups.add((db) => commitFile(db, state, prepared));
      counters.files++;
      counters.bytes += next.size;
      ctx.progress.set({ filesDone: counters.files, bytesDone: counters.bytes });
    } else {
      groups.add((db) => recordSourceOutcome(db, state, next.item));
    }
    await groups.maybeCommit();
  };

  try {
    for (const item of scan.items) {
      if (ctx.signal.aborted) break;
      const size = item.kind === 'file' ? item.file.size : 0;
      while (inFlight.length >= preparer.filesAhead || (inFlight.length > 0 && inFlightBytes + size > PREPARE_BUDGET_BYTES)) await indexNext();
      const prepared = item.kind === 'file'
        ? preparer.prepare(reportingStreamProgress(item.file, (streamed) => ctx.progress.set({ bytesDone: counters.bytes + streamed })))
        : null;
      prepared?.catch(() => undefined); // awaited in order by indexNext; avoid an unhandled rejection meanwhile
      inFlight.push({ item, prepared, size });
      inFlightBytes += size;
    }
    while (inFlight.length > 0) await indexNext();
    const status = ctx.signal.aborted ? 'cancelled' : 'done';
    ctx.progress.set({ phase: 'finishing' });
    // The batch's end is written with its last group, so "done" is never recorded without its rows.
    await groups.commit((db) => {
      linkLoosePdfs(db, state.loosePdfAttachmentIds, state.studyIds, state.patientIds);
      finishBatch(db, state.batchId, status);
      appendEvent(db, 'import', importEventDetails(state.report, status, scan.medium.kind));
    });
  } catch (err) {
    // Keep everything indexed so far: it is consistent file by file. Blobs of files still being
    // prepared have no rows and are removed by the orphan sweep at the next open.
    await Promise.allSettled(inFlight.flatMap((f) => (f.prepared ? [f.prepared] : [])));
    await groups.commit().catch(() => undefined); // the first error is the one to report
    throw err;
  }
  ctx.log.info('import.done', { imported: state.report.imported, seenAgain: state.report.seenAgain, failed: state.report.failed.length });
  return state.report;
}

function recordSourceOutcome(db: WritableDB, state: BatchState, item: SourceItem): void {
  if (item.kind === 'file') return;
  if (item.kind === 'failed') {
    commitFile(db, state, { kind: 'read-failed', path: item.relativePath, size: 0, error: item.error });
    return;
  }
  state.report.skipped.push({ path: item.relativePath, reason: item.reason });
  recordFile(db, {
    batchId: state.batchId, relativePath: item.relativePath, size: null, outcome: 'skipped', reason: item.reason,
    transferSyntax: null, warnings: [], sha256File: null, instanceId: null, attachmentId: null,
  });
}
