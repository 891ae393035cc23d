/**
 * Read-only queries behind "check a copy": the stored originals an outside file may be a copy of,
 * found by SOP Instance UID, by the pixel digests kept at import, or by study date and image size.
 */
import type { VaultDatabase } from './database';
import { cached } from './statements';

export interface StoredOriginal {
  instanceId: number;
  blobId: string;
  size: number;
  sha256File: Buffer;
  sha256Dataset: Buffer | null;
  /** 32 bytes per frame, or null while pending / when the image has none. */
  frameDigests: Buffer | null;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  /** Number of frames as imported (1 for single-frame images; null when unknown). */
  frames: number | null;
}

interface Row {
  id: number; blob_id: string; size: number; sha256_file: Buffer; sha256_dataset: Buffer | null; frame_digests: Buffer | null;
  study_uid: string; series_uid: string; sop_instance_uid: string; frames: number | null;
}

const SELECT = `SELECT i.id, i.blob_id, b.size, i.sha256_file, i.sha256_dataset, i.frame_digests, st.study_uid, se.series_uid, i.sop_instance_uid, i.frames
  FROM instances i JOIN blobs b ON b.id = i.blob_id JOIN series se ON se.id = i.series_id JOIN studies st ON st.id = se.study_id`;

const toOriginal = (r: Row): StoredOriginal => ({
  instanceId: r.id, blobId: r.blob_id, size: r.size, sha256File: r.sha256_file, sha256Dataset: r.sha256_dataset,
  frameDigests: r.frame_digests, studyInstanceUid: r.study_uid, seriesInstanceUid: r.series_uid, sopInstanceUid: r.sop_instance_uid, frames: r.frames,
});

/** Every stored copy under this SOP Instance UID (conflicting copies included). */
export function originalsBySopUid(db: VaultDatabase, sopInstanceUid: string): StoredOriginal[] {
  return cached<[string], Row>(db, `${SELECT} WHERE i.sop_instance_uid = ? ORDER BY i.id`).all(sopInstanceUid).map(toOriginal);
}

/**
 * Instances whose frames digest exactly like the copy's. frame_digests has no index (import never
 * looks it up); one scan per compared file that missed by UID is affordable for a patient's vault.
 */
export function originalsByFrameDigests(db: VaultDatabase, frameDigests: Buffer, limit: number): StoredOriginal[] {
  return cached<[Buffer, number], Row>(db, `${SELECT} WHERE i.frame_digests = ? ORDER BY i.id LIMIT ?`).all(frameDigests, limit).map(toOriginal);
}

/** Images of studies on this date with this many rows and columns: candidates for a geometry match. */
export function originalsByDateAndSize(db: VaultDatabase, studyDate: string, rows: number, columns: number, limit: number): StoredOriginal[] {
  return cached<[string, number, number, number], Row>(
    db, `${SELECT} WHERE st.study_date = ? AND i.rows = ? AND i.columns = ? ORDER BY i.id LIMIT ?`,
  ).all(studyDate, rows, columns, limit).map(toOriginal);
}
