/** Read-only queries behind the study view: one study with its series and stored objects. */
import type { VaultDatabase } from './database';

export interface ViewerStudyRow {
  id: number; date: string | null; description: string | null; institution: string | null;
  patientName: string | null; patientId: string | null; birthDate: string | null; sex: string | null;
}
export interface ViewerSeriesRow {
  id: number; seriesNumber: number | null; modality: string | null; bodyPart: string | null; description: string | null;
}
export interface ViewerInstanceRow {
  id: number; seriesId: number; instanceNumber: number | null; sopClassUid: string | null; transferSyntax: string | null;
  rows: number | null; columns: number | null; frames: number | null;
}
export interface ViewerAttachmentRow { id: number; title: string | null; kind: string }

export function viewerStudy(db: VaultDatabase, studyId: number): ViewerStudyRow | null {
  const row = db.prepare<[number], {
    id: number; study_date: string | null; description: string | null; institution: string | null;
    name: string | null; dicom_patient_id: string | null; birth_date: string | null; sex: string | null;
  }>(`SELECT s.id, s.study_date, s.description, s.institution, p.name, p.dicom_patient_id, p.birth_date, p.sex
      FROM studies s JOIN patients p ON p.id = s.patient_id WHERE s.id = ?`).get(studyId);
  if (!row) return null;
  return {
    id: row.id, date: row.study_date, description: row.description, institution: row.institution,
    patientName: row.name, patientId: row.dicom_patient_id, birthDate: row.birth_date, sex: row.sex,
  };
}

export function viewerSeriesOfStudy(db: VaultDatabase, studyId: number): ViewerSeriesRow[] {
  return db.prepare<[number], { id: number; series_number: number | null; modality: string | null; body_part: string | null; description: string | null }>(
    'SELECT id, series_number, modality, body_part, description FROM series WHERE study_id = ? ORDER BY series_number IS NULL, series_number, id',
  ).all(studyId).map((r) => ({ id: r.id, seriesNumber: r.series_number, modality: r.modality, bodyPart: r.body_part, description: r.description }));
}

interface RawInstanceRow {
  id: number; series_id: number; instance_number: number | null; sop_class_uid: string | null; transfer_syntax: string | null;
  rows: number | null; columns: number | null; frames: number | null;
}
const INSTANCE_COLUMNS = 'i.id, i.series_id, i.instance_number, i.sop_class_uid, i.transfer_syntax, i.rows, i.columns, i.frames';
const INSTANCE_ORDER = 'ORDER BY i.instance_number IS NULL, i.instance_number, i.id';

function toInstance(r: RawInstanceRow): ViewerInstanceRow {
  return {
    id: r.id, seriesId: r.series_id, instanceNumber: r.instance_number, sopClassUid: r.sop_class_uid,
    transferSyntax: r.transfer_syntax, rows: r.rows, columns: r.columns, frames: r.frames,
  };
}

export function viewerInstancesOfStudy(db: VaultDatabase, studyId: number): ViewerInstanceRow[] {
  return db.prepare<[number], RawInstanceRow>(
    `SELECT ${INSTANCE_COLUMNS} FROM instances i JOIN series se ON se.id = i.series_id WHERE se.study_id = ? ${INSTANCE_ORDER}`,
  ).all(studyId).map(toInstance);
}

/** null when there is no such series (an empty series is an empty list). */
export function viewerInstancesOfSeries(db: VaultDatabase, seriesId: number): ViewerInstanceRow[] | null {
  if (!db.prepare<[number], { id: number }>('SELECT id FROM series WHERE id = ?').get(seriesId)) return null;
  return db.prepare<[number], RawInstanceRow>(`SELECT ${INSTANCE_COLUMNS} FROM instances i WHERE i.series_id = ? ${INSTANCE_ORDER}`)
    .all(seriesId).map(toInstance);
}

export function viewerAttachmentsOfStudy(db: VaultDatabase, studyId: number): ViewerAttachmentRow[] {
  return db.prepare<[number], { id: number; title: string | null; kind: string }>(
    'SELECT id, title, kind FROM attachments WHERE study_id = ? ORDER BY id',
  ).all(studyId);
}
