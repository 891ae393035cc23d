/**
 * The people methods of the contract: list persons with their records, link and unlink records
 * by hand, rename a person, read and replace their profile. Every change is one transaction with
 * one history entry that holds ids and counts only (never names or profile values).
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import { emptyProfile, type PersonProfile } from '../../../shared/person-profile';
import { CoreError } from '../core-error';
import {
  createPerson, deletePersonIfEmpty, deleteProfile, listPersonRecords, listPersons, moveRecord, personExists, personOfRecord,
  readProfile, recordCount, setDisplayName, writeProfile,
} from '../db/people';
import type { OpenVault } from '../vault/vault';
import { sortByName } from './sort-by-name';
import { runWrite } from './write';
import { appendEvent } from '../vault/event-log';

const PERSON_GONE = 'That person is no longer in the vault. Go back to the library and try again.';
const RECORD_GONE = 'That record is no longer in the vault. Go back to the library and try again.';
const ALREADY_ALONE = 'This record is already a person of its own, so nothing was changed.';

const nowIso = (): string => new Date().toISOString();

export function listPeople(vault: OpenVault): ApiOutput<'listPeople'> {
  const byPerson = new Map<number, ApiOutput<'listPeople'>['people'][number]['records']>();
  for (const r of listPersonRecords(vault.db)) {
    const list = byPerson.get(r.personId) ?? [];
    list.push({ id: r.patientId, name: r.name, patientId: r.dicomPatientId, birthDate: r.birthDate, studyCount: r.studyCount, linkedBy: r.linkedBy });
    byPerson.set(r.personId, list);
  }
  const people = listPersons(vault.db).map((p) => {
    const own = byPerson.get(p.id) ?? [];
    return { id: p.id, displayName: p.displayName, hasProfile: p.hasProfile, studyCount: own.reduce((n, r) => n + r.studyCount, 0), records: own };
  });
  return { people: sortByName(people, (p) => p.displayName ?? p.records[0]?.name ?? null) };
}

export function getPersonProfile(vault: OpenVault, input: ApiParsedInput<'getPersonProfile'>): PersonProfile {
  const profile = readProfile(vault.db, input.personId);
  if (!profile) throw new CoreError('NOT_FOUND', PERSON_GONE);
  return profile;
}

export async function updatePersonProfile(vault: OpenVault, input: ApiParsedInput<'updatePersonProfile'>): Promise<PersonProfile> {
  return runWrite(vault, (db) => {
    if (!personExists(db, input.personId)) throw new CoreError('NOT_FOUND', PERSON_GONE);
    const filled = Object.values(input.profile).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0)).length;
    if (filled === 0) deleteProfile(db, input.personId);
    else writeProfile(db, input.personId, input.profile, nowIso());
    // A person kept only for their profile (no records, no name) goes when the profile is cleared.
    const removed = filled === 0 && deletePersonIfEmpty(db, input.personId);
    appendEvent(db, 'person-profile-updated', { personId: input.personId, fieldsFilled: filled, personRemoved: removed });
    if (removed) return emptyProfile(input.personId);
    const saved = readProfile(db, input.personId);
    if (!saved) throw new CoreError('NOT_FOUND', PERSON_GONE);
    return saved;
  });
}

export async function linkRecords(vault: OpenVault, input: ApiParsedInput<'linkRecords'>): Promise<ApiOutput<'linkRecords'>> {
  return runWrite(vault, (db) => {
    if (!personExists(db, input.personId)) throw new CoreError('NOT_FOUND', PERSON_GONE);
    const now = nowIso();
    const moved: number[] = [];
    const leftBehind = new Set<number>();
    for (const recordId of new Set(input.recordIds)) {
      const from = personOfRecord(db, recordId);
      if (from === null) throw new CoreError('NOT_FOUND', RECORD_GONE);
      if (from === input.personId) continue;
      moveRecord(db, recordId, input.personId, now);
      moved.push(recordId);
      leftBehind.add(from);
    }
    const removed = [...leftBehind].filter((id) => deletePersonIfEmpty(db, id)).length;
    if (moved.length > 0) {
      appendEvent(db, 'people-linked', { how: 'hand', personId: input.personId, recordIds: moved, personsRemoved: removed });
    }
    return { personId: input.personId, moved: moved.length };
  });
}

export async function unlinkRecord(vault: OpenVault, input: ApiParsedInput<'unlinkRecord'>): Promise<ApiOutput<'unlinkRecord'>> {
  return runWrite(vault, (db) => {
    const from = personOfRecord(db, input.recordId);
    if (from === null) throw new CoreError('NOT_FOUND', RECORD_GONE);
    if (recordCount(db, from) === 1) throw new CoreError('BAD_REQUEST', ALREADY_ALONE);
    const now = nowIso();
    const personId = createPerson(db, now);
    // Marked as the user's decision: imports never move records, and a new record that matches
    // both persons is not guessed into either (see auto-link.ts).
    moveRecord(db, input.recordId, personId, now);
    appendEvent(db, 'people-unlinked', { recordId: input.recordId, fromPersonId: from, personId });
    return { personId };
  });
}

export async function renamePerson(vault: OpenVault, input: ApiParsedInput<'renamePerson'>): Promise<ApiOutput<'renamePerson'>> {
  return runWrite(vault, (db) => {
    if (!personExists(db, input.personId)) throw new CoreError('NOT_FOUND', PERSON_GONE);
    setDisplayName(db, input.personId, input.displayName);
    appendEvent(db, 'person-renamed', { personId: input.personId, named: input.displayName !== null });
    return { personId: input.personId, displayName: input.displayName };
  });
}
