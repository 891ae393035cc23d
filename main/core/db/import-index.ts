/**
 * SQL for the patient → study → series → instance index, attachments and the per-file provenance
 * rows. Called by the import inside one WriteScheduler transaction per group of files.
 */
import type { DicomFacts } from '../dicom/types';
import type { VaultDatabase, WritableDB } from './database';
import { cached, nowIso } from './statements';

type Id = { id: number };

export function findPatientByKey(db: VaultDatabase, patientKey: string): number | null {
  return cached<[string], Id>(db, 'SELECT id FROM patients WHERE patient_key = ?').get(patientKey)?.id ?? null;
}

export function insertPatient(db: WritableDB, patientKey: string, p: DicomFacts['patient']): number {
  const r = cached(db, `INSERT INTO patients(patient_key, dicom_patient_id, name, birth_date, sex, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(patientKey, p.id, p.name, p.birthDate, p.sex, nowIso());
  return Number(r.lastInsertRowid);
}

export interface StudyRef { id: number; patientId: number }

export function findStudy(db: VaultDatabase, studyUid: string): StudyRef | null {
  const row = cached<[string], { id: number; patient_id: number }>(db, 'SELECT id, patient_id FROM studies WHERE study_uid = ?').get(studyUid);
  return row ? { id: row.id, patientId: row.patient_id } : null;
}

/** The first copy wins; later copies only fill what was missing. */
export function fillStudy(db: WritableDB, studyId: number, s: DicomFacts['study']): void {
  cached(db, `UPDATE studies SET study_date = COALESCE(study_date, ?), study_time = COALESCE(study_time, ?),
    description = COALESCE(description, ?), accession = COALESCE(accession, ?), institution = COALESCE(institution, ?),
    referring_physician = COALESCE(referring_physician, ?) WHERE id = ?`)
    .run(s.date, s.time, s.description, s.accession, s.institution, s.referringPhysician, studyId);
}

export function insertStudy(db: WritableDB, patientId: number, studyUid: string, s: DicomFacts['study']): number {
  const r = cached(db, `INSERT INTO studies(patient_id, study_uid, study_date, study_time, description, accession,
    institution, referring_physician, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(patientId, studyUid, s.date, s.time, s.description, s.accession, s.institution, s.referringPhysician, nowIso());
  return Number(r.lastInsertRowid);
}

export function upsertSeries(db: WritableDB, studyId: number, seriesUid: string, s: DicomFacts['series']): number {
  const existing = cached<[string], Id>(db, 'SELECT id FROM series WHERE series_uid = ?').get(seriesUid);
  if (existing) {
    cached(db, `UPDATE series SET modality = COALESCE(modality, ?), body_part = COALESCE(body_part, ?),
      description = COALESCE(description, ?), series_number = COALESCE(series_number, ?) WHERE id = ?`)
      .run(s.modality, s.bodyPart, s.description, s.number, existing.id);
    return existing.id;
  }
  const r = cached(db, `INSERT INTO series(study_id, series_uid, modality, body_part, description, series_number)
    VALUES (?, ?, ?, ?, ?, ?)`).run(studyId, seriesUid, s.modality, s.bodyPart, s.description, s.number);
  return Number(r.lastInsertRowid);
}

export interface InstanceRow {
  seriesId: number;
  sopInstanceUid: string;
  facts: DicomFacts;
  blobId: string;
  sha256File: Buffer;
  sha256Dataset: Buffer;
  pixelDigestStatus: 'done' | 'pending' | 'none' | 'failed';
  frameDigests: Buffer | null;
  conflictGroup: string | null;
}

export function insertInstance(db: WritableDB, row: InstanceRow): number {
  const f = row.facts;
  const r = cached(db, `INSERT INTO instances(series_id, sop_instance_uid, sop_class_uid, instance_number, rows, columns,
    frames, transfer_syntax, blob_id, sha256_file, sha256_dataset, pixel_digest_status, frame_digests, conflict_group, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    row.seriesId, row.sopInstanceUid, f.sopClassUid, f.instanceNumber, f.image.rows, f.image.columns, f.image.frames,
    f.transferSyntaxUid, row.blobId, row.sha256File, row.sha256Dataset, row.pixelDigestStatus, row.frameDigests,
    row.conflictGroup, nowIso(),
  );
  return Number(r.lastInsertRowid);
}

/** Instances already stored under a SOP Instance UID (to detect a different copy of the "same" image). */
export function instancesWithSopUid(db: VaultDatabase, sopInstanceUid: string): { id: number; frameDigests: Buffer | null }[] {
  return cached<[string], { id: number; frame_digests: Buffer | null }>(db, 'SELECT id, frame_digests FROM instances WHERE sop_instance_uid = ?')
    .all(sopInstanceUid).map((r) => ({ id: r.id, frameDigests: r.frame_digests }));
}

export function markConflict(db: WritableDB, instanceIds: number[], group: string): void {
  const stmt = cached<[string, number]>(db, 'UPDATE instances SET conflict_group = ? WHERE id = ?');
  for (const id of instanceIds) stmt.run(group, id);
}

/** Which stored instance or attachment already holds a file with these exact bytes. */
export function findBySha(db: VaultDatabase, sha256: Buffer): { instanceId: number | null; attachmentId: number | null } | null {
  const inst = cached<[Buffer], Id>(db, 'SELECT id FROM instances WHERE sha256_file = ?').get(sha256);
  if (inst) return { instanceId: inst.id, attachmentId: null };
  const att = cached<[Buffer], Id>(db, 'SELECT id FROM attachments WHERE sha256_file = ?').get(sha256);
  if (att) return { instanceId: null, attachmentId: att.id };
  return null;
}

export function insertAttachment(db: WritableDB, a: { studyId: number | null; patientId: number | null; blobId: string; title: string | null; sha256: Buffer }): number {
  const r = cached(db, `INSERT INTO attachments(study_id, patient_id, blob_id, kind, title, sha256_file, created_at)
    VALUES (?, ?, ?, 'pdf', ?, ?, ?)`).run(a.studyId, a.patientId, a.blobId, a.title, a.sha256, nowIso());
  return Number(r.lastInsertRowid);
}

/** Fills in the study and patient of attachments that have none yet. */
export function linkAttachments(db: WritableDB, attachmentIds: number[], studyId: number | null, patientId: number | null): void {
  const stmt = cached(db, 'UPDATE attachments SET study_id = COALESCE(study_id, ?), patient_id = COALESCE(patient_id, ?) WHERE id = ?');
  for (const id of attachmentIds) stmt.run(studyId, patientId, id);
}

export interface FileRecord {
  batchId: number;
  relativePath: string;
  size: number | null;
  outcome: 'imported' | 'seen-again' | 'conflict' | 'skipped' | 'failed' | 'attachment';
  reason: string | null;
  transferSyntax: string | null;
  warnings: string[];
  sha256File: Buffer | null;
  instanceId: number | null;
  attachmentId: number | null;
}

/** One provenance row per file of a batch; a re-run of the same batch path keeps the first record. */
export function recordFile(db: WritableDB, r: FileRecord): void {
  cached(db, `INSERT INTO import_files(batch_id, relative_path, size, outcome, reason, transfer_syntax, parse_warnings,
    sha256_file, instance_id, attachment_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(batch_id, relative_path) DO NOTHING`).run(
    r.batchId, r.relativePath, r.size, r.outcome, r.reason, r.transferSyntax,
    r.warnings.length > 0 ? JSON.stringify(r.warnings) : null, r.sha256File, r.instanceId, r.attachmentId, nowIso(),
  );
}
