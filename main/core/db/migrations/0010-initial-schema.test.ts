import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { migration0010 } from './0010-initial-schema';

let db: SqliteDatabase;
const sha = (byte: number): Buffer => Buffer.alloc(32, byte);
const NOW = '2026-01-01T00:00:00.000Z';

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0010.up(db);
});

const columns = (table: string): string[] =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

function insertChain(): { patientId: number; seriesId: number } {
  const patientId = Number(db.prepare("INSERT INTO patients (patient_key, name, created_at) VALUES ('k1', 'DOE^JANE', ?)").run(NOW).lastInsertRowid);
  const studyId = Number(db.prepare("INSERT INTO studies (patient_id, study_uid, created_at) VALUES (?, '1.2.3', ?)").run(patientId, NOW).lastInsertRowid);
  const seriesId = Number(db.prepare("INSERT INTO series (study_id, series_uid) VALUES (?, '1.2.3.4')").run(studyId).lastInsertRowid);
  db.prepare("INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, 10, ?, ?)").run('a'.repeat(32), sha(1), NOW);
  return { patientId, seriesId };
}

function insertInstance(seriesId: number, overrides: Record<string, unknown> = {}): void {
  const row = { series_id: seriesId, sop_instance_uid: '1.2.3.4.5', blob_id: 'a'.repeat(32), sha256_file: sha(2), pixel_digest_status: 'pending', created_at: NOW, ...overrides };
  const keys = Object.keys(row);
  db.prepare(`INSERT INTO instances (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(row);
}

describe('migration 0010 initial schema', () => {
  it('creates exactly the contracted tables and columns, all STRICT', () => {
    expect(columns('patients')).toEqual(['id', 'patient_key', 'dicom_patient_id', 'name', 'birth_date', 'sex', 'label', 'created_at']);
    expect(columns('studies')).toEqual(['id', 'patient_id', 'study_uid', 'study_date', 'study_time', 'description', 'accession', 'institution', 'referring_physician', 'created_at']);
    expect(columns('series')).toEqual(['id', 'study_id', 'series_uid', 'modality', 'body_part', 'description', 'series_number']);
    expect(columns('blobs')).toEqual(['id', 'size', 'sha256', 'created_at']);
    expect(columns('instances')).toEqual(['id', 'series_id', 'sop_instance_uid', 'sop_class_uid', 'instance_number', 'rows', 'columns', 'frames', 'transfer_syntax', 'blob_id', 'sha256_file', 'sha256_dataset', 'pixel_digest_status', 'frame_digests', 'conflict_group', 'created_at']);
    expect(columns('import_batches')).toEqual(['id', 'source_label', 'source_kind', 'received_date', 'handed_over_by', 'medium', 'started_at', 'finished_at', 'status']);
    expect(columns('import_files')).toEqual(['id', 'batch_id', 'relative_path', 'size', 'outcome', 'reason', 'transfer_syntax', 'parse_warnings', 'sha256_file', 'instance_id', 'attachment_id', 'created_at']);
    expect(columns('attachments')).toEqual(['id', 'study_id', 'patient_id', 'blob_id', 'kind', 'title', 'sha256_file', 'created_at']);
    expect(columns('events')).toEqual(['seq', 'at', 'kind', 'details', 'prev_hash', 'hash']);
    expect(columns('settings')).toEqual(['key', 'value']);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(strict).toEqual(['attachments', 'blobs', 'events', 'import_batches', 'import_files', 'instances', 'patients', 'series', 'settings', 'studies']);
  });

  it('allows the same SOP instance UID twice (conflicts) but not the same file twice', () => {
    const { seriesId } = insertChain();
    insertInstance(seriesId);
    db.prepare("INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, 10, ?, ?)").run('b'.repeat(32), sha(3), NOW);
    insertInstance(seriesId, { blob_id: 'b'.repeat(32), sha256_file: sha(4), conflict_group: 'g1' });
    expect(db.prepare("SELECT count(*) FROM instances WHERE sop_instance_uid = '1.2.3.4.5'").pluck().get()).toBe(2);
    expect(() => insertInstance(seriesId, { blob_id: 'b'.repeat(32), sha256_file: sha(2) })).toThrow(/UNIQUE/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM instances WHERE sop_instance_uid = ?").all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('instances_sop_instance_uid');
  });

  it('enforces foreign keys, enumerations, digest lengths and strict types', () => {
    const { seriesId } = insertChain();
    expect(() => db.prepare("INSERT INTO studies (patient_id, study_uid, created_at) VALUES (999, 'x', ?)").run(NOW)).toThrow(/FOREIGN KEY/);
    expect(() => insertInstance(seriesId, { pixel_digest_status: 'maybe' })).toThrow(/CHECK/);
    expect(() => insertInstance(seriesId, { sha256_file: Buffer.alloc(31) })).toThrow(/CHECK/);
    expect(() => insertInstance(seriesId, { frame_digests: Buffer.alloc(33) })).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO patients (patient_key, created_at) VALUES (?, ?)").run(Buffer.from('x'), NOW)).toThrow(/cannot store BLOB value in TEXT column/);
    expect(() => db.prepare("INSERT INTO import_batches (source_label, source_kind, started_at, status) VALUES ('x', 'tape', ?, 'running')").run(NOW)).toThrow(/CHECK/);
  });

  it('keeps (batch_id, relative_path) unique in import_files', () => {
    const batchId = Number(db.prepare("INSERT INTO import_batches (source_label, source_kind, medium, started_at, status) VALUES ('CD', 'cd', '{\"volumeLabel\":\"X\"}', ?, 'running')").run(NOW).lastInsertRowid);
    const insert = db.prepare("INSERT INTO import_files (batch_id, relative_path, outcome, parse_warnings, created_at) VALUES (?, 'a/b.dcm', 'skipped', '[]', ?)");
    insert.run(batchId, NOW);
    expect(() => insert.run(batchId, NOW)).toThrow(/UNIQUE/);
  });

  it('forbids UPDATE and DELETE on events', () => {
    db.prepare("INSERT INTO events (seq, at, kind, details, prev_hash, hash) VALUES (1, ?, 'vault-created', '{}', ?, ?)").run(NOW, sha(0), sha(9));
    expect(() => db.prepare("UPDATE events SET kind = 'edit'").run()).toThrow('events are append-only');
    expect(() => db.prepare('DELETE FROM events').run()).toThrow('events are append-only');
    expect(db.prepare('SELECT kind FROM events').pluck().get()).toBe('vault-created');
  });
});
