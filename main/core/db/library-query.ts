/**
 * SQL for the library at scale: one page of studies matching a search, the total, what a page's
 * cards show, the filter choices and the list of imports. Values are always bound, never spliced.
 */
import type { VaultDatabase } from './database';
import type { SeriesListRow, StudyAttachmentRow, StudySourceRow } from './library';

export interface StudyFilter {
  words: string[];
  from?: string | undefined; to?: string | undefined; // YYYYMMDD
  modality?: string; bodyPart?: string; source?: string; facility?: string;
  personId?: number; importId?: number;
}
export type StudyOrder = 'date-newest' | 'date-oldest' | 'patient-name' | 'description';

export interface PageStudyRow {
  id: number; studyUid: string; date: string | null; description: string | null; institution: string | null;
  patientId: number; patientName: string | null; dicomPatientId: string | null; birthDate: string | null; sex: string | null;
  personId: number | null; personName: string | null;
}

const FROM = `FROM studies s JOIN patients p ON p.id = s.patient_id
  LEFT JOIN person_records pr ON pr.patient_id = s.patient_id LEFT JOIN persons pe ON pe.id = pr.person_id`;

const ORDER: Record<StudyOrder, string> = {
  // DESC puts missing dates last (NULL sorts lowest), and the studies_date index serves it.
  'date-newest': 's.study_date DESC, s.id DESC',
  'date-oldest': 's.study_date IS NULL, s.study_date, s.id',
  'patient-name': 'p.name IS NULL, p.name COLLATE NOCASE, s.study_date DESC, s.id DESC',
  'description': 's.description IS NULL, s.description COLLATE NOCASE, s.study_date DESC, s.id DESC',
};

/** LIKE pattern for "contains", with the wildcards of the word itself escaped. */
const contains = (word: string): string => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One word matches when it appears in any searchable field of the study, its series or its imports. */
const WORD = `(p.name LIKE ?1 ESCAPE '\\' OR pe.display_name LIKE ?1 ESCAPE '\\' OR s.description LIKE ?1 ESCAPE '\\'
  OR s.institution LIKE ?1 ESCAPE '\\'
  OR EXISTS (SELECT 1 FROM series x WHERE x.study_id = s.id AND (x.description LIKE ?1 ESCAPE '\\' OR x.body_part LIKE ?1 ESCAPE '\\' OR x.modality LIKE ?1 ESCAPE '\\'))
  OR EXISTS (SELECT 1 FROM study_batches sb JOIN import_batches b ON b.id = sb.batch_id WHERE sb.study_id = s.id AND b.source_label LIKE ?1 ESCAPE '\\'))`;

