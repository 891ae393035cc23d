/**
 * The database half of "Check vault": ScanVault's own HMAC sweep of every page, SQLite's
 * integrity and foreign-key checks, a read of every row, and whether index rows and blobs agree.
 * Each check runs on its own, so one damaged page does not hide what the others find.
 */
import type { VerifyReport } from '../../../shared/domain';
import { foreignKeyViolations, integrityCheck, readAllTables, unreferencedBlobRows } from '../db/integrity';
import type { OpenVault } from '../vault/vault';
import type { PageSweepResult } from './page-sweep';

type Problem = VerifyReport['problems'][number];

export async function checkDatabase(vault: OpenVault): Promise<{ pagesChecked: number; problems: Problem[] }> {
  const problems: Problem[] = [];
  let pagesChecked = 0;
  try {
    const sweep = await vault.checkDatabasePages();
    pagesChecked = sweep.pagesChecked;
    const message = describeSweep(sweep);
    if (message) problems.push({ kind: 'database-pages-damaged', message });
  } catch {
    problems.push({ kind: 'database-check-failed', message: 'The vault’s index file (vault.db) could not be read from the disk.' });
  }
  const run = (what: string, check: () => void): void => {
    try {
      check();
    } catch {
      problems.push({ kind: 'database-check-failed', message: `SQLite could not finish ${what}: part of the index is unreadable.` });
    }
  };
  run('its integrity check', () => {
    const lines = integrityCheck(vault.db);
    if (lines.length > 0) problems.push({ kind: 'database-check-failed', message: `SQLite’s integrity check found ${lines.length === 20 ? '20 or more' : lines.length} problem(s) in the index.` });
  });
  run('its check of links between records', () => {
    const tables = foreignKeyViolations(vault.db);
    if (tables.length > 0) problems.push({ kind: 'index-mismatch', message: `Some records point at records that are gone (in: ${tables.join(', ')}).` });
  });
  run('reading every record', () => { readAllTables(vault.db); });
  run('its check that index and stored files agree', () => {
    for (const blobId of unreferencedBlobRows(vault.db)) {
      problems.push({ kind: 'index-mismatch', blobId, message: 'A stored file is listed in the index but belongs to no image or document any more.' });
    }
  });
  return { pagesChecked, problems };
}

function describeSweep(sweep: PageSweepResult): string | null {
  const parts: string[] = [];
  if (sweep.badPages.length > 0) parts.push(`${sweep.badPages.length} of ${sweep.pagesChecked} pages failed their check (page ${listShort(sweep.badPages)})`);
  if (sweep.badWalFrames.length > 0) parts.push(`${sweep.badWalFrames.length} recent change(s) waiting in vault.db-wal are damaged`);
  if (sweep.truncated) parts.push('the file is cut short');
  return parts.length > 0 ? `The vault’s index file (vault.db) is damaged: ${parts.join('; ')}.` : null;
}

function listShort(numbers: number[]): string {
  return numbers.length <= 8 ? numbers.join(', ') : `${numbers.slice(0, 8).join(', ')} and ${numbers.length - 8} more`;
}
