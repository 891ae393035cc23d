/**
 * Runs one import: scan what the patient chose, then store file by file. Files are prepared ahead
 * (read, fingerprint, parse, encrypt), in worker threads when it pays (preparer.ts), while they
 * are indexed strictly in order on this thread. Database writes are grouped into transactions,
 * each committed only after the blobs it names are durable, so a kill at any moment leaves a
 * consistent vault; running the same import again stores what was missing and records the rest
 * as "seen again".
 */
import type { ImportReport, ProvenanceInput } from '../../../shared/domain';
import { CoreError } from '../core-error';
import { readDicomdir } from '../dicom/dicomdir';
import type { ProgressSink } from '../jobs/job-runner';
import type { Logger } from '../log';
import { scanSources } from '../sources/scan-sources';
import type { SourceItem, SourceScan } from '../sources/types';
import type { OpenVault } from '../vault/vault';
import { finishBatch, importEventDetails, linkLoosePdfs, startBatch } from './batch';
import { commitFile, type BatchState } from './commit-file';
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
const COMMIT_EVERY_FILES = 500;
const COMMIT_EVERY_MS = 2000;

export async function runImport(vault: OpenVault, source: ImportSource, provenance: ProvenanceInput, ctx: ImportContext): Promise<ImportReport> {
  ctx.progress.set({ phase: 'scanning' });
  const scan: SourceScan = source.kind === 'paths'
    ? await scanSources(source.paths, { parseDicomdir: readDicomdir, signal: ctx.signal })
    : await scanUploads(source.files, { parseDicomdir: readDicomdir, signal: ctx.signal });
  if (scan.items.length === 0) throw new CoreError('PATH_NOT_FOUND', 'Nothing to import was found there. Check the disc, folder or file and try again.');
  // Every chosen path missing is a mistake to correct, not an import to record in the history.
  if (scan.items.every((item) => item.kind === 'failed' && item.code === 'INPUT_NOT_FOUND')) throw new CoreError('PATH_NOT_FOUND');

  const db = vault.db;
  const batchId = startBatch(db, provenance, scan.medium);
  const state: BatchState = {
    vault, batchId, studyIds: new Set(), patientIds: new Set(), loosePdfAttachmentIds: [], discardedBlobs: [],
    report: { batchId, imported: 0, seenAgain: 0, attachments: 0, conflicts: [], skipped: [], failed: [], warnings: [], studies: [] },
  };
  ctx.progress.set({ phase: 'working', filesTotal: scan.totalFiles, bytesTotal: scan.totalBytes, filesDone: 0, bytesDone: 0 });
  ctx.log.info('import.start', { files: scan.totalFiles, bytes: scan.totalBytes });

  // A failure to prepare one file is that file's outcome, never the batch's.
  const preparer = perFileFailures(vault, openPreparer(vault, { files: scan.totalFiles, bytes: scan.totalBytes }, ctx.prepare ?? {}, ctx.log), ctx.log);
  try {
    return await importItems(vault, scan, state, preparer, ctx);
  } finally {
    await preparer.close();
  }
}

async function importItems(vault: OpenVault, scan: SourceScan, state: BatchState, preparer: Preparer, ctx: ImportContext): Promise<ImportReport> {
  const db = vault.db;
  const { batchId } = state;
  const tx = new GroupedTransaction(vault, state);
  const counters = { files: 0, bytes: 0 };
  const inFlight: { item: SourceItem; prepared: Promise<PreparedFile> | null; size: number }[] = [];
  let inFlightBytes = 0;
  const commitNext = async (): Promise<void> => {
    const next = inFlight.shift();
    if (!next) return;
    inFlightBytes -= next.size;
    if (next.prepared) {
      commitFile(state, await next.prepared);
      counters.files++;
      counters.bytes += next.size;
      ctx.progress.set({ filesDone: counters.files, bytesDone: counters.bytes });
    } else {
      recordSourceOutcome(state, next.item);
    }
    await tx.maybeCommit();
  };

  tx.begin();
  try {
    for (const item of scan.items) {
      if (ctx.signal.aborted) break;
      const size = item.kind === 'file' ? item.file.size : 0;
      while (inFlight.length >= preparer.filesAhead || (inFlight.length > 0 && inFlightBytes + size > PREPARE_BUDGET_BYTES)) await commitNext();
      const prepared = item.kind === 'file'
        ? preparer.prepare(reportingStreamProgress(item.file, (streamed) => ctx.progress.set({ bytesDone: counters.bytes + streamed })))
        : null;
      prepared?.catch(() => undefined); // awaited in order by commitNext; avoid an unhandled rejection meanwhile
      inFlight.push({ item, prepared, size });
      inFlightBytes += size;
    }
    while (inFlight.length > 0) await commitNext();
    const status = ctx.signal.aborted ? 'cancelled' : 'done';
    ctx.progress.set({ phase: 'finishing' });
    linkLoosePdfs(db, state.loosePdfAttachmentIds, state.studyIds, state.patientIds);
    finishBatch(db, batchId, status);
    vault.events.append('import', importEventDetails(state.report, status, scan.medium.kind));
    await tx.commit();
  } catch (err) {
    // Keep everything indexed so far: it is consistent file by file. Blobs of files still being
    // prepared have no rows and are removed by the orphan sweep at the next open.
    await Promise.allSettled(inFlight.flatMap((f) => (f.prepared ? [f.prepared] : [])));
    await tx.commitIfOpen();
    throw err;
  }
  ctx.log.info('import.done', { imported: state.report.imported, seenAgain: state.report.seenAgain, failed: state.report.failed.length });
  return state.report;
}

function recordSourceOutcome(state: BatchState, item: SourceItem): void {
  if (item.kind === 'file') return;
  const p: PreparedFile = item.kind === 'skipped'
    ? { kind: 'not-dicom', path: item.relativePath, size: 0, sha256: Buffer.alloc(0), reason: item.reason }
    : { kind: 'read-failed', path: item.relativePath, size: 0, error: item.error };
  if (p.kind === 'read-failed') {
    commitFile(state, p);
    return;
  }
  state.report.skipped.push({ path: item.relativePath, reason: p.reason });
  state.vault.db.prepare(`INSERT INTO import_files(batch_id, relative_path, outcome, reason, created_at)
    VALUES (?, ?, 'skipped', ?, ?) ON CONFLICT(batch_id, relative_path) DO NOTHING`)
    .run(state.batchId, item.relativePath, p.reason, new Date().toISOString());
}

/**
 * One open SQLite transaction spanning many files. Before each COMMIT the blob store makes the
 * blobs written since the last commit durable, so a committed row never names a missing blob.
 */
class GroupedTransaction {
  private open = false;
  private files = 0;
  private since = Date.now();

  constructor(private readonly vault: OpenVault, private readonly state: BatchState) {}

  begin(): void {
    this.vault.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.files = 0;
    this.since = Date.now();
  }

  async maybeCommit(): Promise<void> {
    this.files++;
    if (this.files >= COMMIT_EVERY_FILES || Date.now() - this.since >= COMMIT_EVERY_MS) {
      await this.commit();
      this.begin();
    }
  }

  async commit(): Promise<void> {
    await this.vault.blobs.flush();
    this.vault.db.exec('COMMIT');
    this.open = false;
    // Duplicates' blobs were never named by a row; deleting them now is only tidiness.
    const discarded = this.state.discardedBlobs.splice(0);
    await Promise.allSettled(discarded.map((id) => this.vault.blobs.delete(id)));
  }

  async commitIfOpen(): Promise<void> {
    if (this.open) await this.commit();
  }
}
