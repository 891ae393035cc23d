import { createHash } from 'node:crypto';
import type { VaultDatabase } from './database';

export type EventKind =
  | 'vault-created'
  | 'import'
  | 'edit'
  | 'export'
  | 'share'
  | 'answer-recorded'
  | 'passphrase-changed'
  | 'restore'
  | 'people-linked'
  | 'people-unlinked'
  | 'person-renamed'
  | 'person-profile-updated';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type EventDetails = { readonly [key: string]: JsonValue };

export interface AppendedEvent {
  readonly seq: number;
  readonly at: string;
  readonly hash: Buffer;
}

export interface StoredEvent {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly details: EventDetails;
}

export type ChainVerification =
  | { readonly ok: true; readonly checked: number }
  | { readonly ok: false; readonly checked: number; readonly firstBadSeq: number };

interface EventRow {
  seq: number;
  at: string;
  kind: string;
  details: string;
  prev_hash: Buffer;
  hash: Buffer;
}

export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/**
 * hash = SHA-256(prev_hash || u64be(seq) || field(at) || field(kind) || field(details)),
 * field(s) = u32be(byte length of UTF-8 s) || UTF-8 s. Length prefixes make the
 * encoding unambiguous (no shifting bytes between kind and details).
 */
export function eventHash(prevHash: Buffer, seq: number, at: string, kind: string, details: string): Buffer {
  const hash = createHash('sha256').update(prevHash);
  const seqBytes = Buffer.alloc(8);
  seqBytes.writeBigUInt64BE(BigInt(seq));
  hash.update(seqBytes);
  for (const field of [at, kind, details]) {
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  }
  return hash.digest();
}

/**
 * Append-only, hash-chained audit log of what happened to the vault (imports, shares,
 * passphrase changes...). Each row commits to the previous one, so editing, deleting or
 * reordering rows in the middle is detected by verifyChain. SQL triggers forbid UPDATE
 * and DELETE on `events`. Limit: removing rows at the end leaves a valid shorter chain.
 */
export class EventLog {
  private readonly db: VaultDatabase;
  private readonly now: () => Date;

  constructor(db: VaultDatabase, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  /** Safe inside the caller's transaction (it then becomes a savepoint of it). */
  append(kind: EventKind, details: EventDetails = {}): AppendedEvent {
    const detailsJson = JSON.stringify(details);
    return this.db.transaction((): AppendedEvent => {
      const last = this.db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as
        | Pick<EventRow, 'seq' | 'hash'>
        | undefined;
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const at = this.now().toISOString();
      const hash = eventHash(prevHash, seq, at, kind, detailsJson);
      this.db
        .prepare('INSERT INTO events (seq, at, kind, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
        .run(seq, at, kind, detailsJson, prevHash, hash);
      return { seq, at, hash };
    })();
  }

  /** Checks every row in order: consecutive seq from 1, prev_hash links, recomputed hash. */
  verifyChain(): ChainVerification {
    let expectedPrev = GENESIS_HASH;
    let checked = 0;
    const rows = this.db.prepare('SELECT seq, at, kind, details, prev_hash, hash FROM events ORDER BY seq').iterate();
    for (const row of rows as IterableIterator<EventRow>) {
      const valid =
        row.seq === checked + 1 &&
        row.prev_hash.equals(expectedPrev) &&
        eventHash(row.prev_hash, row.seq, row.at, row.kind, row.details).equals(row.hash);
      if (!valid) {
        return { ok: false, checked, firstBadSeq: row.seq };
      }
      expectedPrev = row.hash;
      checked += 1;
    }
    return { ok: true, checked };
  }

  list(options: { afterSeq?: number; limit?: number } = {}): StoredEvent[] {
    const rows = this.db
      .prepare('SELECT seq, at, kind, details FROM events WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(options.afterSeq ?? 0, options.limit ?? -1) as Pick<EventRow, 'seq' | 'at' | 'kind' | 'details'>[];
    return rows.map((row) => ({ seq: row.seq, at: row.at, kind: row.kind, details: JSON.parse(row.details) as EventDetails }));
  }
}
