/**
 * SQL for people: persons, which person each DICOM patient record belongs to, and profiles.
 * Rows are mapped to domain shapes here; nothing outside db/ casts query rows. Profile values are
 * patient data: never log them or put them in error messages.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { LinkedBy } from '../../../shared/domain';
import { emptyProfile, type PersonProfile, type PersonProfileFields } from '../../../shared/person-profile';

type VaultDatabase = Database;

export interface PersonRow { id: number; displayName: string | null; hasProfile: boolean }
export interface PersonRecordRow {
  patientId: number; personId: number; name: string | null; dicomPatientId: string | null;
  birthDate: string | null; linkedBy: LinkedBy; studyCount: number;
}

export function createPerson(db: VaultDatabase, now: string): number {
  return Number(db.prepare('INSERT INTO persons (created_at) VALUES (?)').run(now).lastInsertRowid);
}

export function personExists(db: VaultDatabase, personId: number): boolean {
  return db.prepare('SELECT 1 FROM persons WHERE id = ?').get(personId) !== undefined;
}

/** Persons that hold a record with this match key (the candidates for an automatic link). */
export function personsWithMatchKey(db: VaultDatabase, key: string): number[] {
  return db.prepare('SELECT DISTINCT person_id FROM person_records WHERE match_key = ? ORDER BY person_id').pluck().all(key)
    .map(Number);
}

export function insertPersonRecord(db: VaultDatabase, r: { patientId: number; personId: number; matchKey: string | null; linkedBy: LinkedBy; now: string }): void {
  db.prepare('INSERT INTO person_records (patient_id, person_id, match_key, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)')
    .run(r.patientId, r.personId, r.matchKey, r.linkedBy, r.now);
}

/** The person a record belongs to, or null when there is no such record. */
export function personOfRecord(db: VaultDatabase, patientId: number): number | null {
  const v: unknown = db.prepare('SELECT person_id FROM person_records WHERE patient_id = ?').pluck().get(patientId);
  return typeof v === 'number' ? v : null;
}

/** Moves a record to another person and marks the link as the user's decision. */
export function moveRecord(db: VaultDatabase, patientId: number, personId: number, now: string): void {
  db.prepare("UPDATE person_records SET person_id = ?, linked_by = 'hand', linked_at = ? WHERE patient_id = ?").run(personId, now, patientId);
  // The exams of the record's studies belong to the study's person, so they move along.
  db.prepare('UPDATE ai_exams SET person_id = ? WHERE study_id IN (SELECT id FROM studies WHERE patient_id = ?)').run(personId, patientId);
}

export function recordCount(db: VaultDatabase, personId: number): number {
  return Number(db.prepare('SELECT count(*) FROM person_records WHERE person_id = ?').pluck().get(personId));
}

/**
 * Removes a person left without records, unless the user entered a profile or a name for them,
 * or they have exams in the AI-use record (typed-in data is never dropped silently). Returns whether it was removed.
 */
export function deletePersonIfEmpty(db: VaultDatabase, personId: number): boolean {
  if (recordCount(db, personId) > 0) return false;
  const r = db.prepare(`DELETE FROM persons WHERE id = ? AND display_name IS NULL
    AND NOT EXISTS (SELECT 1 FROM person_profiles WHERE person_id = persons.id)
    AND NOT EXISTS (SELECT 1 FROM ai_exams WHERE person_id = persons.id)`).run(personId);
  return r.changes === 1;
}

export function setDisplayName(db: VaultDatabase, personId: number, name: string | null): void {
  db.prepare('UPDATE persons SET display_name = ? WHERE id = ?').run(name, personId);
}

interface PersonDbRow { id: number; display_name: string | null; has_profile: number }
export function listPersons(db: VaultDatabase): PersonRow[] {
  const rows = db.prepare(`SELECT p.id, p.display_name, (pp.person_id IS NOT NULL) AS has_profile
    FROM persons p LEFT JOIN person_profiles pp ON pp.person_id = p.id ORDER BY p.id`).all() as PersonDbRow[];
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, hasProfile: r.has_profile === 1 }));
}

/** Person of every record, for grouping the library (one query, no per-person round trips). */
export function personIdsByRecord(db: VaultDatabase): Map<number, { personId: number; linkedBy: LinkedBy }> {
  const rows = db.prepare('SELECT patient_id, person_id, linked_by FROM person_records').all() as
    { patient_id: number; person_id: number; linked_by: LinkedBy }[];
  return new Map(rows.map((r) => [r.patient_id, { personId: r.person_id, linkedBy: r.linked_by }]));
}

