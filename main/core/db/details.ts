/** Read-only queries behind the study view's details: an instance's stored file, its digests and its imports. */
import type { VaultDatabase } from './database';

export interface InstanceDetailsRow {
  blobId: string;
  size: number;
  sopClassUid: string | null;
  transferSyntax: string | null;
  sha256File: Buffer;
  sha256Dataset: Buffer | null;
  pixelDigestStatus: 'done' | 'pending' | 'none' | 'failed';
  frameDigests: Buffer | null;
}

interface RawInstanceDetails {
  blob_id: string; size: number; sop_class_uid: string | null; transfer_syntax: string | null;
  sha256_file: Buffer; sha256_dataset: Buffer | null; pixel_digest_status: InstanceDetailsRow['pixelDigestStatus']; frame_digests: Buffer | null;
}

/** The instance's stored file and digests, or null when there is no such instance. */
export function instanceDetails(db: VaultDatabase, instanceId: number): InstanceDetailsRow | null {
  const row = db.prepare<[number], RawInstanceDetails>(
    `SELECT i.blob_id, b.size, i.sop_class_uid, i.transfer_syntax, i.sha256_file, i.sha256_dataset, i.pixel_digest_status, i.frame_digests
       FROM instances i JOIN blobs b ON b.id = i.blob_id WHERE i.id = ?`,
  ).get(instanceId);
  if (row === undefined) return null;
  return {
    blobId: row.blob_id, size: row.size, sopClassUid: row.sop_class_uid, transferSyntax: row.transfer_syntax,
    sha256File: row.sha256_file, sha256Dataset: row.sha256_dataset, pixelDigestStatus: row.pixel_digest_status, frameDigests: row.frame_digests,
  };
}

export interface InstanceImportRow {
  sourceLabel: string;
  sourceKind: 'files' | 'folder' | 'zip' | 'cd';
  receivedDate: string | null;
  handedOverBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'done' | 'cancelled' | 'interrupted';
  relativePath: string;
  outcome: string;
}

interface RawImportRow {
  source_label: string; source_kind: InstanceImportRow['sourceKind']; received_date: string | null; handed_over_by: string | null;
  started_at: string; finished_at: string | null; status: InstanceImportRow['status']; relative_path: string; outcome: string;
}

/** Every import that brought this instance's file (the first copy and each time it was seen again), oldest first. */
export function instanceImports(db: VaultDatabase, instanceId: number): InstanceImportRow[] {
  return db.prepare<[number], RawImportRow>(
    `SELECT b.source_label, b.source_kind, b.received_date, b.handed_over_by, b.started_at, b.finished_at, b.status, f.relative_path, f.outcome
       FROM import_files f JOIN import_batches b ON b.id = f.batch_id
      WHERE f.instance_id = ? ORDER BY b.started_at, b.id, f.id`,
  ).all(instanceId).map((r) => ({
    sourceLabel: r.source_label, sourceKind: r.source_kind, receivedDate: r.received_date, handedOverBy: r.handed_over_by,
    startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, relativePath: r.relative_path, outcome: r.outcome,
  }));
}
