/**
 * SQL for exams of the AI-use record: planned or imported, each belonging to a person and linking
 * at most one study. Exam fields (facility, reason, …) are patient data: never log them.
 */
import type { VaultDatabase, WritableDB } from './database';

export interface ExamRow {
  id: number;
  personId: number;
  personName: string | null;
  studyId: number | null;
  studyInstanceUid: string | null;
  studyDate: string | null;
  studyDescription: string | null;
  studyModalities: string | null;
  origin: 'planned' | 'import';
  plannedDate: string | null;
  facilityId: number | null;
  facilityName: string | null;
  modality: string | null;
  bodyPart: string | null;
  orderingProvider: string | null;
  reason: string | null;
}

export interface ExamFieldsRow {
  plannedDate: string | null;
  facilityId: number | null;
  modality: string | null;
  bodyPart: string | null;
  orderingProvider: string | null;
  reason: string | null;
}

interface ExamDbRow {
  id: number; person_id: number; person_name: string | null; study_id: number | null; study_uid: string | null;
  study_date: string | null; study_description: string | null; study_modalities: string | null; origin: 'planned' | 'import';
  planned_date: string | null; facility_id: number | null; facility_name: string | null; modality: string | null;
  body_part: string | null; ordering_provider: string | null; reason: string | null;
}

const SELECT = `SELECT e.id, e.person_id, COALESCE(p.display_name, (SELECT pa.name FROM person_records r JOIN patients pa ON pa.id = r.patient_id
      WHERE r.person_id = e.person_id ORDER BY pa.id LIMIT 1)) AS person_name,
    e.study_id, s.study_uid, s.study_date, s.description AS study_description,
    (SELECT group_concat(DISTINCT se.modality) FROM series se WHERE se.study_id = s.id) AS study_modalities,
    e.origin, e.planned_date, e.facility_id, f.name AS facility_name, e.modality, e.body_part, e.ordering_provider, e.reason
  FROM ai_exams e JOIN persons p ON p.id = e.person_id
  LEFT JOIN studies s ON s.id = e.study_id LEFT JOIN ai_providers f ON f.id = e.facility_id`;

function toExam(r: ExamDbRow): ExamRow {
  return {
    id: r.id, personId: r.person_id, personName: r.person_name, studyId: r.study_id, studyInstanceUid: r.study_uid,
    studyDate: r.study_date, studyDescription: r.study_description, studyModalities: r.study_modalities, origin: r.origin,
    plannedDate: r.planned_date, facilityId: r.facility_id, facilityName: r.facility_name, modality: r.modality,
    bodyPart: r.body_part, orderingProvider: r.ordering_provider, reason: r.reason,
  };
}

/** Exams newest first (planned date, else study date, else creation), optionally of one person. */
export function listExamRows(db: VaultDatabase, personId?: number): ExamRow[] {
  const where = personId === undefined ? '' : 'WHERE e.person_id = @personId';
  const rows = db.prepare(`${SELECT} ${where}
    ORDER BY COALESCE(e.planned_date, substr(s.study_date, 1, 4) || '-' || substr(s.study_date, 5, 2) || '-' || substr(s.study_date, 7, 2), e.created_at) DESC, e.id DESC`)
    .all(personId === undefined ? {} : { personId }) as ExamDbRow[];
  return rows.map(toExam);
}

export function readExam(db: VaultDatabase, examId: number): ExamRow | null {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(examId) as ExamDbRow | undefined;
  return row ? toExam(row) : null;
}

