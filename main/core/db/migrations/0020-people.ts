import { matchKey } from '../../people/match-key';
import type { Migration } from './migration';

/**
 * People above DICOM patient records. A `patients` row is one hospital's record of a person;
 * `person_records` puts each record in exactly one person (its primary key is the record) and
 * keeps the record's match key and whether the user decided the link by hand, so later imports
 * respect that decision. `person_profiles` holds what the user typed about the person.
 */
const SQL = `
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  display_name TEXT CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 200),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE person_records (
  patient_id INTEGER PRIMARY KEY REFERENCES patients(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  match_key TEXT,
  linked_by TEXT NOT NULL CHECK (linked_by IN ('auto', 'hand')),
  linked_at TEXT NOT NULL
) STRICT;
CREATE INDEX person_records_person_id ON person_records(person_id);
CREATE INDEX person_records_match_key ON person_records(match_key) WHERE match_key IS NOT NULL;

CREATE TABLE person_profiles (
  person_id INTEGER PRIMARY KEY REFERENCES persons(id),
  legal_name TEXT,
  former_names TEXT NOT NULL CHECK (json_valid(former_names) AND json_type(former_names) = 'array'),
  birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  address TEXT,
  phone TEXT,
  email TEXT,
  record_numbers TEXT NOT NULL CHECK (json_valid(record_numbers) AND json_type(record_numbers) = 'array'),
  representative_name TEXT,
  representative_relationship TEXT,
  representative_phone TEXT,
  representative_email TEXT,
  notes TEXT,
  updated_at TEXT NOT NULL,
  CHECK (representative_name IS NOT NULL OR (representative_relationship IS NULL AND representative_phone IS NULL AND representative_email IS NULL))
) STRICT;
`;

export const migration0020: Migration = {
  version: 20,
  name: 'people',
  up(db) {
    db.exec(SQL);
    // Every existing record gets a person, grouped by the same rule new imports use.
    const now = new Date().toISOString();
    const patients = db.prepare('SELECT id, name, birth_date FROM patients ORDER BY id').all() as
      { id: number; name: string | null; birth_date: string | null }[];
    const addPerson = db.prepare('INSERT INTO persons (created_at) VALUES (?)');
    const link = db.prepare("INSERT INTO person_records (patient_id, person_id, match_key, linked_by, linked_at) VALUES (?, ?, ?, 'auto', ?)");
    const personByKey = new Map<string, number>();
    for (const p of patients) {
      const key = matchKey(p.name, p.birth_date);
      let personId = key === null ? undefined : personByKey.get(key);
      if (personId === undefined) {
        personId = Number(addPerson.run(now).lastInsertRowid);
        if (key !== null) personByKey.set(key, personId);
      }
      link.run(p.id, personId, key, now);
    }
  },
};
