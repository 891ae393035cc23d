import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { isCode } from './atomic-file';
import { VaultError } from './errors';
import { lockPath } from './layout';
import { currentIdentity, ownerState, type ProcessIdentity } from './process-identity';

/** Lock files this process holds, so a lock with our own pid is told apart from a stale one. */
const heldByThisProcess = new Set<string>();

export interface VaultLock {
  release(): void;
}

/** A lock without a readable owner younger than this may still be being written by its owner. */
const MID_WRITE_MS = 10_000;
/** File times a little ahead of our clock are normal (coarse timestamps); far ahead is damage. */
const CLOCK_SLACK_MS = 2_000;

export function busyMessage(pid: number, certain: boolean): string {
  if (certain) {
    return `This vault is open in another ScanVault window or command (process ${pid}). Close ScanVault there, then try again.`;
  }
  return `This vault may be open in another ScanVault window or command (process ${pid}). Close ScanVault there, then try again. `
    + 'If you are sure no ScanVault is running on this computer, delete the file vault.lock in the vault folder and try again; '
    + 'nothing else needs to be deleted.';
}

const OPENING_MESSAGE = 'Another ScanVault window or command is opening this vault right now. Wait a few seconds, then try again.';

/**
 * Advisory lock: `vault.lock` names the owner process (pid, and where the system tells it, the
 * process's start time and the boot id). Two processes writing one SQLite database and blob folder
 * at once would be safe for SQLite but not for orphan sweeps and passphrase changes, so the second
 * opener gets VAULT_BUSY, with the owner's pid and what to do.
 *
 * A lock whose owner has ended (crash, power loss, restart) is stale and taken over, also when its
 * pid was reused by an unrelated process: the start time tells them apart (Linux). A damaged lock
 * file (no readable owner) is taken over once it is clearly not mid-write. Where the system cannot
 * tell a reused pid from the owner, the lock is kept and the message explains how to remove it:
 * two live ScanVaults must never write at once.
 *
 * Limits: pids are per machine, so a vault on a network share opened from two machines is not
 * protected.
 */
export function acquireVaultLock(dir: string): VaultLock {
  const file = lockPath(dir);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreateLock(file)) {
      heldByThisProcess.add(file);
      return { release: () => releaseLock(file) };
    }
    const text = readLockText(file);
    const owner = text === undefined ? undefined : parseOwner(text);
    if (owner === undefined) {
      if (mayBeMidWrite(file)) throw new VaultError('VAULT_BUSY', OPENING_MESSAGE);
    } else {
      const state = stateOf(owner, file);
      if (state !== 'gone') throw new VaultError('VAULT_BUSY', busyMessage(owner.pid, state === 'alive'));
    }
    // Stale: remove only if it is still the same file content (narrows the take-over race).
    if (readLockText(file) === text) {
      removeStaleLock(file);
    }
  }
  throw new VaultError('VAULT_BUSY', OPENING_MESSAGE);
}

const CANNOT_REPLACE_MESSAGE = 'The vault\'s lock file (vault.lock) is damaged and cannot be replaced. '
  + 'If no ScanVault is running on this computer, delete vault.lock in the vault folder and try again; nothing else needs to be deleted.';

function removeStaleLock(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch (error) {
    // E.g. vault.lock is a folder or read-only: never delete more than the one file.
    throw new VaultError('VAULT_BUSY', CANNOT_REPLACE_MESSAGE, { cause: error });
  }
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
    const me = currentIdentity();
    writeSync(fd, JSON.stringify({ app: 'scanvault', pid: me.pid, start: me.start, boot: me.boot, at: new Date().toISOString() }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLockText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The owner named in the lock, or undefined when the file is damaged (or still being written). */
export function parseOwner(text: string): ProcessIdentity | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { pid, start, boot } = parsed as { pid?: unknown; start?: unknown; boot?: unknown };
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return {
    pid,
    start: typeof start === 'string' ? start : null,
    boot: typeof boot === 'string' ? boot : null,
  };
}

/** Only a recently written file can be a lock its owner has not finished writing. */
function mayBeMidWrite(file: string): boolean {
  try {
    const age = Date.now() - statSync(file).mtimeMs;
    return age > -CLOCK_SLACK_MS && age < MID_WRITE_MS;
  } catch {
    return false;
  }
}

function stateOf(owner: ProcessIdentity, file: string): 'alive' | 'gone' | 'unknown-process' {
  if (owner.pid === process.pid) {
    return heldByThisProcess.has(file) ? 'alive' : 'gone';
  }
  return ownerState(owner, pidExists);
}

function pidExists(pid: number): boolean {
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
