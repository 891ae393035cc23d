import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveDatabaseKey } from '../crypto/subkeys';
import { createVault } from '../vault/vault';
import { unlockWithPassphrase } from '../vault/unlock';
import { readVaultHeader } from '../vault/vault-header';
import { TEST_KDF_COST, TEST_KDF_POLICY, makeTempDir } from '../../test-support/vault/vault-helpers';
import { PAGE_SIZE, sweepDatabasePages } from './page-sweep';
import { WAL_FRAME_HEADER, WAL_HEADER } from './wal-frames';

const PASS = 'correct horse battery staple';
const cleanups: (() => void)[] = [];
afterEach(() => { for (const c of cleanups.splice(0)) c(); });

/** A live vault with several committed transactions still in its WAL, copied aside with its key. */
async function vaultWithWal(): Promise<{ dbCopy: string; walCopy: string; key: ReturnType<typeof deriveDatabaseKey> }> {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const dir = path.join(tmp.dir, 'vault');
  const { vault } = await createVault({ dir, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY, kdfParams: TEST_KDF_COST });
  cleanups.unshift(() => vault.close());
  for (let i = 0; i < 6; i++) await vault.events.append('edit', { step: i });
  const db = path.join(dir, 'vault.db');
  const dbCopy = path.join(tmp.dir, 'copy.db');
  const walCopy = `${dbCopy}-wal`;
  copyFileSync(db, dbCopy);
  copyFileSync(`${db}-wal`, walCopy);
  const master = await unlockWithPassphrase(readVaultHeader(dir), PASS, TEST_KDF_POLICY);
  return { dbCopy, walCopy, key: deriveDatabaseKey(master, vault.vaultId) };
}

const frameCount = (wal: string): number => Math.floor((statSync(wal).size - WAL_HEADER) / (WAL_FRAME_HEADER + PAGE_SIZE));
const flipInFrame = (wal: string, index: number): void => {
  const bytes = readFileSync(wal);
  bytes[WAL_HEADER + (index - 1) * (WAL_FRAME_HEADER + PAGE_SIZE) + WAL_FRAME_HEADER + 500]! ^= 0x10;
  writeFileSync(wal, bytes);
};

describe('the page sweep over vault.db and its WAL', () => {
  it('checks every page and every replayable WAL frame of a healthy live vault', async () => {
    const { dbCopy, walCopy, key } = await vaultWithWal();
    const frames = frameCount(walCopy);
    expect(frames).toBeGreaterThan(3);
    const r = sweepDatabasePages(dbCopy, walCopy, key);
    expect(r).toEqual({ pagesChecked: statSync(dbCopy).size / PAGE_SIZE + frames, badPages: [], badWalFrames: [], truncated: false });
  });

  it('reports a damaged WAL frame that SQLite would silently drop with every later change', async () => {
    const { dbCopy, walCopy, key } = await vaultWithWal();
    flipInFrame(walCopy, 2);
    expect(sweepDatabasePages(dbCopy, walCopy, key).badWalFrames).toEqual([2]);
  });

  it('does not call a torn last frame (a crash mid-write) damage', async () => {
    const { dbCopy, walCopy, key } = await vaultWithWal();
    flipInFrame(walCopy, frameCount(walCopy));
    expect(sweepDatabasePages(dbCopy, walCopy, key).badWalFrames).toEqual([]);
  });

  it('reports a database file cut short', async () => {
    const { dbCopy, key } = await vaultWithWal();
    const bytes = readFileSync(dbCopy);
    writeFileSync(dbCopy, bytes.subarray(0, bytes.length - 100));
    expect(sweepDatabasePages(dbCopy, null, key).truncated).toBe(true);
  });
});
