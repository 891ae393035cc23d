/** What "Check vault" compares: each blob with the fingerprints recorded for it. */
import type { VaultDatabase } from './database';

export interface BlobCheckRow { id: string; size: number; sha256: Buffer; instanceSha: Buffer | null; attachmentSha: Buffer | null }

export function blobsToCheck(db: VaultDatabase): BlobCheckRow[] {
  return db.prepare<[], { id: string; size: number; sha256: Buffer; instance_sha: Buffer | null; attachment_sha: Buffer | null }>(
    `SELECT b.id, b.size, b.sha256, i.sha256_file AS instance_sha, a.sha256_file AS attachment_sha
    FROM blobs b LEFT JOIN instances i ON i.blob_id = b.id LEFT JOIN attachments a ON a.blob_id = b.id ORDER BY b.created_at, b.id`,
  ).all().map((r) => ({ id: r.id, size: r.size, sha256: r.sha256, instanceSha: r.instance_sha, attachmentSha: r.attachment_sha }));
}
