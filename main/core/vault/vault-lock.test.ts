import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireVaultLock } from './vault-lock';
import { bootId, processStart } from './process-identity';
import { makeTempDir } from '../../test-support/vault/vault-helpers';

let cleanup = (): void => undefined;
afterEach(() => cleanup());

function tempVaultDir(): string {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  return temp.dir;
}

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('vault lock', () => {
  it('writes our pid and removes the file on release', () => {
    const dir = tempVaultDir();
    const lock = acquireVaultLock(dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'vault.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(path.join(dir, 'vault.lock'))).toBe(false);
  });

  it('refuses a second holder with VAULT_BUSY', () => {
    const dir = tempVaultDir();
    const lock = acquireVaultLock(dir);
    expect(() => acquireVaultLock(dir)).toThrow(expect.objectContaining({ code: 'VAULT_BUSY' }));
    lock.release();
    acquireVaultLock(dir).release();
  });

  it('refuses a lock held by another live process', () => {
    const dir = tempVaultDir();
    writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ pid: process.ppid }));
    expect(() => acquireVaultLock(dir)).toThrow(expect.objectContaining({ code: 'VAULT_BUSY' }));
  });

  it('takes over a stale lock of a dead process, and our own pid when we do not hold it', () => {
    const dir = tempVaultDir();
    writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ pid: deadPid() }));
    acquireVaultLock(dir).release();
    writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ pid: process.pid }));
    const lock = acquireVaultLock(dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'vault.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('treats a fresh unreadable lock as busy (another process may be writing it)', () => {
    const dir = tempVaultDir();
    writeFileSync(path.join(dir, 'vault.lock'), '');
    expect(() => acquireVaultLock(dir)).toThrow(expect.objectContaining({ code: 'VAULT_BUSY' }));
  });

  it('names the live ScanVault that holds the lock and says what to do', async () => {
    const dir = tempVaultDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const pid = other.pid!;
      writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ app: 'scanvault', pid, start: processStart(pid), boot: bootId() }));
      expect(() => acquireVaultLock(dir)).toThrow(expect.objectContaining({
        code: 'VAULT_BUSY',
        message: expect.stringMatching(new RegExp(`process ${pid}\\)\\. Close ScanVault there, then try again\\.$`)) as unknown,
      }));
    } finally {
      other.kill();
    }
  });

  it.skipIf(processStart(process.pid) === null)('takes over a lock whose pid now belongs to an unrelated live process', () => {
    const dir = tempVaultDir();
    // process.ppid is alive, but it started at another time than the lock says: a reused pid.
    const start = String(Number(processStart(process.ppid)) + 12345);
    writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ app: 'scanvault', pid: process.ppid, start, boot: bootId() }));
    const lock = acquireVaultLock(dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'vault.lock'), 'utf8'))).toMatchObject({ pid: process.pid, start: processStart(process.pid) });
    lock.release();
  });

  it.skipIf(bootId() === null)('takes over a lock written before the computer restarted', () => {
    const dir = tempVaultDir();
    writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ pid: process.ppid, start: processStart(process.ppid), boot: 'another-boot' }));
    acquireVaultLock(dir).release();
  });

  it('keeps a lock it cannot tell from a live ScanVault, and explains the way out', () => {
    const dir = tempVaultDir();
    writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ pid: process.ppid }));
    expect(() => acquireVaultLock(dir)).toThrow(expect.objectContaining({
      code: 'VAULT_BUSY',
      message: expect.stringContaining('delete the file vault.lock in the vault folder') as unknown,
    }));
  });

  it('replaces a damaged lock file once it is not being written, even with a time in the future', () => {
    const dir = tempVaultDir();
    const file = path.join(dir, 'vault.lock');
    writeFileSync(file, '{"pid": 12');
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(file, minuteAgo, minuteAgo);
    acquireVaultLock(dir).release();
    // A damaged lock stamped a day ahead (clock trouble) must not block forever.
    writeFileSync(file, 'garbage');
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    utimesSync(file, tomorrow, tomorrow);
    const lock = acquireVaultLock(dir);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('a vault.lock that is a folder is not removed; the message says what to do', () => {
    const dir = tempVaultDir();
    const lockDir = path.join(dir, 'vault.lock');
    mkdirSync(lockDir);
    writeFileSync(path.join(lockDir, 'keep.txt'), 'x');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockDir, old, old);
    expect(() => acquireVaultLock(dir)).toThrow(expect.objectContaining({ code: 'VAULT_BUSY', message: expect.stringContaining('delete vault.lock') as unknown }));
    expect(existsSync(path.join(lockDir, 'keep.txt'))).toBe(true);
  });
});
