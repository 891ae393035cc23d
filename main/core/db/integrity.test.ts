import { describe, expect, it } from 'vitest';
import { databaseAtVersion } from '../../test-support/db/schema-fixtures';
import { unreferencedBlobRows } from './integrity';

const NOW = '2026-01-01T00:00:00.000Z';

describe('unreferencedBlobRows', () => {
  it('counts blobs of pictures, imported reports, AI-use record and share documents as referenced, and finds the rest', () => {
    // Seeds: blob a (a picture), b (an imported report), c (a consent form on an answer, seed 40), f (a share's letter, seed 50).
    const db = databaseAtVersion(50);
    expect(unreferencedBlobRows(db)).toEqual([]);
    db.prepare('INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, 1, zeroblob(32), ?)').run('e'.repeat(32), NOW);
    expect(unreferencedBlobRows(db)).toEqual(['e'.repeat(32)]);
    db.prepare(`INSERT INTO ai_documents (blob_id, provider_id, doc_kind, media_type, size, sha256_file, created_at)
      VALUES (?, 1, 'privacy-notice', 'application/pdf', 1, zeroblob(32), ?)`).run('e'.repeat(32), NOW);
    expect(unreferencedBlobRows(db)).toEqual([]);
    db.prepare("DELETE FROM ai_documents WHERE blob_id = ?").run('c'.repeat(32));
    expect(unreferencedBlobRows(db)).toEqual(['c'.repeat(32)]);
    db.prepare('UPDATE shares SET document_id = NULL').run();
    db.prepare('DELETE FROM share_documents').run();
    expect(unreferencedBlobRows(db)).toEqual(['c'.repeat(32), 'f'.repeat(32)]);
  });
});
