import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventLog, GENESIS_HASH, appendEvent, eventHash } from './event-log';
import { WriteScheduler } from '../db/write-scheduler';
import { runMigrations } from '../db/migrate';

let db: SqliteDatabase;
let log: EventLog;

function fixedClock(...isoTimes: string[]): () => Date {
  return () => new Date(isoTimes.shift() ?? '2030-01-01T00:00:00.000Z');
}

beforeEach(() => {
  db = new Database(':memory:');
  runMigrations(db);
  log = new EventLog(new WriteScheduler(db), db, fixedClock('2026-01-02T03:04:05.006Z', '2026-01-02T03:04:06.000Z', '2026-01-02T03:04:07.000Z'));
});

/** Simulates someone editing the database behind the app's back. */
function tamper(sql: string, ...params: unknown[]): void {
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
  db.prepare(sql).run(...params);
}

describe('EventLog', () => {
  it('chains hashes exactly as documented (independent test vectors)', async () => {
    const first = await log.append('vault-created', { formatVersion: 1 });
    const second = await log.append('import', { imported: 3, note: 'é' });
    expect(first).toEqual({ seq: 1, at: '2026-01-02T03:04:05.006Z', hash: expect.any(Buffer) });
    expect(first.hash.toString('hex')).toBe('b726ca4c114fc4d92fba9534e68736111194fb9d5f01acef138c9c7cd542e8df');
    expect(second.hash.toString('hex')).toBe('b429ff57a76bd10cda9bbb7de97b11366cddab160efd3e2a1ca5c4da919d1a59');
    expect(eventHash(GENESIS_HASH, 1, first.at, 'vault-created', '{"formatVersion":1}').equals(first.hash)).toBe(true);
    expect(db.prepare('SELECT prev_hash FROM events WHERE seq = 2').pluck().get()).toEqual(first.hash);
  });

  it('verifies an intact chain and an empty one', async () => {
    expect(log.verifyChain()).toEqual({ ok: true, checked: 0 });
    await log.append('vault-created', {});
    await log.append('share', { recipients: 1 });
    await log.append('export', { files: 2 });
    expect(log.verifyChain()).toEqual({ ok: true, checked: 3 });
  });

  it('pinpoints an edited row', async () => {
    await log.append('vault-created', {});
    await log.append('share', { recipients: 1 });
    await log.append('export', { files: 2 });
    tamper("UPDATE events SET details = '{\"recipients\":0}' WHERE seq = 2");
    expect(log.verifyChain()).toEqual({ ok: false, checked: 1, firstBadSeq: 2 });
  });

  it('detects a deleted row in the middle', async () => {
    await log.append('vault-created', {});
    await log.append('share', { recipients: 1 });
    await log.append('export', { files: 2 });
    tamper('DELETE FROM events WHERE seq = 2');
    expect(log.verifyChain()).toEqual({ ok: false, checked: 1, firstBadSeq: 3 });
  });

  it('detects a row re-inserted with a recomputed hash but a broken link', async () => {
    await log.append('vault-created', {});
    await log.append('share', { recipients: 1 });
    const at = '2026-01-02T03:04:06.000Z';
    tamper('DELETE FROM events WHERE seq = 2');
    const forgedPrev = Buffer.alloc(32, 1);
    db.prepare('INSERT INTO events VALUES (2, ?, ?, ?, ?, ?)').run(at, 'share', '{}', forgedPrev, eventHash(forgedPrev, 2, at, 'share', '{}'));
    expect(log.verifyChain()).toEqual({ ok: false, checked: 1, firstBadSeq: 2 });
  });

  it('appendEvent inside a scheduled write rolls back with that write', async () => {
    await log.append('vault-created', {});
    const writes = new WriteScheduler(db);
    await expect(writes.run((d) => {
      d.prepare("INSERT INTO settings (key, value) VALUES ('a', 'b')").run();
      appendEvent(d, 'import', { imported: 1 });
      throw new Error('import failed');
    })).rejects.toThrow('import failed');
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    await log.append('import', { imported: 2 });
    expect(log.verifyChain()).toEqual({ ok: true, checked: 2 });
  });

  it('refuses to join a transaction someone opened outside the write scheduler', async () => {
    db.exec('BEGIN IMMEDIATE');
    await expect(log.append('import', { imported: 1 })).rejects.toThrow(/outside the write scheduler/);
    db.exec('ROLLBACK');
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });

  it('lists events with parsed details', async () => {
    await log.append('vault-created', { formatVersion: 1 });
    await log.append('answer-recorded', { question: 'q1' });
    expect(log.list({ afterSeq: 1 })).toEqual([
      { seq: 2, at: '2026-01-02T03:04:06.000Z', kind: 'answer-recorded', details: { question: 'q1' } },
    ]);
    expect(log.list({ limit: 1 }).map((e) => e.seq)).toEqual([1]);
  });
});
