import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireVaultLock } from './vault-lock';
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
});
