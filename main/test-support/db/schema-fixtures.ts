// Tests only: vault databases at an older schema version, with representative rows, so every
// migration is tested on data shaped by the version before it.
//
// Adding migration NNNN (version V): add SEEDS[V] below (rows that use what V added), then its test:
//   const { db, before } = upgradeFixture(V);       // a DB at the version before V, upgraded to V
//   expectRowsSurvived(db, before);                  // everything from before is still there
//   ...check what V itself changed...
import Database from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import type { VaultDatabase } from '../../core/db/database';
import { readUserVersion, runMigrations } from '../../core/db/migrate';
import { MIGRATIONS } from '../../core/db/migrations/index';
import type { Migration } from '../../core/db/migrations/migration';

const NOW = '2026-01-01T00:00:00.000Z';
const sha = (byte: number): Buffer => Buffer.alloc(32, byte);

/** Rows for each schema version, written only with the tables and columns that version has. */
export const SEEDS: Readonly<Record<number, (db: VaultDatabase) => void>> = {
  10: (db) => {
    db.prepare("INSERT INTO patients (id, patient_key, dicom_patient_id, name, birth_date, sex, created_at) VALUES (1, 'k1', 'MRN-1', 'DOE^JANE', '19700101', 'F', ?)").run(NOW);
    db.prepare("INSERT INTO studies (id, patient_id, study_uid, study_date, description, created_at) VALUES (1, 1, '1.2.3', '20240101', 'CT chest', ?)").run(NOW);
    db.prepare("INSERT INTO series (id, study_id, series_uid, modality, series_number) VALUES (1, 1, '1.2.3.4', 'CT', 1)").run();
    db.prepare('INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, 10, ?, ?), (?, 20, ?, ?)').run('a'.repeat(32), sha(1), NOW, 'b'.repeat(32), sha(2), NOW);
    db.prepare(`INSERT INTO instances (id, series_id, sop_instance_uid, blob_id, sha256_file, pixel_digest_status, created_at)
      VALUES (1, 1, '1.2.3.4.5', ?, ?, 'pending', ?)`).run('a'.repeat(32), sha(1), NOW);
    db.prepare("INSERT INTO attachments (id, study_id, patient_id, blob_id, kind, title, sha256_file, created_at) VALUES (1, 1, 1, ?, 'pdf', 'Report', ?, ?)").run('b'.repeat(32), sha(2), NOW);
    db.prepare("INSERT INTO import_batches (id, source_label, source_kind, medium, started_at, status) VALUES (1, 'CD', 'cd', '{}', ?, 'done')").run(NOW);
    db.prepare("INSERT INTO import_files (batch_id, relative_path, outcome, instance_id, created_at) VALUES (1, 'IM0', 'imported', 1, ?)").run(NOW);
    // After whatever the vault already logged (a real vault starts with 'vault-created').
    db.prepare("INSERT INTO events (seq, at, kind, details, prev_hash, hash) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM events), ?, 'import', '{}', ?, ?)").run(NOW, sha(0), sha(9));
    db.prepare("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '5')").run();
  },
  20: (db) => {
    db.prepare("INSERT INTO patients (id, patient_key, name, created_at) VALUES (2, 'k2', 'DOE^J', ?)").run(NOW);
    db.prepare("INSERT INTO persons (id, display_name, created_at) VALUES (100, 'Jane', ?)").run(NOW);
    db.prepare("INSERT INTO person_records (patient_id, person_id, match_key, linked_by, linked_at) VALUES (2, 100, NULL, 'hand', ?)").run(NOW);
    // As in a real vault, the record from version 10 has its person too.
    db.prepare("INSERT INTO persons (id, created_at) VALUES (101, ?)").run(NOW);
    db.prepare("INSERT INTO person_records (patient_id, person_id, match_key, linked_by, linked_at) VALUES (1, 101, 'doe jane|19700101', 'auto', ?)").run(NOW);
  },
  30: (db) => {
    // A second import that saw the same picture again: the trigger links it to the study.
    db.prepare("INSERT INTO import_batches (id, source_label, source_kind, started_at, status) VALUES (2, 'USB', 'folder', ?, 'done')").run(NOW);
    db.prepare("INSERT INTO import_files (batch_id, relative_path, outcome, instance_id, created_at) VALUES (2, 'IM0', 'seen-again', 1, ?)").run(NOW);
  },
  40: (db) => {
    // A facility, a planned exam with an answer given twice, a follow-up, a letter and a document.
    db.prepare("INSERT INTO ai_providers (id, kind, name, created_at, updated_at) VALUES (1, 'facility', 'Mercy Imaging', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO ai_exams (id, person_id, origin, planned_date, facility_id, modality, created_at, updated_at) VALUES (50, 100, 'planned', '2026-02-01', 1, 'MR', ?, ?)").run(NOW, NOW);
    db.prepare(`INSERT INTO ai_answers (id, exam_id, question_id, value, recorded_at, superseded_at) VALUES
      (1, 50, 'ai-used', '"unknown"', ?, ?), (2, 50, 'ai-used', '"yes"', ?, NULL)`).run(NOW, NOW, NOW);
    db.prepare("INSERT INTO ai_follow_ups (exam_id, question_id, due_date, created_at) VALUES (50, 'cloud-processing', '2026-03-01', ?)").run(NOW);
    db.prepare("INSERT INTO ai_letters (id, kind, exam_id, recipient_id, draft, created_at, updated_at) VALUES (1, 'ai-inquiry', 50, 1, '{}', ?, ?)").run(NOW, NOW);
    db.prepare('INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, 30, ?, ?)').run('c'.repeat(32), sha(3), NOW);
    db.prepare(`INSERT INTO ai_documents (id, blob_id, exam_id, question_id, doc_kind, media_type, size, sha256_file, created_at)
      VALUES (1, ?, 50, 'ai-used', 'consent-form', 'application/pdf', 30, ?, ?)`).run('c'.repeat(32), sha(3), NOW);
    // A study imported at this version: the trigger gives it an exam at the facility its institution names.
    db.prepare("INSERT INTO studies (id, patient_id, study_uid, institution, created_at) VALUES (10, 2, '1.2.40', 'MERCY IMAGING ', ?)").run(NOW);
  },
  50: (db) => {
    // An exported share of study 1 (with its secret), a follow-up reusing it, and an outside share with a letter.
    db.prepare(`INSERT INTO share_signing_key (id, private_key, public_key, created_at) VALUES (1, ?, ?, ?)`).run(Buffer.alloc(48, 7), Buffer.alloc(32, 8), NOW);
    db.prepare(`INSERT INTO shares (id, share_date, recipient_name, purpose, method, outside, identified, profile, options, burned_in, package_sha256, pseudonym, secret, file_count, anchor, created_at)
      VALUES (1, '2026-01-02', 'Dr Second', 'second opinion', 'ScanVault export (folder)', 0, 0, 'de-identified', '["clean-descriptors"]', 'hold', ?, 'SECOND-OPINION-7F3KQ2', ?, 1, '3:' || ?, ?)`)
      .run('a'.repeat(64), Buffer.alloc(32, 5), 'b'.repeat(64), NOW);
    db.prepare(`INSERT INTO shares (id, share_date, recipient_name, purpose, method, outside, identified, options, package_sha256, pseudonym, secret, follow_up_of, file_count, created_at)
      VALUES (2, '2026-02-02', 'Dr Second', 'follow-up', 'ScanVault export (zip)', 0, 0, '[]', ?, 'SECOND-OPINION-7F3KQ2', ?, 1, 1, ?)`).run('c'.repeat(64), Buffer.alloc(32, 5), NOW);
    db.prepare('INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, 40, ?, ?)').run('f'.repeat(32), sha(4), NOW);
    db.prepare("INSERT INTO share_documents (id, blob_id, media_type, size, sha256_file, created_at) VALUES (1, ?, 'application/pdf', 40, ?, ?)").run('f'.repeat(32), sha(4), NOW);
    db.prepare(`INSERT INTO shares (id, share_date, recipient_name, recipient_org, purpose, method, outside, identified, options, document_id, created_at)
      VALUES (3, '2025-12-01', 'Claims desk', 'Acme Insurance', 'insurance claim', 'CD sent by the hospital', 1, 1, '[]', 1, ?)`).run(NOW);
    db.prepare('INSERT INTO share_persons (share_id, person_id) VALUES (1, 101), (2, 101), (3, 101)').run();
    db.prepare("INSERT INTO share_items (share_id, level, uid, label) VALUES (1, 'study', '1.2.3', 'CT chest, 2024-01-01'), (2, 'series', '1.2.3.4', NULL), (3, 'patient', '101', NULL)").run();
  },
};

