/**
 * The anchor: the event log's head written `<seq>:<sha256 hex>`. Whoever notes it down (a backup,
 * an export manifest, a printed report) can later prove the log still contains that point: the
 * row at `seq` still has that hash and the chain up to the head still verifies, so history before
 * it was neither rewritten nor cut.
 */
import type { VaultDatabase } from '../db/database';
import { eventHashAt, lastEvent } from '../db/events';

export function formatAnchor(seq: number, hash: Buffer): string {
  return `${seq}:${hash.toString('hex')}`;
}

export function parseAnchor(anchor: string): { seq: number; hash: Buffer } | null {
  const m = /^([1-9][0-9]{0,15}):([0-9a-f]{64})$/.exec(anchor);
  if (!m) return null;
  const seq = Number(m[1]);
  return Number.isSafeInteger(seq) ? { seq, hash: Buffer.from(m[2]!, 'hex') } : null;
}

export function currentAnchor(db: VaultDatabase): string | null {
  const head = lastEvent(db);
  return head ? formatAnchor(head.seq, head.hash) : null;
}

/** True when the log holds the anchor's entry with the anchor's hash (callers also verify the chain). */
export function logContains(db: VaultDatabase, anchor: string): boolean {
  const parsed = parseAnchor(anchor);
  if (!parsed) return false;
  const hash = eventHashAt(db, parsed.seq);
  return hash !== null && hash.equals(parsed.hash);
}
