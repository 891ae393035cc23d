/** The library-query methods of the development fake (?fake=1): search, pages and removal over the fake library in memory. */
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import type { LibraryStudy } from '../../../shared/api/library-query';
import type { Library } from '../../../shared/domain';
import { apiError, type Result } from '../../../shared/errors';

type QueryMethod = 'queryStudies' | 'getLibraryFilters' | 'listImports' | 'previewRemoval' | 'removeFromVault';
type Handlers = { [M in QueryMethod & ApiMethod]: (input: ApiInput<M>) => Result<ApiOutput<M>> };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const FINGERPRINT = 'f'.repeat(64);

export function fakeLibraryQuery(library: () => Library): Handlers {
  const all = (): LibraryStudy[] => library().people.flatMap((person) => person.records.flatMap((r) => r.studies.map((s) => ({
    ...s,
    patient: { id: r.id, name: r.name, patientId: r.patientId, birthDate: r.birthDate, sex: r.sex },
    person: { id: person.id, displayName: person.displayName },
  }))));
  const distinct = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => !!v))].sort();
  const preview = (kind: 'study' | 'series' | 'import', id: number) => {
    const study = all().find((s) => (kind === 'study' ? s.id === id : s.series.some((x) => x.id === id)));
    const series = kind === 'series' ? study?.series.filter((x) => x.id === id) ?? [] : study?.series ?? [];
    return {
      target: { kind, id }, studies: kind === 'series' && (study?.series.length ?? 0) > 1 ? 0 : 1, series: series.length,
      pictures: series.reduce((n, x) => n + x.instanceCount, 0), reports: kind === 'series' ? 0 : study?.attachments.length ?? 0,
      bytes: 1_500_000, sources: study?.sources ?? [], keptBecauseElsewhere: 0, records: 0, fingerprint: FINGERPRINT,
    };
  };
  return {
    queryStudies: (q) => {
      const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const found = all().filter((s) => {
        const text = [s.description, s.institution, s.patient.name, ...s.sources, ...s.series.flatMap((x) => [x.description, x.bodyPart, x.modality])].join(' ').toLowerCase();
        return words.every((w) => text.includes(w)) && (!q.modality || s.modalities.includes(q.modality))
          && (!q.facility || s.institution === q.facility) && (!q.personId || s.person?.id === q.personId);
      }).sort((a, b) => (q.sort === 'date-oldest' ? (a.date ?? '').localeCompare(b.date ?? '') : (b.date ?? '').localeCompare(a.date ?? '')));
      const offset = q.offset ?? 0;
      return ok({ total: found.length, offset, studies: found.slice(offset, offset + (q.limit ?? 50)) });
    },
    getLibraryFilters: () => {
      const studies = all();
      return ok({
        studyCount: studies.length, modalities: distinct(studies.flatMap((s) => s.modalities)),
        bodyParts: distinct(studies.flatMap((s) => s.series.map((x) => x.bodyPart))), sources: distinct(studies.flatMap((s) => s.sources)),
        facilities: distinct(studies.map((s) => s.institution)),
        people: library().people.map((p) => ({ id: p.id, displayName: p.displayName, recordName: p.records[0]?.name ?? null })),
      });
    },
    listImports: () => ok({ imports: [{ id: 1, sourceLabel: 'CD from Mercy Hospital', sourceKind: 'cd', receivedDate: '2024-03-20', handedOverBy: null, startedAt: '2024-03-20T10:00:00.000Z', status: 'done', studyCount: all().length, pictureCount: 240, reportCount: 1 }] }),
    previewRemoval: ({ kind, id }) => ok(preview(kind, id)),
    removeFromVault: ({ target }) => {
      const { fingerprint: _f, keptBecauseElsewhere: _k, ...rest } = preview(target.kind, target.id);
      for (const person of library().people) for (const r of person.records) {
        r.studies = r.studies.flatMap((s) => {
          if (target.kind === 'study') return s.id === target.id ? [] : [s];
          const series = s.series.filter((x) => x.id !== target.id);
          return series.length === 0 ? [] : [{ ...s, series, seriesCount: series.length }];
        });
        r.studyCount = r.studies.length;
      }
      return rest.pictures === 0 && rest.studies === 0 ? { ok: false, error: apiError('NOT_FOUND') } : ok({ ...rest, filesLeft: 0 });
    },
  };
}