/** The version just before `version` in the list (0 before the first). */
export function previousVersion(version: number, migrations: readonly Migration[] = MIGRATIONS): number {
  const index = migrations.findIndex((m) => m.version === version);
  if (index < 0) throw new Error(`no migration with version ${version}`);
  return migrations[index - 1]?.version ?? 0;
}

/** An in-memory database at schema `version`: migrations up to it, then every seed up to it. */
export function databaseAtVersion(version: number, migrations: readonly Migration[] = MIGRATIONS): VaultDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const upTo = migrations.filter((m) => m.version <= version);
  runMigrations(db, upTo);
  for (const m of upTo) SEEDS[m.version]?.(db);
  expect(readUserVersion(db)).toBe(version);
  return db;
}

export type TableSnapshot = Record<string, { columns: string[]; rows: unknown[][] }>;

/** Every user table's columns and rows, in rowid order. */
export function snapshotTables(db: VaultDatabase): TableSnapshot {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  return Object.fromEntries(tables.map((table) => {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all().map((c) => c.name);
    return [table, { columns, rows: db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`).raw().all() as unknown[][] }];
  }));
}

/** A fixture at the version before `version`, upgraded to `version` through runMigrations. */
export function upgradeFixture(version: number, migrations: readonly Migration[] = MIGRATIONS): { db: VaultDatabase; before: TableSnapshot } {
  const db = databaseAtVersion(previousVersion(version, migrations), migrations);
  const before = snapshotTables(db);
  expect(runMigrations(db, migrations.filter((m) => m.version <= version)).to).toBe(version);
  return { db, before };
}

/**
 * Every row of every table from `before` is still there with the same values in the columns it had
 * (new columns may be added). `changed` names tables the migration deliberately rewrites.
 */
export function expectRowsSurvived(db: VaultDatabase, before: TableSnapshot, changed: readonly string[] = []): void {
  const after = snapshotTables(db);
  for (const [table, { columns, rows }] of Object.entries(before)) {
    if (changed.includes(table)) continue;
    expect(after[table], `table ${table} disappeared`).toBeDefined();
    const kept = columns.filter((c) => after[table]!.columns.includes(c));
    expect(kept, `columns of ${table} disappeared`).toEqual(columns);
    const now = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`).raw().all();
    expect(now, `rows of ${table}`).toEqual(rows);
  }
}
