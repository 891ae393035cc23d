import { describe, expect, it } from 'vitest';
import { databaseAtVersion, expectRowsSurvived, upgradeFixture } from '../../../test-support/db/schema-fixtures';

const NOW = '2026-01-01T00:00:00.000Z';

describe('migration 0050 shares', () => {
  it('adds the share tables (STRICT) and keeps every row', () => {
    const { db, before } = upgradeFixture(50);
    expectRowsSurvived(db, before);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 AND name LIKE 'share%' ORDER BY name").pluck().all();
    expect(strict).toEqual(['share_documents', 'share_items', 'share_persons', 'share_signing_key', 'shares']);
  });

  it('checks dates, hashes, secrets, one signing key, and that an export has its package hash', () => {
    const db = databaseAtVersion(50);
    const share = db.prepare(`INSERT INTO shares (share_date, recipient_name, purpose, method, outside, identified, options, package_sha256, secret, created_at)
      VALUES (?, 'Dr X', 'p', 'm', ?, ?, '[]', ?, ?, ?)`);
    expect(() => share.run('02/01/2026', 0, 0, 'a'.repeat(64), null, NOW)).toThrow(/CHECK/);
    expect(() => share.run('2026-01-02', 0, 0, null, null, NOW)).toThrow(/CHECK/); // an export without its hash
    expect(() => share.run('2026-01-02', 0, 0, 'A'.repeat(64), null, NOW)).toThrow(/CHECK/); // not lower-case hex
    expect(() => share.run('2026-01-02', 0, 0, 'a'.repeat(64), Buffer.alloc(16), NOW)).toThrow(/CHECK/); // short secret
    expect(() => share.run('2026-01-02', 0, 1, 'a'.repeat(64), Buffer.alloc(32), NOW)).toThrow(/CHECK/); // identified with a secret
    share.run('2026-01-02', 1, 0, null, null, NOW); // an outside share has no package
    expect(() => db.prepare("INSERT INTO share_signing_key (id, private_key, public_key, created_at) VALUES (2, x'00', zeroblob(32), ?)").run(NOW)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO share_items (share_id, level, uid) VALUES (1, 'frame', '1')").run()).toThrow(/CHECK/);
  });
});