interface RecordDbRow {
  patient_id: number; person_id: number; name: string | null; dicom_patient_id: string | null;
  birth_date: string | null; linked_by: LinkedBy; study_count: number;
}
export function listPersonRecords(db: VaultDatabase): PersonRecordRow[] {
  const rows = db.prepare(`SELECT r.patient_id, r.person_id, pa.name, pa.dicom_patient_id, pa.birth_date, r.linked_by,
      (SELECT count(*) FROM studies s WHERE s.patient_id = pa.id) AS study_count
    FROM person_records r JOIN patients pa ON pa.id = r.patient_id ORDER BY pa.name COLLATE NOCASE, pa.id`).all() as RecordDbRow[];
  return rows.map((r) => ({
    patientId: r.patient_id, personId: r.person_id, name: r.name, dicomPatientId: r.dicom_patient_id,
    birthDate: r.birth_date, linkedBy: r.linked_by, studyCount: r.study_count,
  }));
}

interface ProfileDbRow {
  person_id: number; legal_name: string | null; former_names: string; birth_date: string | null; address: string | null;
  phone: string | null; email: string | null; record_numbers: string; representative_name: string | null;
  representative_relationship: string | null; representative_phone: string | null; representative_email: string | null;
  notes: string | null; updated_at: string;
}

function toProfile(r: ProfileDbRow): PersonProfile {
  return {
    personId: r.person_id, legalName: r.legal_name, formerNames: stringArray(r.former_names), birthDate: r.birth_date,
    address: r.address, phone: r.phone, email: r.email, recordNumbers: recordNumbers(r.record_numbers),
    representative: r.representative_name === null ? null : {
      name: r.representative_name, relationship: r.representative_relationship,
      phone: r.representative_phone, email: r.representative_email,
    },
    notes: r.notes, updatedAt: r.updated_at,
  };
}

/** The profile of a person (empty when nothing was entered yet); null when the person does not exist. */
export function readProfile(db: VaultDatabase, personId: number): PersonProfile | null {
  const row = db.prepare('SELECT * FROM person_profiles WHERE person_id = ?').get(personId) as ProfileDbRow | undefined;
  if (row) return toProfile(row);
  return personExists(db, personId) ? emptyProfile(personId) : null;
}

export function writeProfile(db: VaultDatabase, personId: number, p: PersonProfileFields, now: string): void {
  const rep = p.representative;
  db.prepare(`INSERT INTO person_profiles (person_id, legal_name, former_names, birth_date, address, phone, email, record_numbers,
      representative_name, representative_relationship, representative_phone, representative_email, notes, updated_at)
    VALUES (@personId, @legalName, @formerNames, @birthDate, @address, @phone, @email, @recordNumbers,
      @repName, @repRelationship, @repPhone, @repEmail, @notes, @now)
    ON CONFLICT(person_id) DO UPDATE SET legal_name = excluded.legal_name, former_names = excluded.former_names,
      birth_date = excluded.birth_date, address = excluded.address, phone = excluded.phone, email = excluded.email,
      record_numbers = excluded.record_numbers, representative_name = excluded.representative_name,
      representative_relationship = excluded.representative_relationship, representative_phone = excluded.representative_phone,
      representative_email = excluded.representative_email, notes = excluded.notes, updated_at = excluded.updated_at`).run({
    personId, legalName: p.legalName, formerNames: JSON.stringify(p.formerNames), birthDate: p.birthDate,
    address: p.address, phone: p.phone, email: p.email,
    recordNumbers: JSON.stringify(p.recordNumbers.map((r) => ({ facility: r.facility, number: r.number }))),
    repName: rep?.name ?? null, repRelationship: rep?.relationship ?? null, repPhone: rep?.phone ?? null, repEmail: rep?.email ?? null,
    notes: p.notes, now,
  });
}

/** An emptied profile is removed, so "nothing entered" looks the same however it came about. */
export function deleteProfile(db: VaultDatabase, personId: number): void {
  db.prepare('DELETE FROM person_profiles WHERE person_id = ?').run(personId);
}

function stringArray(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function recordNumbers(json: string): { facility: string; number: string }[] {
  const v: unknown = JSON.parse(json);
  if (!Array.isArray(v)) return [];
  return v.flatMap((x: unknown) => {
    if (typeof x !== 'object' || x === null) return [];
    const { facility, number } = x as Record<string, unknown>;
    return typeof facility === 'string' && typeof number === 'string' ? [{ facility, number }] : [];
  });
}
