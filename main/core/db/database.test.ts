import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseKey } from '../crypto/secret-keys';
import { openEncryptedDatabase } from './database';
import { makeTempDir, snapshotFolder } from '../../test-support/vault/vault-helpers';

let cleanup = (): void => undefined;
afterEach(() => cleanup());

describe('openEncryptedDatabase', () => {
  it('a wrong key -> VAULT_DAMAGED, and no file is created or changed', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const file = path.join(temp.dir, 'vault.db');
    const db = openEncryptedDatabase(file, randomBytes(32) as DatabaseKey, { create: true });
    db.exec("CREATE TABLE t (x TEXT) STRICT; INSERT INTO t VALUES ('hello')");
    db.close();
    const before = snapshotFolder(temp.dir);
    expect(() => openEncryptedDatabase(file, randomBytes(32) as DatabaseKey, { create: false })).toThrow(
      expect.objectContaining({ code: 'VAULT_DAMAGED', cause: { code: 'SQLITE_NOTADB' } }),
    );
    expect(snapshotFolder(temp.dir)).toEqual(before);
  });

  it('never creates a missing database unless asked to', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    expect(() => openEncryptedDatabase(path.join(temp.dir, 'vault.db'), randomBytes(32) as DatabaseKey, { create: false })).toThrow(
      expect.objectContaining({ code: 'VAULT_DAMAGED' }),
    );
    expect(readdirSync(temp.dir)).toEqual([]);
  });
});
