import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_KDF_COST, TEST_KDF_POLICY, makeTempDir } from '../../test-support/vault/vault-helpers';
import { createVault, openVault } from './vault';

const PASS = 'correct horse battery staple';
const cleanups: (() => void)[] = [];
afterEach(() => { for (const c of cleanups.splice(0)) c(); });

const mode = (p: string): number => statSync(p).mode & 0o777;

/** Every file and folder below `dir` (dir included) with its permission bits. */
function modes(dir: string): Map<string, { dir: boolean; mode: number }> {
  const out = new Map<string, { dir: boolean; mode: number }>([['.', { dir: true, mode: mode(dir) }]]);
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      out.set(path.relative(dir, full), { dir: e.isDirectory(), mode: mode(full) });
      if (e.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

describe('vault permissions', () => {
  it('creates every vault file 0600 and folder 0700, WAL and SHM included', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const dir = path.join(tmp.dir, 'vault');
    const { vault } = await createVault({ dir, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY, kdfParams: TEST_KDF_COST });
    await vault.blobs.write((async function* () { yield Buffer.from('hello'); })());
    const seen = modes(dir);
    vault.close();
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['vault.db', 'vault.db-wal', 'vault.db-shm', 'vault.json', 'blobs', 'blobs/tmp']));
    expect([...seen.keys()].some((k) => /^blobs\/[0-9a-f]{2}\/[0-9a-f]{32}$/.test(k))).toBe(true);
    for (const [name, entry] of seen) expect({ name, mode: entry.mode.toString(8) }).toEqual({ name, mode: entry.dir ? '700' : '600' });
  });

  it('tightens a vault made with looser modes when it is opened', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const dir = path.join(tmp.dir, 'vault');
    const { vault } = await createVault({ dir, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY, kdfParams: TEST_KDF_COST });
    await vault.blobs.write((async function* () { yield Buffer.from('hello'); })());
    vault.close();
    for (const [name, entry] of modes(dir)) chmodSync(path.join(dir, name), entry.dir ? 0o755 : 0o644);
    writeFileSync(path.join(dir, 'blobs', 'tmp', 'leftover'), 'x', { mode: 0o644 });
    const reopened = await openVault({ dir, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY });
    const seen = modes(dir);
    reopened.close();
    for (const [name, entry] of seen) expect({ name, mode: entry.mode.toString(8) }).toEqual({ name, mode: entry.dir ? '700' : '600' });
  });
});
