/** The library view: patients → studies → series with counts, read from the encrypted index. */
import type { Library, PatientSummary, SeriesSummary, StudySummary } from '../../../shared/domain';
import type { VaultDatabase } from '../db/database';
import { listPatients, listSeries, listStudies, listStudyAttachments, listStudySources, type SeriesListRow, type StudyListRow } from '../db/library';

export function listLibrary(db: VaultDatabase): Library {
  const seriesByStudy = groupBy(listSeries(db), (s) => s.studyId);
  const sourcesByStudy = groupBy(listStudySources(db), (s) => s.studyId);
  const attachmentsByStudy = groupBy(listStudyAttachments(db), (a) => a.studyId);
  const studiesByPatient = groupBy(listStudies(db), (s) => s.patientId);

  return {
    patients: listPatients(db).map((p): PatientSummary => {
      const own = (studiesByPatient.get(p.id) ?? []).map((s) => toStudy(s, seriesByStudy, sourcesByStudy, attachmentsByStudy));
      return { id: p.id, name: p.name, patientId: p.dicomPatientId, birthDate: p.birthDate, sex: p.sex, studyCount: own.length, studies: own };
    }),
  };
}

function toStudy(
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
