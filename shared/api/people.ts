/** People above DICOM patient records: list, link and unlink records, name, and the profile. */
import { z } from 'zod';
import { LinkedBy } from '../domain';
import { PersonProfile, PersonProfileInput } from '../person-profile';
import { Empty, method } from './method';

const Id = z.number().int().positive();

export const PersonRecord = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  patientId: z.string().nullable(),
  birthDate: z.string().nullable(),
  studyCount: z.number().int(),
  linkedBy: LinkedBy,
});
export const PersonListItem = z.object({
  id: z.number().int(),
  displayName: z.string().nullable(),
  studyCount: z.number().int(),
  hasProfile: z.boolean(),
  records: z.array(PersonRecord),
});
export type PersonListItem = z.infer<typeof PersonListItem>;

export const peopleMethods = {
  /** Every person with their records and study counts (no studies: the library has those). */
  listPeople: method(Empty, z.object({ people: z.array(PersonListItem) }), { needsUnlock: true }),
  getPersonProfile: method(z.object({ personId: Id }).strict(), PersonProfile, { needsUnlock: true }),
  /** Replaces the whole profile (every field is sent; empty means "not given"). */
  updatePersonProfile: method(
    z.object({ personId: Id, profile: PersonProfileInput }).strict(),
    PersonProfile,
    { needsUnlock: true },
  ),
  /** "This is the same person": moves the records (with their studies) into this person. */
  linkRecords: method(
    z.object({ personId: Id, recordIds: z.array(Id).min(1).max(100) }).strict(),
    z.object({ personId: z.number().int(), moved: z.number().int() }),
    { needsUnlock: true },
  ),
  /** "This is someone else": the record becomes a person of its own, and later imports respect that. */
  unlinkRecord: method(
    z.object({ recordId: Id }).strict(),
    z.object({ personId: z.number().int() }),
    { needsUnlock: true },
  ),
  /** The name shown for this person; null goes back to the name on their first record. */
  renamePerson: method(
    z.object({
      personId: Id,
      displayName: z.string().trim().max(200, 'A name can be at most 200 characters long.').transform((s) => (s === '' ? null : s)).nullable(),
    }).strict(),
    z.object({ personId: z.number().int(), displayName: z.string().nullable() }),
    { needsUnlock: true },
  ),
} as const;
