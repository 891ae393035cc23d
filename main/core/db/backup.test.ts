import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/vault/vault-helpers';
import { dangerousAsKey, type DatabaseKey } from '../crypto/secret-keys';
import { openEncryptedDatabase } from './database';
import { snapshotInto } from './backup';

const cleanups: (() => void)[] = [];
afterEach(() => { for (const c of cleanups.splice(0)) c(); });

/** The trap from issue #10: a "backup" of an encrypted database must not be a plaintext copy. */
describe('the database snapshot for backups', () => {
  function keyedDatabase(): { dir: string; db: ReturnType<typeof openEncryptedDatabase>; key: DatabaseKey } {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const key = dangerousAsKey<DatabaseKey>(Buffer.alloc(32, 7));
    const db = openEncryptedDatabase(path.join(tmp.dir, 'vault.db'), key, { create: true });
    cleanups.unshift(() => db.close());
    db.exec("CREATE TABLE blobs(id TEXT PRIMARY KEY); CREATE TABLE notes(x TEXT); INSERT INTO blobs VALUES ('b1'), ('a0'); INSERT INTO notes VALUES ('DOE^JANE PLAINTEXT MARKER')");
    return { dir: tmp.dir, db, key };
  }

  it('VACUUM INTO writes a SQLCipher copy under the same key: no plaintext, opens only with the key', () => {
    const { dir, db, key } = keyedDatabase();
    const copy = path.join(dir, 'snapshot.db');
    expect(snapshotInto(db, copy)).toEqual(['a0', 'b1']);
    const bytes = readFileSync(copy);
    expect(bytes.includes('DOE^JANE')).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);
    const reopened = openEncryptedDatabase(copy, key, { create: false });
    expect(reopened.prepare('SELECT x FROM notes').pluck().get()).toBe('DOE^JANE PLAINTEXT MARKER');
    reopened.close();
    expect(() => openEncryptedDatabase(copy, dangerousAsKey<DatabaseKey>(Buffer.alloc(32, 8)), { create: false })).toThrow();
    const plain = new Database(copy);
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    plain.close();
  });

  it('the online backup API is refused by SQLite3MultipleCiphers (its destination would be unkeyed)', async () => {
    const { dir, db } = keyedDatabase();
    const target = path.join(dir, 'online.db');
    await expect(db.backup(target)).rejects.toThrow(/incompatible/);
    expect(existsSync(target) ? readFileSync(target).includes('DOE^JANE') : false).toBe(false);
  });
});
