/**
 * "Check vault": decrypts every stored file, compares its SHA-256 with the fingerprint recorded at
 * import, and checks that the hash-chained history log is unbroken.
 */
import { createHash } from 'node:crypto';
import type { VerifyReport } from '../../../shared/domain';
import type { ProgressSink } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';

interface BlobRow { id: string; size: number; sha256: Buffer; instance_sha: Buffer | null; attachment_sha: Buffer | null }

export async function runVerify(vault: OpenVault, ctx: { signal: AbortSignal; progress: ProgressSink }): Promise<VerifyReport> {
  const rows = vault.db.prepare(`SELECT b.id, b.size, b.sha256, i.sha256_file AS instance_sha, a.sha256_file AS attachment_sha
    FROM blobs b LEFT JOIN instances i ON i.blob_id = b.id LEFT JOIN attachments a ON a.blob_id = b.id ORDER BY b.created_at, b.id`).all() as BlobRow[];
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

async function checkBlob(vault: OpenVault, row: BlobRow): Promise<VerifyReport['problems'][number] | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of vault.blobs.read(row.id)) hash.update(chunk);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    if (code === 'BLOB_MISSING') return { kind: 'blob-missing', blobId: row.id, message: 'A stored file is missing from the vault folder.' };
    return { kind: 'blob-corrupt', blobId: row.id, message: 'A stored file failed decryption: it was damaged or altered on disk.' };
  }
  const digest = hash.digest();
  const expected = row.instance_sha ?? row.attachment_sha ?? row.sha256;
  if (!digest.equals(row.sha256) || !digest.equals(expected)) {
    return { kind: 'digest-mismatch', blobId: row.id, message: 'A stored file does not match the fingerprint recorded when it was imported.' };
  }
  return null;
}