export function insertExam(db: WritableDB, e: ExamFieldsRow & { personId: number; studyId: number | null; now: string }): number {
  return Number(db.prepare(`INSERT INTO ai_exams (person_id, study_id, origin, planned_date, facility_id, modality, body_part,
      ordering_provider, reason, created_at, updated_at) VALUES (?, ?, 'planned', ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(e.personId, e.studyId, e.plannedDate, e.facilityId, e.modality, e.bodyPart, e.orderingProvider, e.reason, e.now, e.now).lastInsertRowid);
}

export function updateExamFields(db: WritableDB, examId: number, e: ExamFieldsRow, now: string): void {
  db.prepare(`UPDATE ai_exams SET planned_date = ?, facility_id = ?, modality = ?, body_part = ?, ordering_provider = ?, reason = ?,
      updated_at = ? WHERE id = ?`)
    .run(e.plannedDate, e.facilityId, e.modality, e.bodyPart, e.orderingProvider, e.reason, now, examId);
}

/** The exam that holds a study (the one its import made, or a planned one linked to it). */
export function examOfStudy(db: VaultDatabase, studyId: number): number | null {
  const v: unknown = db.prepare('SELECT id FROM ai_exams WHERE study_id = ?').pluck().get(studyId);
  return typeof v === 'number' ? v : null;
}

/** The person a study belongs to (through its patient record), or null if the study is gone. */
export function personOfStudy(db: VaultDatabase, studyId: number): number | null {
  const v: unknown = db.prepare(`SELECT r.person_id FROM studies s JOIN person_records r ON r.patient_id = s.patient_id WHERE s.id = ?`)
    .pluck().get(studyId);
  return typeof v === 'number' ? v : null;
}

/**
 * Moves everything of exam `from` (answers, follow-ups, documents, letters) into exam `into`,
 * then deletes `from`. Answer versions keep their order; where both have a current answer for a
 * question, the one recorded later stays current and the other becomes history.
 */
export function foldExamInto(db: WritableDB, from: number, into: number, now: string): { answers: number } {
  // Of two current answers to one question, the older becomes history.
  db.prepare(`UPDATE ai_answers SET superseded_at = @now WHERE superseded_at IS NULL AND exam_id IN (@from, @into)
      AND EXISTS (SELECT 1 FROM ai_answers b WHERE b.superseded_at IS NULL AND b.exam_id IN (@from, @into)
        AND b.question_id = ai_answers.question_id AND b.id > ai_answers.id)`).run({ from, into, now });
  const answers = db.prepare('UPDATE ai_answers SET exam_id = ? WHERE exam_id = ?').run(into, from).changes;
  db.prepare(`INSERT OR IGNORE INTO ai_follow_ups (exam_id, question_id, due_date, created_at)
      SELECT ?, question_id, due_date, created_at FROM ai_follow_ups WHERE exam_id = ?`).run(into, from);
  db.prepare('DELETE FROM ai_follow_ups WHERE exam_id = ?').run(from);
  db.prepare('UPDATE ai_documents SET exam_id = ? WHERE exam_id = ?').run(into, from);
  db.prepare('UPDATE ai_letters SET exam_id = ? WHERE exam_id = ?').run(into, from);
  db.prepare('DELETE FROM ai_exams WHERE id = ?').run(from);
  return { answers };
}

/** Gives an exam without a facility this one (the facility the folded import exam had from its study). */
export function adoptFacility(db: WritableDB, examId: number, facilityId: number): void {
  db.prepare('UPDATE ai_exams SET facility_id = ? WHERE id = ? AND facility_id IS NULL').run(facilityId, examId);
}

export function linkStudy(db: WritableDB, examId: number, studyId: number, personId: number, now: string): void {
  db.prepare('UPDATE ai_exams SET study_id = ?, person_id = ?, updated_at = ? WHERE id = ?').run(studyId, personId, now, examId);
}

/**
 * Exams of one of these studies that the import made and nobody added anything to: they can go with
 * the study. The facility the import set from the study's institution is not something added.
 */
export function deleteUntouchedImportExams(db: WritableDB, studyIds: readonly number[]): number {
  return db.prepare(`DELETE FROM ai_exams WHERE origin = 'import' AND study_id IN (SELECT value FROM json_each(?))
      AND planned_date IS NULL
      AND (facility_id IS NULL OR facility_id = (SELECT f.id FROM ai_providers f JOIN studies s ON s.id = ai_exams.study_id
        WHERE f.kind = 'facility' AND lower(trim(f.name)) = lower(trim(s.institution)) ORDER BY f.id LIMIT 1))
      AND modality IS NULL AND body_part IS NULL AND ordering_provider IS NULL AND reason IS NULL
      AND NOT EXISTS (SELECT 1 FROM ai_answers a WHERE a.exam_id = ai_exams.id)
      AND NOT EXISTS (SELECT 1 FROM ai_follow_ups f WHERE f.exam_id = ai_exams.id)
      AND NOT EXISTS (SELECT 1 FROM ai_documents d WHERE d.exam_id = ai_exams.id)
      AND NOT EXISTS (SELECT 1 FROM ai_letters l WHERE l.exam_id = ai_exams.id)`).run(JSON.stringify(studyIds)).changes;
}
