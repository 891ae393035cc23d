import { describe, expect, it } from 'vitest';
import { databaseAtVersion, expectRowsSurvived, upgradeFixture } from '../../../test-support/db/schema-fixtures';
import { runMigrations } from '../migrate';
import { MIGRATIONS } from './index';

const NOW = '2026-01-01T00:00:00.000Z';

describe('migration 0040 ai-record', () => {
  it('gives every study imported before an exam of its person, and keeps every row', () => {
    const { db, before } = upgradeFixture(40);
    expectRowsSurvived(db, before);
    // Seed 10's study 1 belongs to patient 1, whom migration 0020 put in a person of their own.
    const person = db.prepare('SELECT person_id FROM person_records WHERE patient_id = 1').pluck().get();
    expect(db.prepare("SELECT person_id, study_id, origin FROM ai_exams ORDER BY id").raw().all()).toEqual([[person, 1, 'import']]);
  });

  it('creates an exam for each new study in the same statement, for the study’s person', () => {
    const db = databaseAtVersion(40);
    db.prepare("INSERT INTO studies (id, patient_id, study_uid, created_at) VALUES (2, 2, '1.2.9', ?)").run(NOW);
    expect(db.prepare('SELECT person_id, origin FROM ai_exams WHERE study_id = 2').raw().get()).toEqual([100, 'import']);
    expect(() => db.prepare('UPDATE ai_exams SET study_id = 2 WHERE id = 50').run()).toThrow(/UNIQUE/);
  });

  it('keeps one current answer per question and checks owners, dates and kinds', () => {
    const db = databaseAtVersion(40);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 AND name LIKE 'ai_%' ORDER BY name").pluck().all();
    expect(strict).toEqual(['ai_answers', 'ai_document_passages', 'ai_documents', 'ai_exams', 'ai_follow_ups', 'ai_letters', 'ai_providers']);
    const answer = db.prepare("INSERT INTO ai_answers (exam_id, question_id, value, recorded_at) VALUES (50, ?, ?, ?)");
    expect(() => answer.run('ai-used', '"no"', NOW)).toThrow(/UNIQUE/);
    expect(() => answer.run('cloud-processing', 'not json', NOW)).toThrow(/CHECK/);
    answer.run('cloud-processing', '"no"', NOW);
    expect(() => db.prepare("INSERT INTO ai_follow_ups (exam_id, question_id, due_date, created_at) VALUES (50, 'x', '01/02/2026', ?)").run(NOW)).toThrow(/CHECK/);
    const doc = db.prepare(`INSERT INTO ai_documents (blob_id, exam_id, provider_id, doc_kind, media_type, size, sha256_file, created_at)
      VALUES (?, ?, ?, 'other', 'application/pdf', 1, zeroblob(32), ?)`);
    db.prepare('INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, 1, zeroblob(32), ?)').run('d'.repeat(32), NOW);
    expect(() => doc.run('d'.repeat(32), 50, 1, NOW)).toThrow(/CHECK/); // two owners
    expect(() => doc.run('d'.repeat(32), null, null, NOW)).toThrow(/CHECK/); // none
    expect(() => db.prepare("UPDATE ai_letters SET sent_date = '2026-02-02' WHERE id = 1").run()).toThrow(/CHECK/); // method missing
  });

  it('lets a study go without losing its exam (the link is cleared)', () => {
    const db = databaseAtVersion(40);
    db.prepare("INSERT INTO studies (id, patient_id, study_uid, created_at) VALUES (2, 2, '1.2.9', ?)").run(NOW);
    db.prepare('DELETE FROM studies WHERE id = 2').run();
    expect(db.prepare("SELECT count(*) FROM ai_exams WHERE origin = 'import' AND study_id IS NULL").pluck().get()).toBe(1);
  });

  it('backfills a facility per institution of earlier studies (trimmed, any case) and sets it on their exams', () => {
    const db = databaseAtVersion(30);
    db.prepare("UPDATE studies SET institution = '  Mercy General ' WHERE id = 1").run();
    const study = db.prepare("INSERT INTO studies (id, patient_id, study_uid, institution, created_at) VALUES (?, 2, ?, ?, ?)");
    study.run(2, '1.2.8', 'MERCY GENERAL', NOW);
    study.run(3, '1.2.9', 'Lakeside Clinic', NOW);
    study.run(4, '1.2.10', '   ', NOW);
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= 40));
    expect(db.prepare('SELECT id, kind, name FROM ai_providers ORDER BY id').raw().all()).toEqual([[1, 'facility', 'Mercy General'], [2, 'facility', 'Lakeside Clinic']]);
    expect(db.prepare('SELECT study_id, facility_id FROM ai_exams ORDER BY study_id').raw().all()).toEqual([[1, 1], [2, 1], [3, 2], [4, null]]);
  });

  it('sets a new study’s facility from its institution: an existing one by name, else a new one', () => {
    const db = databaseAtVersion(40); // has facility 1 'Mercy Imaging'
    const study = db.prepare('INSERT INTO studies (id, patient_id, study_uid, institution, created_at) VALUES (?, 2, ?, ?, ?)');
    study.run(2, '1.2.8', ' mercy imaging', NOW);
    study.run(3, '1.2.9', 'North Radiology', NOW);
    study.run(4, '1.2.10', 'north radiology  ', NOW);
    study.run(5, '1.2.11', null, NOW);
    expect(db.prepare('SELECT study_id, facility_id FROM ai_exams WHERE study_id IS NOT NULL ORDER BY study_id').raw().all())
      .toEqual([[2, 1], [3, 2], [4, 2], [5, null], [10, 1]]); // 10: the seed's own study
    expect(db.prepare('SELECT kind, name FROM ai_providers WHERE id = 2').raw().get()).toEqual(['facility', 'North Radiology']);
    // A later file that brings the missing institution fills it in; one the patient set is kept.
    db.prepare("UPDATE studies SET institution = 'Mercy Imaging' WHERE id = 5").run();
    expect(db.prepare('SELECT facility_id FROM ai_exams WHERE study_id = 5').pluck().get()).toBe(1);
    db.prepare('UPDATE ai_exams SET facility_id = 2 WHERE study_id = 2').run();
    db.prepare("UPDATE studies SET institution = 'Elsewhere' WHERE id = 2").run();
    expect(db.prepare('SELECT facility_id FROM ai_exams WHERE study_id = 2').pluck().get()).toBe(2);
  });

  it('never matches an AI company as a facility', () => {
    const db = databaseAtVersion(40);
    db.prepare("INSERT INTO ai_providers (id, kind, name, created_at, updated_at) VALUES (7, 'ai-vendor', 'Acme AI', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO studies (id, patient_id, study_uid, institution, created_at) VALUES (2, 2, '1.2.8', 'ACME AI', ?)").run(NOW);
    const facility = db.prepare('SELECT facility_id FROM ai_exams WHERE study_id = 2').pluck().get();
    expect(facility).not.toBe(7);
    expect(db.prepare('SELECT kind FROM ai_providers WHERE id = ?').pluck().get(facility)).toBe('facility');
  });
});
