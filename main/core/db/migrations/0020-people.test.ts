import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { migration0010 } from './0010-initial-schema';
import { migration0020 } from './0020-people';

let db: SqliteDatabase;
const NOW = '2026-01-01T00:00:00.000Z';

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0010.up(db);
});

function patient(key: string, name: string | null, birthDate: string | null): number {
  return Number(db.prepare('INSERT INTO patients (patient_key, name, birth_date, created_at) VALUES (?, ?, ?, ?)').run(key, name, birthDate, NOW).lastInsertRowid);
}

const personOf = (patientId: number): number =>
  db.prepare('SELECT person_id FROM person_records WHERE patient_id = ?').pluck().get(patientId) as number;

describe('migration 0020 people', () => {
  it('gives every existing record a person, grouped by normalised name and birth date', () => {
    const a = patient('k1', 'DOE^JANE', '19800412');
    const b = patient('k2', 'Doe^Jane^^', '19800412'); // another hospital, another ID
    const c = patient('k3', 'DOE^JANE', '19800413'); // another birth date: someone else
    const d = patient('k4', 'DOE^JANE', null); // no birth date: never linked
    const e = patient('k5', null, '19800412');
    migration0020.up(db);
    expect(personOf(a)).toBe(personOf(b));
    expect(new Set([personOf(a), personOf(c), personOf(d), personOf(e)]).size).toBe(4);
    expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(4);
    expect(db.prepare("SELECT count(*) FROM person_records WHERE linked_by = 'auto'").pluck().get()).toBe(5);
    expect(db.prepare('SELECT match_key FROM person_records WHERE patient_id = ?').pluck().get(d)).toBeNull();
  });

  it('creates STRICT tables; a record belongs to exactly one person; profiles are checked', () => {
    migration0020.up(db);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 AND name LIKE 'person%' ORDER BY name").pluck().all();
    expect(strict).toEqual(['person_profiles', 'person_records', 'persons']);
    const p = patient('k1', 'DOE^JANE', '19800412');
    const person = Number(db.prepare('INSERT INTO persons (created_at) VALUES (?)').run(NOW).lastInsertRowid);
    const link = db.prepare("INSERT INTO person_records (patient_id, person_id, linked_by, linked_at) VALUES (?, ?, 'auto', ?)");
    link.run(p, person, NOW);
    expect(() => link.run(p, person, NOW)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => link.run(999, person, NOW)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO person_records (patient_id, person_id, linked_by, linked_at) VALUES (?, ?, 'guess', ?)").run(p, person, NOW)).toThrow(/CHECK/);
    const profile = db.prepare("INSERT INTO person_profiles (person_id, former_names, record_numbers, birth_date, representative_phone, updated_at) VALUES (?, ?, '[]', ?, ?, ?)");
    expect(() => profile.run(person, '{"not":"a list"}', null, null, NOW)).toThrow(/CHECK/);
    expect(() => profile.run(person, '[]', '12/04/1980', null, NOW)).toThrow(/CHECK/);
    expect(() => profile.run(person, '[]', null, '+1 555', NOW)).toThrow(/CHECK/); // a representative needs a name
    profile.run(person, '["Jane Smith"]', '1980-04-12', null, NOW);
  });

  it('finds candidates by match key through its index', () => {
    migration0020.up(db);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT DISTINCT person_id FROM person_records WHERE match_key = ?').all('x') as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toContain('person_records_match_key');
  });
});
