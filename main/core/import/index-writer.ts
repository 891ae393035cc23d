/**
 * SQL for the patient → study → series → instance index and the per-file provenance rows.
 * Callers run these inside the import's open transaction.
 */
import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { DicomFacts } from '../dicom/types';
import { linkNewRecord } from '../people/auto-link';

const nowIso = (): string => new Date().toISOString();

/** Prepared statements are cached per connection: preparing one per row dominated import time. */
const statementCache = new WeakMap<Database, Map<string, Statement>>();
function sql(db: Database, text: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map<string, Statement>()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = db.prepare(text)));
  return stmt;
}

/**
 * Groups instances of one person: hospitals give different IDs, so the key is the DICOM patient
 * ID plus issuer, normalised name and birth date. Two copies from the same hospital group together.
 */
export function patientKey(p: DicomFacts['patient']): string {
  const name = (p.name ?? '').toUpperCase().replace(/\s+/g, ' ').replace(/\^+$/, '').trim();
  return JSON.stringify([p.id ?? '', p.issuer ?? '', name, p.birthDate ?? '']);
}

/** Stable placeholder when a file lacks a UID, so it still lands in the index (and says so). */
export function placeholderUid(kind: string, seed: string): string {
  return `scanvault-missing-${kind}:${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;
}

export function upsertPatient(db: Database, facts: DicomFacts): number {
  const p = facts.patient;
  const key = patientKey(p);
  const existing = sql(db, 'SELECT id FROM patients WHERE patient_key = ?').get(key) as { id: number } | undefined;
  if (existing) return existing.id;
  const r = sql(db, `INSERT INTO patients(patient_key, dicom_patient_id, name, birth_date, sex, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(key, p.id, p.name, p.birthDate, p.sex, nowIso());
  const id = Number(r.lastInsertRowid);
  linkNewRecord(db, { id, name: p.name, birthDate: p.birthDate }, nowIso());
  return id;
}

export function upsertStudy(db: Database, patientId: number, studyUid: string, facts: DicomFacts): number {
  const s = facts.study;
  const existing = sql(db, 'SELECT id FROM studies WHERE study_uid = ?').get(studyUid) as { id: number } | undefined;
  if (existing) {
    // The first copy wins; later copies only fill what was missing.
    sql(db, `UPDATE studies SET study_date = COALESCE(study_date, ?), study_time = COALESCE(study_time, ?),
      description = COALESCE(description, ?), accession = COALESCE(accession, ?), institution = COALESCE(institution, ?),
      referring_physician = COALESCE(referring_physician, ?) WHERE id = ?`)
      .run(s.date, s.time, s.description, s.accession, s.institution, s.referringPhysician, existing.id);
    return existing.id;
  }
  const r = sql(db, `INSERT INTO studies(patient_id, study_uid, study_date, study_time, description, accession,
    institution, referring_physician, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(patientId, studyUid, s.date, s.time, s.description, s.accession, s.institution, s.referringPhysician, nowIso());
  return Number(r.lastInsertRowid);
}

export function upsertSeries(db: Database, studyId: number, seriesUid: string, facts: DicomFacts): number {
  const s = facts.series;
  const existing = sql(db, 'SELECT id FROM series WHERE series_uid = ?').get(seriesUid) as { id: number } | undefined;
  if (existing) {
    sql(db, `UPDATE series SET modality = COALESCE(modality, ?), body_part = COALESCE(body_part, ?),
      description = COALESCE(description, ?), series_number = COALESCE(series_number, ?) WHERE id = ?`)
      .run(s.modality, s.bodyPart, s.description, s.number, existing.id);
    return existing.id;
  }
  const r = sql(db, `INSERT INTO series(study_id, series_uid, modality, body_part, description, series_number)
    VALUES (?, ?, ?, ?, ?, ?)`).run(studyId, seriesUid, s.modality, s.bodyPart, s.description, s.number);
  return Number(r.lastInsertRowid);
}

export function insertBlobRow(db: Database, blobId: string, size: number, sha256: Buffer): void {
  sql(db, 'INSERT INTO blobs(id, size, sha256, created_at) VALUES (?, ?, ?, ?)').run(blobId, size, sha256, nowIso());
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

export function insertInstance(db: Database, row: InstanceRow): number {
  const f = row.facts;
  const r = sql(db, `INSERT INTO instances(series_id, sop_instance_uid, sop_class_uid, instance_number, rows, columns,
    frames, transfer_syntax, blob_id, sha256_file, sha256_dataset, pixel_digest_status, frame_digests, conflict_group, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    row.seriesId, row.sopInstanceUid, f.sopClassUid, f.instanceNumber, f.image.rows, f.image.columns, f.image.frames,
    f.transferSyntaxUid, row.blobId, row.sha256File, row.sha256Dataset, row.pixelDigestStatus, row.frameDigests,
    row.conflictGroup, nowIso(),
  );
  return Number(r.lastInsertRowid);
}

/** Instances already stored under a SOP Instance UID (to detect a different copy of the "same" image). */
export function instancesWithSopUid(db: Database, sopInstanceUid: string): { id: number; frame_digests: Buffer | null }[] {
  return sql(db, 'SELECT id, frame_digests FROM instances WHERE sop_instance_uid = ?').all(sopInstanceUid) as { id: number; frame_digests: Buffer | null }[];
}

export function markConflict(db: Database, instanceIds: number[], group: string): void {
  const stmt = sql(db, 'UPDATE instances SET conflict_group = ? WHERE id = ?');
  for (const id of instanceIds) stmt.run(group, id);
}

export function findBySha(db: Database, sha256: Buffer): { instanceId: number | null; attachmentId: number | null } | null {
  const inst = sql(db, 'SELECT id FROM instances WHERE sha256_file = ?').get(sha256) as { id: number } | undefined;
  if (inst) return { instanceId: inst.id, attachmentId: null };
  const att = sql(db, 'SELECT id FROM attachments WHERE sha256_file = ?').get(sha256) as { id: number } | undefined;
  if (att) return { instanceId: null, attachmentId: att.id };
  return null;
}

export function insertAttachment(db: Database, a: { studyId: number | null; patientId: number | null; blobId: string; title: string | null; sha256: Buffer }): number {
  const r = sql(db, `INSERT INTO attachments(study_id, patient_id, blob_id, kind, title, sha256_file, created_at)
    VALUES (?, ?, ?, 'pdf', ?, ?, ?)`).run(a.studyId, a.patientId, a.blobId, a.title, a.sha256, nowIso());
  return Number(r.lastInsertRowid);
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
export function recordFile(db: Database, r: FileRecord): void {
  sql(db, `INSERT INTO import_files(batch_id, relative_path, size, outcome, reason, transfer_syntax, parse_warnings,
    sha256_file, instance_id, attachment_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(batch_id, relative_path) DO NOTHING`).run(
    r.batchId, r.relativePath, r.size, r.outcome, r.reason, r.transferSyntax,
    r.warnings.length > 0 ? JSON.stringify(r.warnings) : null, r.sha256File, r.instanceId, r.attachmentId, nowIso(),
  );
}
