/** Every numbered migration upgrades a vault of the version before it, and keeps its data. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRowsSurvived, SEEDS, upgradeFixture } from '../../../test-support/db/schema-fixtures';
import { readUserVersion } from '../migrate';
import { MIGRATIONS } from './index';

const fileName = (version: number, name: string): string => `${String(version).padStart(4, '0')}-${name}`;

describe('numbered migrations', () => {
  it('are files NNNN-name.ts in steps of ten, each listed once and each with its own test file', () => {
    const files = readdirSync(import.meta.dirname);
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe((i + 1) * 10);
      expect(files).toContain(`${fileName(m.version, m.name)}.ts`);
      expect(files).toContain(`${fileName(m.version, m.name)}.test.ts`);
    });
    const migrationFiles = files.filter((f) => /^\d{4}-.+(?<!\.test)\.ts$/.test(f)).map((f) => path.basename(f, '.ts'));
    expect(migrationFiles.sort()).toEqual(MIGRATIONS.map((m) => fileName(m.version, m.name)));
  });

  it('each has representative rows for the test fixture of the next one', () => {
    expect(Object.keys(SEEDS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it.each(MIGRATIONS.map((m) => [m.version, m.name] as const))('%i (%s) upgrades a fixture of the version before and keeps every row', (version) => {
    const { db, before } = upgradeFixture(version);
    expect(readUserVersion(db)).toBe(version);
    expectRowsSurvived(db, before);
  });
});

describe('the migration fixture harness', () => {
  it('catches a migration that loses rows or columns', () => {
    const lossy = (sql: string) => [...MIGRATIONS, { version: MIGRATIONS.at(-1)!.version + 10, name: 'lossy', up: (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => db.exec(sql) }];
    const rows = lossy('DELETE FROM settings');
    const a = upgradeFixture(rows.at(-1)!.version, rows);
    expect(() => expectRowsSurvived(a.db, a.before)).toThrow(/rows of settings/);
    expect(() => expectRowsSurvived(a.db, a.before, ['settings'])).not.toThrow();
    const columns = lossy('ALTER TABLE series DROP COLUMN body_part');
    const b = upgradeFixture(columns.at(-1)!.version, columns);
    expect(() => expectRowsSurvived(b.db, b.before)).toThrow(/columns of series/);
  });
});
