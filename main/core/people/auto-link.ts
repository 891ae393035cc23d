/**
 * Puts a newly imported DICOM patient record into a person: it joins the one person who already
 * holds a record with the same normalised name and birth date; otherwise it gets a person of its
 * own. When two persons match (the user said earlier that two such records are different people),
 * the new record is not guessed into either: it gets its own person and the user decides.
 * Runs inside the write of the import group that indexes the record.
 */
import type { WritableDB } from '../db/database';
import { createPerson, insertPersonRecord, personsWithMatchKey } from '../db/people';
import { appendEvent } from '../vault/event-log';
import { matchKey } from './match-key';

export interface AutoLinkResult {
  personId: number;
  /** True when the record joined a person who already had records. */
  joined: boolean;
}

export function linkNewRecord(db: WritableDB, record: { id: number; name: string | null; birthDate: string | null }, now: string): AutoLinkResult {
  const key = matchKey(record.name, record.birthDate);
  const candidates = key === null ? [] : personsWithMatchKey(db, key);
  const existing = candidates.length === 1 ? candidates[0] : undefined;
  const personId = existing ?? createPerson(db, now);
  insertPersonRecord(db, { patientId: record.id, personId, matchKey: key, linkedBy: 'auto', now });
  // Ids only: the history log must not hold names.
  if (existing !== undefined) appendEvent(db, 'people-linked', { how: 'auto', personId, recordIds: [record.id] });
  return { personId, joined: existing !== undefined };
}
