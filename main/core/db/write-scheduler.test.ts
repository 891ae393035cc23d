import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { VaultDatabase, WritableDB } from './database';
import { runMigrations } from './migrate';
import { readSetting, writeSetting } from './settings';
import { WriteScheduler, inSavepoint } from './write-scheduler';

let db: VaultDatabase;
let writes: WriteScheduler;
const settingsCount = (): unknown => db.prepare('SELECT count(*) FROM settings').pluck().get();
const put = (d: WritableDB, value: string): void => writeSetting(d, 'autoLockMinutes', value);

beforeEach(() => {
  db = new Database(':memory:');
  runMigrations(db);
  writes = new WriteScheduler(db, () => new Error('locked'));
});

describe('WriteScheduler', () => {
  it('runs each write inside its own transaction and commits it before resolving', async () => {
    const seen: boolean[] = [];
    await writes.run((d) => { seen.push(d.inTransaction); put(d, '5'); });
    expect(seen).toEqual([true]);
    expect(db.inTransaction).toBe(false);
    expect(readSetting(db, 'autoLockMinutes')).toBe('5');
  });

  it('returns the value of the write function', async () => {
    await expect(writes.run(() => 42)).resolves.toBe(42);
  });

  it('a throwing write rolls back only its own rows', async () => {
    await writes.run((d) => put(d, '1'));
    await expect(writes.run((d) => { put(d, '2'); throw new Error('boom'); })).rejects.toThrow('boom');
    await writes.run((d) => d.prepare("INSERT INTO settings(key, value) VALUES ('other', 'x')").run());
    expect(readSetting(db, 'autoLockMinutes')).toBe('1');
    expect(settingsCount()).toBe(2);
  });

  it('runs one write at a time: a write requested from inside another runs after it, in call order', async () => {
    const order: string[] = [];
    const inner: Promise<void>[] = [];
    await writes.run((d) => {
      order.push('outer start');
      inner.push(writes.run((d2) => { order.push(`inner 1 (own transaction: ${String(d2.inTransaction)})`); }));
      inner.push(writes.run(() => { order.push('inner 2'); }));
      put(d, '7');
      order.push('outer end');
    });
    await Promise.all(inner);
    expect(order).toEqual(['outer start', 'outer end', 'inner 1 (own transaction: true)', 'inner 2']);
  });

  it('a queued write still runs when the write before it failed', async () => {
    let innerRan: Promise<void> | undefined;
    await expect(writes.run(() => {
      innerRan = writes.run((d) => put(d, '3'));
      throw new Error('outer failed');
    })).rejects.toThrow('outer failed');
    await innerRan;
    expect(readSetting(db, 'autoLockMinutes')).toBe('3');
  });

  it('keeps call order for writes started one after another', async () => {
    const results = await Promise.all(['1', '2', '3'].map((v) => writes.run((d) => { put(d, v); return readSetting(d, 'autoLockMinutes'); })));
    expect(results).toEqual(['1', '2', '3']);
    expect(readSetting(db, 'autoLockMinutes')).toBe('3');
  });

  it('refuses an async write function (a transaction must not span an await) and rolls it back', async () => {
    await expect(writes.run(async (d) => { put(d, '9'); await Promise.resolve(); })).rejects.toThrow(/must be synchronous/);
    expect(db.inTransaction).toBe(false);
    expect(readSetting(db, 'autoLockMinutes')).toBeNull();
  });

  it('refuses to join a transaction opened outside it', async () => {
    db.exec('BEGIN IMMEDIATE');
    await expect(writes.run((d) => put(d, '4'))).rejects.toThrow(/outside the write scheduler/);
    db.exec('ROLLBACK');
    expect(readSetting(db, 'autoLockMinutes')).toBeNull();
  });

  it('runAfter awaits its preparation outside any transaction, letting other writes in meanwhile', async () => {
    let release!: () => void;
    const prepared = new Promise<void>((resolve) => { release = resolve; });
    const inTxDuringPrepare: boolean[] = [];
    const group = writes.runAfter(async () => { inTxDuringPrepare.push(db.inTransaction); await prepared; }, (d) => put(d, 'group'));
    await writes.run((d) => d.prepare("INSERT INTO settings(key, value) VALUES ('other', 'meanwhile')").run());
    expect(settingsCount()).toBe(1); // the other write committed while the group waits
    release();
    await group;
    expect(inTxDuringPrepare).toEqual([false]);
    expect(readSetting(db, 'autoLockMinutes')).toBe('group');
  });

  it('runAfter writes nothing when its preparation fails', async () => {
    await expect(writes.runAfter(async () => { throw new Error('flush failed'); }, (d) => put(d, 'x'))).rejects.toThrow('flush failed');
    expect(settingsCount()).toBe(0);
  });

  it('rejects every write once closed, with the error the owner chose', async () => {
    writes.close();
    await expect(writes.run((d) => put(d, '1'))).rejects.toThrow('locked');
  });

  it('write functions accept only the handle a scheduled write hands out (a compile-time check)', () => {
    // @ts-expect-error -- the plain connection (what vault.db returns) is not a WritableDB
    writeSetting(db, 'autoLockMinutes', '1');
    expect(readSetting(db, 'autoLockMinutes')).toBe('1'); // at run time it is the same connection
  });

  it('inSavepoint undoes only the failing part of a write', async () => {
    await writes.run((d) => {
      put(d, 'kept');
      expect(() => inSavepoint(d, (s) => { s.prepare("INSERT INTO settings(key, value) VALUES ('part', 'x')").run(); throw new Error('part failed'); })).toThrow('part failed');
    });
    expect(readSetting(db, 'autoLockMinutes')).toBe('kept');
    expect(settingsCount()).toBe(1);
    expect(() => inSavepoint(db as WritableDB, () => undefined)).toThrow(/only inside a scheduled write/);
  });
});
