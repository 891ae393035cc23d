import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRun, makeSmallVault } from '../../test-support/verify/small-vault';
import { PAGE_SIZE } from './page-sweep';

/**
 * The page-flip sweep from issue #10: one byte flipped in each page of vault.db in turn (restored
 * between), `verify` must say so with exit 4 every time, and other commands must answer with a
 * "damaged" error or succeed, never crash with INTERNAL.
 */
describe('a damaged page anywhere in vault.db', () => {
  let root = '';
  let dbFile = '';
  let original = Buffer.alloc(0);

  beforeAll(async () => {
    const made = await makeSmallVault(3);
    root = made.root;
    dbFile = path.join(made.vault, 'vault.db');
    expect(existsSync(`${dbFile}-wal`)).toBe(false); // closed cleanly: every page is in vault.db
    original = readFileSync(dbFile);
  });
  afterAll(() => { rmSync(root, { recursive: true, force: true }); });

  it('the untouched vault verifies', async () => {
    const r = await cliRun(['--vault', path.dirname(dbFile), '--json', 'verify']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, pagesChecked: original.length / PAGE_SIZE });
  });

  it('every flipped page gives exit 4 from verify and never INTERNAL from list', async () => {
    const pages = original.length / PAGE_SIZE;
    expect(pages).toBeGreaterThan(10);
    const vault = path.dirname(dbFile);
    for (let pgno = 1; pgno <= pages; pgno++) {
      const damaged = Buffer.from(original);
      const at = (pgno - 1) * PAGE_SIZE + 1000; // inside the encrypted area of every page (page 1's salt is bytes 0-15)
      damaged[at] = damaged[at]! ^ 0x01;
      writeFileSync(dbFile, damaged);
      const verify = await cliRun(['--vault', vault, '--json', 'verify']);
      expect({ pgno, code: verify.code }).toEqual({ pgno, code: 4 });
      const report = JSON.parse(verify.stdout) as { ok: boolean; problems: { kind: string }[] };
      expect(report.ok).toBe(false);
      expect(report.problems.some((p) => p.kind === 'database-pages-damaged' || p.kind === 'database-unreadable')).toBe(true);
      const list = await cliRun(['--vault', vault, '--json', 'list']);
      if (list.code !== 0) expect({ pgno, error: (JSON.parse(list.stdout) as { error: { code: string } }).error.code }).toEqual({ pgno, error: expect.stringMatching(/^(VAULT_DAMAGED|DATABASE_DAMAGED)$/) as unknown });
      writeFileSync(dbFile, original);
      for (const leftover of ['-wal', '-shm']) rmSync(`${dbFile}${leftover}`, { force: true });
    }
    const after = await cliRun(['--vault', vault, '--json', 'verify']);
    expect(after.code).toBe(0);
  }, 120_000);
});
