/** The library view: people → their DICOM patient records → studies → series with counts, read from the encrypted index. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Library, PatientSummary, PersonSummary, SeriesSummary, StudySummary } from '../../../shared/domain';
import { listPersons, personIdsByRecord } from '../db/people';
import { sortByName } from '../people/sort-by-name';

interface PatientRow { id: number; name: string | null; dicom_patient_id: string | null; birth_date: string | null; sex: string | null }
interface StudyRow { id: number; patient_id: number; study_uid: string; study_date: string | null; description: string | null; institution: string | null }
interface SeriesRow {
  id: number; study_id: number; series_uid: string; modality: string | null; body_part: string | null; description: string | null;
  series_number: number | null; instance_count: number; conflict_count: number; altered_count: number;
}

export function listLibrary(db: Database): Library {
  const patients = db.prepare('SELECT id, name, dicom_patient_id, birth_date, sex FROM patients ORDER BY name COLLATE NOCASE, id').all() as PatientRow[];
  const studies = db.prepare('SELECT id, patient_id, study_uid, study_date, description, institution FROM studies ORDER BY study_date DESC, id').all() as StudyRow[];
  // A conflict group whose members all have the same pixel digests is one picture in several file
  // encodings; any difference (or a digest not computed yet) makes it a possibly altered copy.
  const series = db.prepare(`WITH groups AS (
      SELECT conflict_group, (COUNT(DISTINCT frame_digests) > 1 OR SUM(frame_digests IS NULL) > 0) AS altered
      FROM instances WHERE conflict_group IS NOT NULL GROUP BY conflict_group)
    SELECT s.id, s.study_id, s.series_uid, s.modality, s.body_part, s.description, s.series_number,
      COUNT(i.id) AS instance_count, COUNT(i.conflict_group) AS conflict_count, COALESCE(SUM(g.altered), 0) AS altered_count
    FROM series s LEFT JOIN instances i ON i.series_id = s.id LEFT JOIN groups g ON g.conflict_group = i.conflict_group
    GROUP BY s.id ORDER BY s.series_number, s.id`).all() as SeriesRow[];
  const sources = db.prepare(`SELECT DISTINCT st.id AS study_id, b.source_label AS label
    FROM import_files f JOIN import_batches b ON b.id = f.batch_id JOIN instances i ON i.id = f.instance_id
    JOIN series se ON se.id = i.series_id JOIN studies st ON st.id = se.study_id ORDER BY b.id`).all() as { study_id: number; label: string }[];
  const attachments = db.prepare('SELECT id, study_id, title, kind FROM attachments WHERE study_id IS NOT NULL ORDER BY id').all() as
    { id: number; study_id: number; title: string | null; kind: string }[];

  const seriesByStudy = groupBy(series, (s) => s.study_id);
  const sourcesByStudy = groupBy(sources, (s) => s.study_id);
  const attachmentsByStudy = groupBy(attachments, (a) => a.study_id);
  const studiesByPatient = groupBy(studies, (s) => s.patient_id);

  const records = patients.map((p): PatientSummary => {
    const own = (studiesByPatient.get(p.id) ?? []).map((s) => toStudy(s, seriesByStudy, sourcesByStudy, attachmentsByStudy));
    return { id: p.id, name: p.name, patientId: p.dicom_patient_id, birthDate: p.birth_date, sex: p.sex, studyCount: own.length, studies: own };
  });
  return { people: groupByPerson(db, records) };
}

/** Records in the order above (by name) under their person; persons kept for their profile show with none. */
function groupByPerson(db: Database, records: PatientSummary[]): PersonSummary[] {
  const links = personIdsByRecord(db);
  const byPerson = new Map<number, PersonSummary['records']>();
  for (const r of records) {
    const link = links.get(r.id);
    if (!link) continue; // every record has a person (migration 0020, import); never show one twice
    const list = byPerson.get(link.personId) ?? [];
    list.push({ ...r, linkedBy: link.linkedBy });
    byPerson.set(link.personId, list);
  }
  const people = listPersons(db).map((p): PersonSummary => {
    const own = byPerson.get(p.id) ?? [];
    return { id: p.id, displayName: p.displayName, studyCount: own.reduce((n, r) => n + r.studyCount, 0), records: own };
  });
  return sortByName(people, (p) => p.displayName ?? p.records[0]?.name ?? null);
}

function toStudy(
  s: StudyRow,
  seriesByStudy: Map<number, SeriesRow[]>,
  sourcesByStudy: Map<number, { label: string }[]>,
  attachmentsByStudy: Map<number, { id: number; title: string | null; kind: string }[]>,
): StudySummary {
  const ownSeries = (seriesByStudy.get(s.id) ?? []).map((se): SeriesSummary => ({
    id: se.id, seriesInstanceUid: se.series_uid, modality: se.modality, bodyPart: se.body_part, description: se.description,
    seriesNumber: se.series_number, instanceCount: se.instance_count, conflictCount: se.conflict_count,
    alteredCount: se.altered_count,
  }));
  const modalities = [...new Set(ownSeries.map((se) => se.modality).filter((m): m is string => !!m))];
  return {
    id: s.id, studyInstanceUid: s.study_uid, date: s.study_date, description: s.description, modalities, institution: s.institution,
    sources: [...new Set((sourcesByStudy.get(s.id) ?? []).map((x) => x.label))],
    seriesCount: ownSeries.length,
    instanceCount: ownSeries.reduce((n, se) => n + se.instanceCount, 0),
    attachments: (attachmentsByStudy.get(s.id) ?? []).map((a) => ({ id: a.id, title: a.title, kind: a.kind })),
    series: ownSeries,
  };
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
