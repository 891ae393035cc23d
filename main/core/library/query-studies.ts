/** The library at scale: one page of matching studies, with just that page's series, sources and reports. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { LibraryStudy } from '../../../shared/api/library-query';
import type { VaultDatabase } from '../db/database';
import { attachmentsOfStudies, countStudies, filterChoices, pageOfStudies, seriesOfStudies, sourcesOfStudies, type StudyFilter } from '../db/library-query';
import { groupBy, toStudy } from './list-library';

/** At most this many words count, so a pasted paragraph cannot build a huge query. */
const MAX_WORDS = 8;

export function toFilter(q: ApiParsedInput<'queryStudies'>): StudyFilter {
  const words = (q.text ?? '').split(/[\s^]+/).filter((w) => w.length > 0).slice(0, MAX_WORDS);
  const dicomDate = (iso: string | undefined): string | undefined => iso?.replaceAll('-', '');
  return {
    words,
    ...(q.from !== undefined ? { from: dicomDate(q.from) } : {}),
    ...(q.to !== undefined ? { to: dicomDate(q.to) } : {}),
    ...(q.modality !== undefined ? { modality: q.modality } : {}),
    ...(q.bodyPart !== undefined ? { bodyPart: q.bodyPart } : {}),
    ...(q.source !== undefined ? { source: q.source } : {}),
    ...(q.facility !== undefined ? { facility: q.facility } : {}),
    ...(q.personId !== undefined ? { personId: q.personId } : {}),
    ...(q.importId !== undefined ? { importId: q.importId } : {}),
  };
}

export function queryStudies(db: VaultDatabase, q: ApiParsedInput<'queryStudies'>): ApiOutput<'queryStudies'> {
  const filter = toFilter(q);
  const total = countStudies(db, filter);
  const rows = q.offset < total ? pageOfStudies(db, filter, q.sort, q.offset, q.limit) : [];
  const ids = rows.map((r) => r.id);
  const series = groupBy(seriesOfStudies(db, ids), (s) => s.studyId);
  const sources = groupBy(sourcesOfStudies(db, ids), (s) => s.studyId);
  const attachments = groupBy(attachmentsOfStudies(db, ids), (a) => a.studyId);
  const studies = rows.map((r): LibraryStudy => ({
    ...toStudy({ id: r.id, patientId: r.patientId, studyUid: r.studyUid, date: r.date, description: r.description, institution: r.institution }, series, sources, attachments),
    patient: { id: r.patientId, name: r.patientName, patientId: r.dicomPatientId, birthDate: r.birthDate, sex: r.sex },
    person: r.personId === null ? null : { id: r.personId, displayName: r.personName },
  }));
  return { total, offset: q.offset, studies };
}

export function libraryFilters(db: VaultDatabase): ApiOutput<'getLibraryFilters'> {
  return filterChoices(db);
}
