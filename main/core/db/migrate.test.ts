import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { readUserVersion, runMigrations } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/migration';

const tables = (db: SqliteDatabase): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('runMigrations', () => {
  it('brings a fresh database to the latest version (50)', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db)).toEqual({ from: 0, to: 50 });
    expect(readUserVersion(db)).toBe(50);
    expect(LATEST_SCHEMA_VERSION).toBe(50);
    expect(MIGRATIONS.map((m) => m.version)).toEqual([10, 20, 30, 40, 50]);
  });

  it('is a no-op on an up-to-date database', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    expect(runMigrations(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });

  it('refuses a database from the future and leaves it untouched', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    expect(() => runMigrations(db)).toThrow(expect.objectContaining({ code: 'VAULT_FROM_FUTURE' }));
    expect(tables(db)).toEqual([]);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION + 10);
  });

  it('runs pending steps in one transaction: a failing step rolls all back', () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      { version: 10, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 20, name: 'b', up: () => { throw new Error('boom'); } },
    ];
    expect(() => runMigrations(db, failing)).toThrow('boom');
    expect(tables(db)).toEqual([]);
    expect(readUserVersion(db)).toBe(0);
  });

  it('applies only the steps after the current version', () => {
    const db = new Database(':memory:');
    const applied: number[] = [];
    const steps: Migration[] = [10, 20, 30].map((version) => ({ version, name: `m${version}`, up: () => applied.push(version) }));
    db.pragma('user_version = 10');
    expect(runMigrations(db, steps)).toEqual({ from: 10, to: 30 });
    expect(applied).toEqual([20, 30]);
  });

  it('rejects migrations out of order', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [20, 10].map((version) => ({ version, name: 'x', up: () => undefined }));
    expect(() => runMigrations(db, steps)).toThrow('increasing');
  });
});
