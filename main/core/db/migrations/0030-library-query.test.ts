import { describe, expect, it } from 'vitest';
import { databaseAtVersion, expectRowsSurvived, upgradeFixture } from '../../../test-support/db/schema-fixtures';

const NOW = '2026-01-01T00:00:00.000Z';

describe('migration 0030 library-query', () => {
  it('links existing studies to the imports that brought their pictures, and keeps every row', () => {
    const { db, before } = upgradeFixture(30);
    expectRowsSurvived(db, before);
    expect(db.prepare('SELECT study_id, batch_id FROM study_batches').raw().all()).toEqual([[1, 1]]);
  });

  it('keeps the links up to date as import rows are written (and ignores rows without a picture)', () => {
    const db = databaseAtVersion(30); // seed 30 added a second import that saw picture 1 again
    expect(db.prepare('SELECT study_id, batch_id FROM study_batches ORDER BY batch_id').raw().all()).toEqual([[1, 1], [1, 2]]);
    db.prepare("INSERT INTO import_batches (id, source_label, source_kind, started_at, status) VALUES (3, 'Zip', 'zip', ?, 'done')").run(NOW);
    db.prepare("INSERT INTO import_files (batch_id, relative_path, outcome, reason, created_at) VALUES (3, 'bad', 'failed', 'x', ?)").run(NOW);
    expect(db.prepare('SELECT count(*) FROM study_batches WHERE batch_id = 3').pluck().get()).toBe(0);
  });

  it('filters by modality and sorts by date through indexes', () => {
    const db = databaseAtVersion(30);
    const detail = (sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(detail("SELECT study_id FROM series WHERE modality = 'CT'")).toContain('series_modality');
    expect(detail('SELECT id FROM studies ORDER BY study_date DESC, id DESC LIMIT 50')).toContain('studies_date');
    expect(detail('SELECT study_id FROM study_batches WHERE batch_id = 1')).toContain('study_batches_batch_id');
  });
});