function where(f: StudyFilter): { sql: string; params: Record<string, string | number> } {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  f.words.forEach((w, i) => {
    parts.push(WORD.replaceAll('?1', `@w${i}`));
    params[`w${i}`] = contains(w);
  });
  const add = (sql: string, name: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    parts.push(sql);
    params[name] = value;
  };
  add('s.study_date >= @from', 'from', f.from);
  add('s.study_date <= @to', 'to', f.to);
  add('s.id IN (SELECT study_id FROM series WHERE modality = @modality)', 'modality', f.modality);
  add('EXISTS (SELECT 1 FROM series x WHERE x.study_id = s.id AND x.body_part = @bodyPart)', 'bodyPart', f.bodyPart);
  add('EXISTS (SELECT 1 FROM study_batches sb JOIN import_batches b ON b.id = sb.batch_id WHERE sb.study_id = s.id AND b.source_label = @source)', 'source', f.source);
  add('s.institution = @facility', 'facility', f.facility);
  add('pr.person_id = @personId', 'personId', f.personId);
  add('s.id IN (SELECT study_id FROM study_batches WHERE batch_id = @importId)', 'importId', f.importId);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function countStudies(db: VaultDatabase, f: StudyFilter): number {
  const w = where(f);
  return Number(db.prepare(`SELECT count(*) ${FROM} ${w.sql}`).pluck().get(w.params));
}

interface RawPageRow {
  id: number; study_uid: string; study_date: string | null; description: string | null; institution: string | null;
  patient_id: number; patient_name: string | null; dicom_patient_id: string | null; birth_date: string | null; sex: string | null;
  person_id: number | null; person_name: string | null;
}

export function pageOfStudies(db: VaultDatabase, f: StudyFilter, order: StudyOrder, offset: number, limit: number): PageStudyRow[] {
  const w = where(f);
  return db.prepare<[Record<string, string | number>], RawPageRow>(`SELECT s.id, s.study_uid, s.study_date, s.description, s.institution,
      p.id AS patient_id, p.name AS patient_name, p.dicom_patient_id, p.birth_date, p.sex, pe.id AS person_id, pe.display_name AS person_name
    ${FROM} ${w.sql} ORDER BY ${ORDER[order]} LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit, offset }).map((r) => ({
      id: r.id, studyUid: r.study_uid, date: r.study_date, description: r.description, institution: r.institution,
      patientId: r.patient_id, patientName: r.patient_name, dicomPatientId: r.dicom_patient_id, birthDate: r.birth_date, sex: r.sex,
      personId: r.person_id, personName: r.person_name,
    }));
}

interface RawSeriesRow {
  id: number; study_id: number; series_uid: string; modality: string | null; body_part: string | null; description: string | null;
  series_number: number | null; instance_count: number; conflict_count: number; altered_count: number;
}

/** Series of just these studies, with counts (same rules as db/library.ts listSeries). */
export function seriesOfStudies(db: VaultDatabase, studyIds: number[]): SeriesListRow[] {
  if (studyIds.length === 0) return [];
  return db.prepare<[string], RawSeriesRow>(`WITH page(id) AS (SELECT value FROM json_each(?)),
    own AS (SELECT i.id, i.series_id, i.conflict_group FROM instances i JOIN series se ON se.id = i.series_id WHERE se.study_id IN page),
    groups AS (SELECT conflict_group, (COUNT(DISTINCT frame_digests) > 1 OR SUM(frame_digests IS NULL) > 0) AS altered
      FROM instances WHERE conflict_group IN (SELECT conflict_group FROM own WHERE conflict_group IS NOT NULL) GROUP BY conflict_group)
    SELECT s.id, s.study_id, s.series_uid, s.modality, s.body_part, s.description, s.series_number,
      COUNT(o.id) AS instance_count, COUNT(o.conflict_group) AS conflict_count, COALESCE(SUM(g.altered), 0) AS altered_count
    FROM series s LEFT JOIN own o ON o.series_id = s.id LEFT JOIN groups g ON g.conflict_group = o.conflict_group
    WHERE s.study_id IN page GROUP BY s.id ORDER BY s.series_number, s.id`).all(JSON.stringify(studyIds)).map((r) => ({
    id: r.id, studyId: r.study_id, seriesUid: r.series_uid, modality: r.modality, bodyPart: r.body_part, description: r.description,
    seriesNumber: r.series_number, instanceCount: r.instance_count, conflictCount: r.conflict_count, alteredCount: r.altered_count,
  }));
}

export function sourcesOfStudies(db: VaultDatabase, studyIds: number[]): StudySourceRow[] {
  return db.prepare<[string], { study_id: number; label: string }>(`SELECT sb.study_id, b.source_label AS label FROM study_batches sb
    JOIN import_batches b ON b.id = sb.batch_id WHERE sb.study_id IN (SELECT value FROM json_each(?)) ORDER BY b.id`)
    .all(JSON.stringify(studyIds)).map((r) => ({ studyId: r.study_id, label: r.label }));
}

export function attachmentsOfStudies(db: VaultDatabase, studyIds: number[]): StudyAttachmentRow[] {
  return db.prepare<[string], { id: number; study_id: number; title: string | null; kind: string }>(
    'SELECT id, study_id, title, kind FROM attachments WHERE study_id IN (SELECT value FROM json_each(?)) ORDER BY id',
  ).all(JSON.stringify(studyIds)).map((r) => ({ id: r.id, studyId: r.study_id, title: r.title, kind: r.kind }));
}

export interface FilterChoiceRows {
  studyCount: number; modalities: string[]; bodyParts: string[]; sources: string[]; facilities: string[];
  people: { id: number; displayName: string | null; recordName: string | null }[];
}

export function filterChoices(db: VaultDatabase): FilterChoiceRows {
  const strings = (sql: string): string[] => db.prepare<[], string>(sql).pluck().all();
  return {
    studyCount: Number(db.prepare('SELECT count(*) FROM studies').pluck().get()),
    modalities: strings('SELECT DISTINCT modality FROM series WHERE modality IS NOT NULL ORDER BY modality'),
    bodyParts: strings("SELECT DISTINCT body_part FROM series WHERE body_part IS NOT NULL AND body_part <> '' ORDER BY body_part COLLATE NOCASE"),
    sources: strings('SELECT source_label FROM import_batches b WHERE EXISTS (SELECT 1 FROM study_batches sb WHERE sb.batch_id = b.id) GROUP BY source_label ORDER BY source_label COLLATE NOCASE'),
    facilities: strings("SELECT DISTINCT institution FROM studies WHERE institution IS NOT NULL AND institution <> '' ORDER BY institution COLLATE NOCASE"),
    people: db.prepare<[], { id: number; display_name: string | null; record_name: string | null }>(`SELECT pe.id, pe.display_name,
        (SELECT p.name FROM person_records r JOIN patients p ON p.id = r.patient_id WHERE r.person_id = pe.id ORDER BY p.id LIMIT 1) AS record_name
      FROM persons pe WHERE EXISTS (SELECT 1 FROM person_records r JOIN studies s ON s.patient_id = r.patient_id WHERE r.person_id = pe.id)
      ORDER BY pe.id`).all().map((r) => ({ id: r.id, displayName: r.display_name, recordName: r.record_name })),
  };
}

export interface ImportRow {
  id: number; sourceLabel: string; sourceKind: string; receivedDate: string | null; handedOverBy: string | null;
  startedAt: string; status: string; studyCount: number; pictureCount: number; reportCount: number;
}

/** Every import, newest first, with what it still holds in the vault. */
export function listImportRows(db: VaultDatabase): ImportRow[] {
  return db.prepare<[], {
    id: number; source_label: string; source_kind: string; received_date: string | null; handed_over_by: string | null;
    started_at: string; status: string; study_count: number; picture_count: number; report_count: number;
  }>(`SELECT b.id, b.source_label, b.source_kind, b.received_date, b.handed_over_by, b.started_at, b.status,
      (SELECT count(*) FROM study_batches sb WHERE sb.batch_id = b.id) AS study_count,
      (SELECT count(DISTINCT f.instance_id) FROM import_files f WHERE f.batch_id = b.id AND f.instance_id IS NOT NULL) AS picture_count,
      (SELECT count(DISTINCT f.attachment_id) FROM import_files f WHERE f.batch_id = b.id AND f.attachment_id IS NOT NULL) AS report_count
    FROM import_batches b ORDER BY b.id DESC`).all().map((r) => ({
    id: r.id, sourceLabel: r.source_label, sourceKind: r.source_kind, receivedDate: r.received_date, handedOverBy: r.handed_over_by,
    startedAt: r.started_at, status: r.status, studyCount: r.study_count, pictureCount: r.picture_count, reportCount: r.report_count,
  }));
}
