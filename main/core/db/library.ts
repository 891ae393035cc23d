/** Read-only queries behind the library view and series previews. */
import type { VaultDatabase } from './database';

export interface PatientListRow { id: number; name: string | null; dicomPatientId: string | null; birthDate: string | null; sex: string | null }
export interface StudyListRow { id: number; patientId: number; studyUid: string; date: string | null; description: string | null; institution: string | null }
export interface SeriesListRow {
  id: number; studyId: number; seriesUid: string; modality: string | null; bodyPart: string | null; description: string | null;
  seriesNumber: number | null; instanceCount: number; conflictCount: number; alteredCount: number;
}
export interface StudySourceRow { studyId: number; label: string }
export interface StudyAttachmentRow { id: number; studyId: number; title: string | null; kind: string }

/**
 * Patients with at least one study. A patient row without studies only ever came from an altered
 * copy filed under another patient's study by an older version; it has nothing to show.
 */
export function listPatients(db: VaultDatabase): PatientListRow[] {
  return db.prepare<[], { id: number; name: string | null; dicom_patient_id: string | null; birth_date: string | null; sex: string | null }>(
    `SELECT id, name, dicom_patient_id, birth_date, sex FROM patients p
     WHERE EXISTS (SELECT 1 FROM studies s WHERE s.patient_id = p.id) ORDER BY name COLLATE NOCASE, id`,
  ).all().map((r) => ({ id: r.id, name: r.name, dicomPatientId: r.dicom_patient_id, birthDate: r.birth_date, sex: r.sex }));
}

export function listStudies(db: VaultDatabase): StudyListRow[] {
  return db.prepare<[], { id: number; patient_id: number; study_uid: string; study_date: string | null; description: string | null; institution: string | null }>(
    'SELECT id, patient_id, study_uid, study_date, description, institution FROM studies ORDER BY study_date DESC, id',
  ).all().map((r) => ({ id: r.id, patientId: r.patient_id, studyUid: r.study_uid, date: r.study_date, description: r.description, institution: r.institution }));
}

interface RawSeriesRow {
  id: number; study_id: number; series_uid: string; modality: string | null; body_part: string | null; description: string | null;
  series_number: number | null; instance_count: number; conflict_count: number; altered_count: number;
}

/**
 * A conflict group whose members all have the same pixel digests is one picture in several file
 * encodings; any difference (or a digest not computed yet) makes it a possibly altered copy.
 */
export function listSeries(db: VaultDatabase): SeriesListRow[] {
  return db.prepare<[], RawSeriesRow>(`WITH groups AS (
      SELECT conflict_group, (COUNT(DISTINCT frame_digests) > 1 OR SUM(frame_digests IS NULL) > 0) AS altered
      FROM instances WHERE conflict_group IS NOT NULL GROUP BY conflict_group)
    SELECT s.id, s.study_id, s.series_uid, s.modality, s.body_part, s.description, s.series_number,
      COUNT(i.id) AS instance_count, COUNT(i.conflict_group) AS conflict_count, COALESCE(SUM(g.altered), 0) AS altered_count
    FROM series s LEFT JOIN instances i ON i.series_id = s.id LEFT JOIN groups g ON g.conflict_group = i.conflict_group
    GROUP BY s.id ORDER BY s.series_number, s.id`).all().map((r) => ({
    id: r.id, studyId: r.study_id, seriesUid: r.series_uid, modality: r.modality, bodyPart: r.body_part, description: r.description,
    seriesNumber: r.series_number, instanceCount: r.instance_count, conflictCount: r.conflict_count, alteredCount: r.altered_count,
  }));
}

export function listStudySources(db: VaultDatabase): StudySourceRow[] {
  return db.prepare<[], { study_id: number; label: string }>(`SELECT DISTINCT st.id AS study_id, b.source_label AS label
    FROM import_files f JOIN import_batches b ON b.id = f.batch_id JOIN instances i ON i.id = f.instance_id
    JOIN series se ON se.id = i.series_id JOIN studies st ON st.id = se.study_id ORDER BY b.id`).all()
    .map((r) => ({ studyId: r.study_id, label: r.label }));
}

export function listStudyAttachments(db: VaultDatabase): StudyAttachmentRow[] {
  return db.prepare<[], { id: number; study_id: number; title: string | null; kind: string }>(
    'SELECT id, study_id, title, kind FROM attachments WHERE study_id IS NOT NULL ORDER BY id',
  ).all().map((r) => ({ id: r.id, studyId: r.study_id, title: r.title, kind: r.kind }));
}


