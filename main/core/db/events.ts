/** The `events` table (hash-chained history log); the chain rules live in vault/event-log.ts. */
import type { VaultDatabase, WritableDB } from './database';

export interface EventRow {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  /** JSON text, exactly as hashed. */
  readonly details: string;
  readonly prevHash: Buffer;
  readonly hash: Buffer;
}

interface RawEventRow { seq: number; at: string; kind: string; details: string; prev_hash: Buffer; hash: Buffer }

const toEventRow = (r: RawEventRow): EventRow => ({ seq: r.seq, at: r.at, kind: r.kind, details: r.details, prevHash: r.prev_hash, hash: r.hash });

export function lastEvent(db: VaultDatabase): { seq: number; hash: Buffer } | null {
  return db.prepare<[], { seq: number; hash: Buffer }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() ?? null;
}

export function insertEvent(db: WritableDB, row: EventRow): void {
  db.prepare<[number, string, string, string, Buffer, Buffer]>('INSERT INTO events (seq, at, kind, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
    .run(row.seq, row.at, row.kind, row.details, row.prevHash, row.hash);
}

/** Every row in order, one at a time (the log only grows). */
export function* allEvents(db: VaultDatabase): Generator<EventRow> {
  for (const row of db.prepare<[], RawEventRow>('SELECT seq, at, kind, details, prev_hash, hash FROM events ORDER BY seq').iterate()) {
    yield toEventRow(row);
  }
}

export function eventsAfter(db: VaultDatabase, afterSeq: number, limit: number): EventRow[] {
  return db.prepare<[number, number], RawEventRow>('SELECT seq, at, kind, details, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?')
    .all(afterSeq, limit).map(toEventRow);
}

export function eventHashAt(db: VaultDatabase, seq: number): Buffer | null {
  return db.prepare<[number], Buffer>('SELECT hash FROM events WHERE seq = ?').pluck().get(seq) ?? null;
}
