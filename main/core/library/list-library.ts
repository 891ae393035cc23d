/** The library view: people → their DICOM patient records → studies → series with counts, read from the encrypted index. */
import type { Library, PatientSummary, PersonSummary, SeriesSummary, StudySummary } from '../../../shared/domain';
import type { VaultDatabase } from '../db/database';
import { listPersons, personIdsByRecord } from '../db/people';
import { sortByName } from '../people/sort-by-name';
import { listPatients, listSeries, listStudies, listStudyAttachments, listStudySources, type SeriesListRow, type StudyListRow } from '../db/library';

export function listLibrary(db: VaultDatabase): Library {
  const seriesByStudy = groupBy(listSeries(db), (s) => s.studyId);
  const sourcesByStudy = groupBy(listStudySources(db), (s) => s.studyId);
  const attachmentsByStudy = groupBy(listStudyAttachments(db), (a) => a.studyId);
  const studiesByPatient = groupBy(listStudies(db), (s) => s.patientId);

  const records = listPatients(db).map((p): PatientSummary => {
    const own = (studiesByPatient.get(p.id) ?? []).map((s) => toStudy(s, seriesByStudy, sourcesByStudy, attachmentsByStudy));
    return { id: p.id, name: p.name, patientId: p.dicomPatientId, birthDate: p.birthDate, sex: p.sex, studyCount: own.length, studies: own };
  });
  return { people: groupByPerson(db, records) };
}

/** Records in the order above (by name) under their person; persons kept for their profile show with none. */
function groupByPerson(db: VaultDatabase, records: PatientSummary[]): PersonSummary[] {
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

export function toStudy(
  s: StudyListRow,
  seriesByStudy: Map<number, SeriesListRow[]>,
  sourcesByStudy: Map<number, { label: string }[]>,
  attachmentsByStudy: Map<number, { id: number; title: string | null; kind: string }[]>,
): StudySummary {
  const ownSeries = (seriesByStudy.get(s.id) ?? []).map((se): SeriesSummary => ({
    id: se.id, seriesInstanceUid: se.seriesUid, modality: se.modality, bodyPart: se.bodyPart, description: se.description,
    seriesNumber: se.seriesNumber, instanceCount: se.instanceCount, conflictCount: se.conflictCount,
    alteredCount: se.alteredCount,
  }));
  const modalities = [...new Set(ownSeries.map((se) => se.modality).filter((m): m is string => !!m))];
  return {
    id: s.id, studyInstanceUid: s.studyUid, date: s.date, description: s.description, modalities, institution: s.institution,
    sources: [...new Set((sourcesByStudy.get(s.id) ?? []).map((x) => x.label))],
    seriesCount: ownSeries.length,
    instanceCount: ownSeries.reduce((n, se) => n + se.instanceCount, 0),
    attachments: (attachmentsByStudy.get(s.id) ?? []).map((a) => ({ id: a.id, title: a.title, kind: a.kind })),
    series: ownSeries,
  };
}

export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
