/** The people methods of the development fake (?fake=1), working on the fake library in memory. */
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import type { Library } from '../../../shared/domain';
import { apiError, type Result } from '../../../shared/errors';
import { emptyProfile, PersonProfileInput, type PersonProfile } from '../../../shared/person-profile';

type PeopleMethod = 'listPeople' | 'getPersonProfile' | 'updatePersonProfile' | 'linkRecords' | 'unlinkRecord' | 'renamePerson';
type Handlers = { [M in PeopleMethod & ApiMethod]: (input: ApiInput<M>) => Result<ApiOutput<M>> };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const gone = <T>(): Result<T> => ({ ok: false, error: apiError('NOT_FOUND') });

export function fakePeople(library: () => Library): Handlers {
  const profiles = new Map<number, PersonProfile>();
  let nextPersonId = 100;
  const person = (id: number) => library().people.find((p) => p.id === id);
  const holder = (recordId: number) => library().people.find((p) => p.records.some((r) => r.id === recordId));
  const recount = (p: Library['people'][number]) => { p.studyCount = p.records.reduce((n, r) => n + r.studyCount, 0); };

  return {
    listPeople: () => ok({
      people: library().people.map((p) => ({
        id: p.id, displayName: p.displayName, studyCount: p.studyCount, hasProfile: profiles.has(p.id),
        records: p.records.map((r) => ({ id: r.id, name: r.name, patientId: r.patientId, birthDate: r.birthDate, studyCount: r.studyCount, linkedBy: r.linkedBy })),
      })),
    }),
    getPersonProfile: ({ personId }) => (person(personId) ? ok(profiles.get(personId) ?? emptyProfile(personId)) : gone()),
    updatePersonProfile: ({ personId, profile }) => {
      if (!person(personId)) return gone();
      const parsed = PersonProfileInput.safeParse(profile);
      if (!parsed.success) return { ok: false, error: apiError('BAD_REQUEST', parsed.error.issues[0]?.message) };
      const saved: PersonProfile = { personId, ...parsed.data, updatedAt: new Date().toISOString() };
      profiles.set(personId, saved);
      return ok(saved);
    },
    linkRecords: ({ personId, recordIds }) => {
      const target = person(personId);
      if (!target) return gone();
      let moved = 0;
      for (const id of recordIds) {
        const from = holder(id);
        if (!from || from.id === personId) continue;
        target.records.push(...from.records.filter((r) => r.id === id).map((r) => ({ ...r, linkedBy: 'hand' as const })));
        from.records = from.records.filter((r) => r.id !== id);
        recount(from);
        moved++;
      }
      recount(target);
      library().people = library().people.filter((p) => p.records.length > 0 || profiles.has(p.id) || p.displayName !== null);
      return ok({ personId, moved });
    },
    unlinkRecord: ({ recordId }) => {
      const from = holder(recordId);
      if (!from) return gone();
      if (from.records.length === 1) return { ok: false, error: apiError('BAD_REQUEST', 'This record is already a person of its own, so nothing was changed.') };
      const records = from.records.filter((r) => r.id === recordId).map((r) => ({ ...r, linkedBy: 'hand' as const }));
      from.records = from.records.filter((r) => r.id !== recordId);
      recount(from);
      const created = { id: nextPersonId++, displayName: null, studyCount: 0, records };
      recount(created);
      library().people.push(created);
      return ok({ personId: created.id });
    },
    renamePerson: ({ personId, displayName }) => {
      const p = person(personId);
      if (!p) return gone();
      p.displayName = displayName?.trim() ? displayName.trim() : null;
      return ok({ personId, displayName: p.displayName });
    },
  };
}
