/**
 * The SHA-256s of the files already in the vault, as one sorted byte array, so a prepare worker
 * (which has no database) can skip files the vault already holds. 32 bytes per file in memory
 * shared by all workers: a vault of a million files costs 32 MB while an import runs.
 */
import type { VaultDatabase } from '../db/database';
import { countStoredFileDigests, storedFileDigests } from '../db/digests';

const DIGEST_LENGTH = 32;

/** Sorted, without duplicates, in a SharedArrayBuffer (workers read it without a copy each). */
export function loadKnownDigests(db: VaultDatabase): Uint8Array {
  const count = countStoredFileDigests(db);
  const out = new Uint8Array(new SharedArrayBuffer(count * DIGEST_LENGTH));
  let at = 0;
  for (const digest of storedFileDigests(db)) {
    out.set(digest, at);
    at += DIGEST_LENGTH;
  }
  return out;
}

/** Binary search over loadKnownDigests' output (SQLite sorts BLOBs bytewise, like Buffer.compare). */
export class KnownDigests {
  private readonly count: number;

  constructor(private readonly sorted: Uint8Array) {
    if (sorted.length % DIGEST_LENGTH !== 0) throw new RangeError('digest list must hold whole 32-byte digests');
    this.count = sorted.length / DIGEST_LENGTH;
  }

  has(sha256: Uint8Array): boolean {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = Buffer.compare(sha256, this.sorted.subarray(mid * DIGEST_LENGTH, (mid + 1) * DIGEST_LENGTH));
      if (order === 0) return true;
      if (order < 0) high = mid - 1;
      else low = mid + 1;
    }
    return false;
  }
}
