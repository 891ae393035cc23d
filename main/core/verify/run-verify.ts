/**
 * "Check vault": every database page and SQLite's own checks (database-checks.ts), every stored
 * file decrypted and compared with the fingerprint recorded at import, the hash-chained history
 * log, and (when given) that the log still contains an anchor noted earlier.
 */
import { createHash } from 'node:crypto';
import type { VerifyReport } from '../../../shared/domain';
import { blobsToCheck, type BlobCheckRow } from '../db/verify';
import type { ProgressSink } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';
import { currentAnchor, logContains } from './anchor';
import { checkDatabase } from './database-checks';

export interface VerifyOptions { signal: AbortSignal; progress: ProgressSink; anchor?: string | undefined }

export async function runVerify(vault: OpenVault, ctx: VerifyOptions): Promise<VerifyReport> {
  ctx.progress.set({ phase: 'scanning' });
  const database = await checkDatabase(vault);
  const problems: VerifyReport['problems'] = [...database.problems];
  let rows: BlobCheckRow[] = [];
  try {
    rows = blobsToCheck(vault.db);
  } catch {
    problems.push({ kind: 'database-unreadable', message: 'The list of stored files could not be read from the index, so the files themselves were not checked.' });
  }
  const bytesTotal = rows.reduce((n, r) => n + r.size, 0);
  ctx.progress.set({ phase: 'working', filesTotal: rows.length, bytesTotal, filesDone: 0, bytesDone: 0 });

  let filesDone = 0;
  let bytesDone = 0;
  for (const row of rows) {
    if (ctx.signal.aborted) break;
    const problem = await checkBlob(vault, row);
    if (problem) problems.push(problem);
    filesDone++;
    bytesDone += row.size;
    ctx.progress.set({ filesDone, bytesDone });
  }

  ctx.progress.set({ phase: 'finishing' });
  const history = checkHistory(vault, ctx.anchor, problems);
  const known = new Set(rows.map((r) => r.id));
  // With an unreadable blob list every file would look unlisted: say it once (above), not per file.
  if (rows.length > 0 || !problems.some((p) => p.kind === 'database-unreadable')) {
    for (const id of await vault.blobs.listOnDisk()) {
      if (!known.has(id)) problems.push({ kind: 'orphan-blob', blobId: id, message: 'An encrypted file in the vault folder is not listed in the index (left over from an interrupted import, or added by someone else).' });
    }
  }
  return { ok: problems.length === 0, blobsChecked: filesDone, eventsChecked: history.checked, pagesChecked: database.pagesChecked, anchor: history.anchor, ...(history.anchorCheck ? { anchorCheck: history.anchorCheck } : {}), problems };
}

/** The event chain, the head (anchor) and, when asked, an earlier anchor. */
function checkHistory(vault: OpenVault, anchor: string | undefined, problems: VerifyReport['problems']): { checked: number; anchor: string | null; anchorCheck?: { anchor: string; found: boolean } } {
  try {
    const chain = vault.events.verifyChain();
    if (!chain.ok) problems.push({ kind: 'event-chain-broken', message: `The history log was altered or damaged at entry ${chain.firstBadSeq}.` });
    const head = currentAnchor(vault.db);
    if (anchor === undefined) return { checked: chain.checked, anchor: head };
    const found = chain.ok && logContains(vault.db, anchor);
    if (!found) problems.push({ kind: 'anchor-not-found', message: `The history log no longer contains the point ${anchor.split(':')[0]} you noted: history was rewritten, cut short, or the anchor was copied wrongly.` });
    return { checked: chain.checked, anchor: head, anchorCheck: { anchor, found } };
  } catch {
    problems.push({ kind: 'database-unreadable', message: 'The history log could not be read from the index.' });
    return { checked: 0, anchor: null, ...(anchor !== undefined ? { anchorCheck: { anchor, found: false } } : {}) };
  }
}

async function checkBlob(vault: OpenVault, row: BlobCheckRow): Promise<VerifyReport['problems'][number] | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of vault.blobs.read(row.id)) hash.update(chunk);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    if (code === 'BLOB_MISSING') return { kind: 'blob-missing', blobId: row.id, message: 'A stored file is missing from the vault folder.' };
    return { kind: 'blob-corrupt', blobId: row.id, message: 'A stored file failed decryption: it was damaged or altered on disk.' };
  }
  const digest = hash.digest();
  const expected = row.instanceSha ?? row.attachmentSha ?? row.sha256;
  if (!digest.equals(row.sha256) || !digest.equals(expected)) {
    return { kind: 'digest-mismatch', blobId: row.id, message: 'A stored file does not match the fingerprint recorded when it was imported.' };
  }
  return null;
}
