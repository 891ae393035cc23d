import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { isCode } from './atomic-file';
import { VaultError } from './errors';
import { lockPath } from './layout';

/** Lock files this process holds, so a lock with our own pid is told apart from a stale one. */
const heldByThisProcess = new Set<string>();

export interface VaultLock {
  release(): void;
}

/**
 * Advisory lock: `vault.lock` holds the owner's pid. Two processes writing one SQLite
 * database and blob folder at once would be safe for SQLite but not for orphan sweeps
 * and passphrase changes, so the second opener gets VAULT_BUSY. A lock whose pid is
 * no longer running (crash, power loss) is stale and taken over.
 *
 * Limits: pids are per machine, so a vault on a network share opened from two
 * machines is not protected; a pid reused by an unrelated process keeps a stale lock
 * until that process exits (the user can then delete vault.lock).
 */
export function acquireVaultLock(dir: string): VaultLock {
  const file = lockPath(dir);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreateLock(file)) {
      heldByThisProcess.add(file);
      return { release: () => releaseLock(file) };
    }
    const owner = readLockOwner(file);
    if (owner === undefined ? isFreshFile(file) : isLockOwnerAlive(owner, file)) {
      throw new VaultError('VAULT_BUSY');
    }
    // Stale: remove only if it still names the same dead owner (narrows the take-over race).
    if (readLockOwner(file) === owner) {
      rmSync(file, { force: true });
    }
  }
  throw new VaultError('VAULT_BUSY');
}

function tryCreateLock(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if (isCode(error, 'EEXIST')) {
      return false;
    }
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLockOwner(file: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const pid = (parsed as { pid?: unknown } | null)?.pid;
    return typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // unreadable, or another process is still writing it
  }
}

/** A lock without a readable pid is only stale once it is old enough not to be mid-write. */
function isFreshFile(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 10_000;
  } catch {
    return false;
  }
}

function isLockOwnerAlive(pid: number, file: string): boolean {
  if (pid === process.pid) {
    return heldByThisProcess.has(file);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isCode(error, 'ESRCH');
  }
}

function releaseLock(file: string): void {
  if (heldByThisProcess.delete(file)) {
    rmSync(file, { force: true });
  }
}
