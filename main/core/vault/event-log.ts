import { createHash } from 'node:crypto';
import type { VaultDatabase, WritableDB } from '../db/database';
import { allEvents, eventsAfter, insertEvent, lastEvent } from '../db/events';
import type { WriteScheduler } from '../db/write-scheduler';

export type EventKind =
  | 'vault-created'
  | 'import'
  | 'edit'
  | 'export'
  | 'share'
  | 'answer-recorded'
  | 'passphrase-changed'
  | 'backup'
  | 'restore'
  | 'people-linked'
  | 'people-unlinked'
  | 'person-renamed'
  | 'person-profile-updated'
  | 'removal'
  | 'ai-exam-created'
  | 'ai-exam-updated'
  | 'ai-exam-linked'
  | 'ai-follow-up-set'
  | 'ai-provider-saved'
  | 'ai-document-attached'
  | 'ai-passages-read'
  | 'ai-letter-saved'
  | 'ai-letter-sent';

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
 * Appends one event inside the caller's write (a WriteScheduler fn), so it commits together with
 * what it describes (the import's last group). Elsewhere use EventLog.append.
 */
export function appendEvent(db: WritableDB, kind: EventKind, details: EventDetails, now: Date = new Date()): AppendedEvent {
  const detailsJson = JSON.stringify(details);
  const last = lastEvent(db);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = now.toISOString();
  const hash = eventHash(prevHash, seq, at, kind, detailsJson);
  insertEvent(db, { seq, at, kind, details: detailsJson, prevHash, hash });
  return { seq, at, hash };
}

/**
 * Append-only, hash-chained audit log of what happened to the vault (imports, shares,
 * passphrase changes...). Each row commits to the previous one, so editing, deleting or
 * reordering rows in the middle is detected by verifyChain. SQL triggers forbid UPDATE
 * and DELETE on `events`. Limit: removing rows at the end leaves a valid shorter chain.
 */
export class EventLog {
  constructor(
    private readonly writes: WriteScheduler,
    private readonly db: VaultDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Its own transaction through the write scheduler: it never joins a running import's. */
  append(kind: EventKind, details: EventDetails = {}): Promise<AppendedEvent> {
    return this.writes.run((db) => appendEvent(db, kind, details, this.now()));
  }

  /** Checks every row in order: consecutive seq from 1, prev_hash links, recomputed hash. */
  verifyChain(): ChainVerification {
    let expectedPrev = GENESIS_HASH;
    let checked = 0;
    for (const row of allEvents(this.db)) {
      const valid =
        row.seq === checked + 1 &&
        row.prevHash.equals(expectedPrev) &&
        eventHash(row.prevHash, row.seq, row.at, row.kind, row.details).equals(row.hash);
      if (!valid) {
        return { ok: false, checked, firstBadSeq: row.seq };
      }
      expectedPrev = row.hash;
      checked += 1;
    }
    return { ok: true, checked };
  }

  list(options: { afterSeq?: number; limit?: number } = {}): StoredEvent[] {
    return eventsAfter(this.db, options.afterSeq ?? 0, options.limit ?? -1)
      .map((row) => ({ seq: row.seq, at: row.at, kind: row.kind, details: JSON.parse(row.details) as EventDetails }));
  }
}
