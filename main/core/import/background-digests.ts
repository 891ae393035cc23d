/**
 * The background pass that fingerprints compressed images after their import committed: for each
 * instance still marked pixel_digest_status = 'pending' it decrypts the stored file in memory
 * (or streams it, frame by frame, when larger than MAX_IN_MEMORY_BYTES), decodes its frames to
 * the canonical form and stores the per-frame SHA-256s, a few instances per transaction. Nothing
 * is written to disk but those rows.
 *
 * Safe to call at any time: rows are only updated while still 'pending' (so a repeat is a no-op),
 * calls for one vault run one after another, an abort stops between instances after saving what
 * was finished, and a vault that locks mid-way stops the pass quietly (the rest stays 'pending'
 * for the next unlock).
 */
import { allFrameDigests, type AllFrameDigests } from '../dicom/decode-compressed';
import { streamedCompressedDigests } from '../dicom/streamed-compressed-digests';
import { readDicom } from '../dicom/read-dicom';
import type { Logger } from '../log';
import { countPendingPixelDigests, pendingPixelDigests, settlePixelDigest } from '../db/digests';
import { isVaultError, type OpenVault } from '../vault/vault';

export interface PendingDigestOptions {
  /** Stops the pass between instances (and between the frames of a large one). */
  signal?: AbortSignal;
  /** Instances per transaction (default 8). */
  batchSize?: number;
  /** Instances handled so far, and that plus those still pending. */
  onProgress?: (done: number, total: number) => void;
  /** Counts and error codes only. */
  log?: Logger;
  /** Stored files larger than this are not decrypted whole (default MAX_IN_MEMORY_BYTES). */
  maxInMemoryBytes?: number;
}

/**
 * Files up to this size are decrypted whole and decoded in memory. Larger ones (compressed: the
 * import streams the frame digests of uncompressed large files) are streamed from the blob and
 * decoded frame by frame (dicom/streamed-compressed-digests.ts), so the pass never holds a file.
 */
export const MAX_IN_MEMORY_BYTES = 256 * 1024 * 1024;

export interface PendingDigestSummary {
  /** Instances that got frame digests. */
  done: number;
  /** Instances whose pixels cannot be fingerprinted (unsupported or damaged compression). */
  none: number;
  /** Instances that could not be processed (stored file unreadable, unexpected error). */
  failed: number;
  /** Why the pass ended: nothing left, the signal, or the vault locking. */
  stoppedBy: 'finished' | 'cancelled' | 'locked';
}

type DigestStatus = 'done' | 'none' | 'failed';

interface InstanceResult {
  id: number;
  status: DigestStatus;
  frameDigests: Buffer | null;
}

const DEFAULT_BATCH_SIZE = 8;

/** One pass at a time per vault: a second call waits for the first, then finds what is left. */
const passes = new WeakMap<OpenVault, Promise<unknown>>();

export function computePendingDigests(vault: OpenVault, opts: PendingDigestOptions = {}): Promise<PendingDigestSummary> {
  const previous = passes.get(vault) ?? Promise.resolve();
  const pass = previous.catch(() => undefined).then(() => runPass(vault, opts));
  passes.set(vault, pass);
  return pass;
}

class StopPass extends Error {
  constructor(readonly reason: 'cancelled' | 'locked') {
    super(reason);
  }
}

const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

/** Lock and abort end the pass; everything else is this instance's own failure. */
function stopReason(error: unknown, vault: OpenVault, signal: AbortSignal | undefined): StopPass | null {
  if (error instanceof StopPass) return error;
  if (isVaultError(error, 'VAULT_LOCKED') || !vault.isOpen) return new StopPass('locked');
  if (isAborted(signal)) return new StopPass('cancelled');
  return null;
}

async function runPass(vault: OpenVault, opts: PendingDigestOptions): Promise<PendingDigestSummary> {
  const summary: PendingDigestSummary = { done: 0, none: 0, failed: 0, stoppedBy: 'finished' };
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH_SIZE));
  let afterId = 0;
  try {
    for (;;) {
      if (isAborted(opts.signal)) throw new StopPass('cancelled');
      const rows = pendingPixelDigests(vault.db, afterId, batchSize);
      if (rows.length === 0) break;
      const results: InstanceResult[] = [];
      try {
        for (const row of rows) {
          if (isAborted(opts.signal)) throw new StopPass('cancelled');
          results.push(await digestInstance(vault, row, opts));
          afterId = row.id;
        }
      } finally {
        // Finished instances are saved even when the pass stops in the middle of a batch.
        if (vault.isOpen) await record(vault, results, summary);
      }
      opts.onProgress?.(handled(summary), handled(summary) + countPendingPixelDigests(vault.db, afterId));
    }
  } catch (error) {
    const stop = stopReason(error, vault, opts.signal);
    if (stop === null) throw error;
    summary.stoppedBy = stop.reason;
  }
  opts.log?.info('digests.background', { done: summary.done, none: summary.none, failed: summary.failed, stopped: summary.stoppedBy !== 'finished' });
  return summary;
}

const handled = (s: PendingDigestSummary): number => s.done + s.none + s.failed;

type PendingRow = ReturnType<typeof pendingPixelDigests>[number];

/** One write per batch, through the scheduler, so it never joins (or waits inside) an import's transaction. */
async function record(vault: OpenVault, results: InstanceResult[], summary: PendingDigestSummary): Promise<void> {
  if (results.length === 0) return;
  // A row another pass already settled is left alone and not counted again.
  const written = await vault.writes.run((db) => results.filter((r) => settlePixelDigest(db, r.id, r.status, r.frameDigests)));
  for (const r of written) summary[r.status]++;
}

/** The digest outcome of one stored instance; throws only to stop the pass (lock, abort). */
async function digestInstance(vault: OpenVault, row: PendingRow, opts: PendingDigestOptions): Promise<InstanceResult> {
  try {
    const streamed = row.size > (opts.maxInMemoryBytes ?? MAX_IN_MEMORY_BYTES);
    const outcome = streamed
      ? asOutcome(await streamedCompressedDigests(vault.blobs.read(row.blobId), row.size, opts.signal === undefined ? {} : { signal: opts.signal }))
      : await digestsOfFile(await vault.blobs.readAll(row.blobId), opts.signal);
    return { id: row.id, ...outcome };
  } catch (error) {
    const stop = stopReason(error, vault, opts.signal);
    if (stop !== null) throw stop;
    opts.log?.warn('digests.instance-failed', { instance: row.id }, isVaultError(error) ? error.code : 'UNEXPECTED');
    return { id: row.id, status: 'failed', frameDigests: null };
  }
}

function asOutcome(result: AllFrameDigests): Omit<InstanceResult, 'id'> {
  return result.status === 'done' ? { status: 'done', frameDigests: Buffer.concat(result.digests) } : { status: 'none', frameDigests: null };
}

async function digestsOfFile(bytes: Uint8Array, signal: AbortSignal | undefined): Promise<Omit<InstanceResult, 'id'>> {
  const read = readDicom(bytes);
  if (read.kind !== 'instance') return { status: 'failed', frameDigests: null };
  const result = await allFrameDigests(bytes, read.facts, signal === undefined ? {} : { signal });
  return result.status === 'done' ? { status: 'done', frameDigests: Buffer.concat(result.digests) } : { status: 'none', frameDigests: null };
}
