/**
 * ScanVault's own check of every SQLCipher 4 page (docs/vault-format.md section 6): the bundled
 * SQLite3MultipleCiphers has no `cipher_integrity_check`, and SQLite reads only the pages a query
 * needs, so a damaged page in a table nobody read (or on the free list) would go unnoticed.
 * Pure over bytes and the database key: it works even when the database cannot be opened.
 */
import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { DatabaseKey } from '../crypto/secret-keys';
import { scanWalFrames, WAL_FRAME_HEADER, WAL_HEADER } from './wal-frames';

export const PAGE_SIZE = 4096;
export const RESERVE = 80;
const IV_LENGTH = 16;
const SALT_LENGTH = 16;

export interface PageSweepResult {
  /** Pages of vault.db (and WAL frames) checked. */
  pagesChecked: number;
  /** 1-based page numbers of vault.db whose HMAC failed. */
  badPages: number[];
  /** WAL frames (1-based frame index) whose page failed its HMAC. */
  badWalFrames: number[];
  /** vault.db is not a whole number of pages, or too short to hold its salt. */
  truncated: boolean;
}

/** HMAC key of SQLCipher 4: PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 rounds, 32 bytes). */
export function pageHmacKey(key: DatabaseKey, salt: Buffer): Buffer {
  const hmacSalt = Buffer.from(salt.map((b) => b ^ 0x3a));
  return pbkdf2Sync(key, hmacSalt, 2, 32, 'sha512');
}

/** True when `page` (one 4096-byte page image) carries a valid HMAC for page number `pgno`. */
export function pageIsIntact(page: Buffer, pgno: number, hmacKey: Buffer): boolean {
  if (page.length !== PAGE_SIZE) return false;
  const start = pgno === 1 ? SALT_LENGTH : 0;
  const ivAt = PAGE_SIZE - RESERVE;
  const mac = createHmac('sha512', hmacKey)
    .update(page.subarray(start, ivAt))
    .update(page.subarray(ivAt, ivAt + IV_LENGTH));
  const pageNumber = Buffer.alloc(4);
  pageNumber.writeUInt32LE(pgno);
  const expected = mac.update(pageNumber).digest();
  return timingSafeEqual(expected, page.subarray(ivAt + IV_LENGTH, PAGE_SIZE));
}

/**
 * Reads vault.db page by page (and its WAL, when `walFile` exists) and checks every HMAC.
 * Synchronous on purpose: the caller runs it while no write can commit (inside a scheduled
 * write), so no checkpoint rewrites pages under it.
 */
export function sweepDatabasePages(dbFile: string, walFile: string | null, key: DatabaseKey): PageSweepResult {
  const result: PageSweepResult = { pagesChecked: 0, badPages: [], badWalFrames: [], truncated: false };
  const fd = openSync(dbFile, 'r');
  let hmacKey: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size < PAGE_SIZE || size % PAGE_SIZE !== 0) result.truncated = true;
    const page = Buffer.alloc(PAGE_SIZE);
    if (readSync(fd, page, 0, PAGE_SIZE, 0) < SALT_LENGTH) return { ...result, truncated: true };
    hmacKey = pageHmacKey(key, page.subarray(0, SALT_LENGTH));
    const pages = Math.floor(size / PAGE_SIZE);
    for (let pgno = 1; pgno <= pages; pgno++) {
      readSync(fd, page, 0, PAGE_SIZE, (pgno - 1) * PAGE_SIZE);
      result.pagesChecked++;
      if (!pageIsIntact(page, pgno, hmacKey)) result.badPages.push(pgno);
    }
  } finally {
    closeSync(fd);
  }
  if (walFile !== null) sweepWal(walFile, hmacKey, result);
  return result;
}

function sweepWal(walFile: string, hmacKey: Buffer, result: PageSweepResult): void {
  let fd: number;
  try {
    fd = openSync(walFile, 'r');
  } catch {
    return; // no WAL: everything is in vault.db
  }
  try {
    const size = fstatSync(fd).size;
    if (size < WAL_HEADER) return;
    const bytes = Buffer.alloc(size);
    readSync(fd, bytes, 0, size, 0);
    const pageOf = (index: number): Buffer => {
      const at = WAL_HEADER + (index - 1) * (WAL_FRAME_HEADER + PAGE_SIZE) + WAL_FRAME_HEADER;
      return bytes.subarray(at, at + PAGE_SIZE);
    };
    const scan = scanWalFrames(bytes, PAGE_SIZE);
    for (const frame of scan.valid) {
      result.pagesChecked++;
      if (!pageIsIntact(pageOf(frame.index), frame.pgno, hmacKey)) result.badWalFrames.push(frame.index);
    }
    // An intact frame after the break proves the break was damage, not a write torn by a crash.
    const firstAfter = scan.afterBreak[0];
    if (firstAfter && scan.afterBreak.slice(1).some((f) => pageIsIntact(pageOf(f.index), f.pgno, hmacKey))) result.badWalFrames.push(firstAfter.index);
  } finally {
    closeSync(fd);
  }
}
