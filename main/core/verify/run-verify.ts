/**
 * "Check vault": decrypts every stored file, compares its SHA-256 with the fingerprint recorded at
 * import, and checks that the hash-chained history log is unbroken.
 */
import { createHash } from 'node:crypto';
import type { VerifyReport } from '../../../shared/domain';
import { blobsToCheck, type BlobCheckRow } from '../db/verify';
import type { ProgressSink } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';

export async function runVerify(vault: OpenVault, ctx: { signal: AbortSignal; progress: ProgressSink }): Promise<VerifyReport> {
  const rows = blobsToCheck(vault.db);
  const problems: VerifyReport['problems'] = [];
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
  const chain = vault.events.verifyChain();
  if (!chain.ok) {
    problems.push({ kind: 'event-chain-broken', message: `The history log was altered or damaged at entry ${chain.firstBadSeq ?? '?'}.` });
  }
  const known = new Set(rows.map((r) => r.id));
  for (const id of await vault.blobs.listOnDisk()) {
    if (!known.has(id)) problems.push({ kind: 'orphan-blob', blobId: id, message: 'An encrypted file in the vault folder is not listed in the index (left over from an interrupted import, or added by someone else).' });
  }
  return { ok: problems.length === 0, blobsChecked: filesDone, eventsChecked: chain.checked, problems };
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
