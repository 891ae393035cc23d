import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tarMembers } from '../../test-support/backup/backup-helpers';
import { cliRun, makeSmallVault } from '../../test-support/verify/small-vault';

type Failure = { error: { code: string; message: string } };

/**
 * Issue #10: "a backup with one byte flipped anywhere is detected". Each member (and the manifest
 * and its HMAC) with one byte flipped, then a sweep over the whole file: restore refuses with
 * BACKUP_DAMAGED (exit 4), names the damaged member, and leaves no folder behind.
 */
describe('a backup file with one byte flipped', () => {
  let root = '';
  let file = '';
  let original = Buffer.alloc(0);
  let run = 0;
  beforeAll(async () => {
    const made = await makeSmallVault(2);
    root = made.root;
    file = path.join(root, 'b.svbackup');
    expect((await cliRun(['--vault', made.vault, 'backup', '--out', file])).code).toBe(0);
    original = readFileSync(file);
  });
  afterAll(() => { rmSync(root, { recursive: true, force: true }); });

  async function restoreFlipped(at: number): Promise<{ code: number; failure: Failure | null; target: string }> {
    const damaged = Buffer.from(original);
    damaged[at]! ^= 0x04;
    writeFileSync(file, damaged);
    const target = path.join(root, `restore-${run++}`);
    const r = await cliRun(['--vault', target, '--json', 'restore', file]);
    writeFileSync(file, original);
    const parsed = JSON.parse(r.stdout) as Failure | { verifyReport: unknown };
    return { code: r.code, failure: 'error' in parsed ? parsed : null, target };
  }

  it('the intact file restores', async () => {
    const r = await cliRun(['--vault', path.join(root, 'intact'), 'restore', file]);
    expect(r.code).toBe(0);
  });

  it('names the member whose byte was flipped, for every member and the manifest', async () => {
    const members = tarMembers(original);
    expect(members.map((m) => m.name)).toContain('manifest.hmac');
    for (const member of members) {
      const r = await restoreFlipped(member.dataAt + Math.floor(member.size / 2));
      expect({ member: member.name, code: r.code, error: r.failure?.error.code }).toEqual({ member: member.name, code: 4, error: 'BACKUP_DAMAGED' });
      const named = member.name.startsWith('manifest') ? 'manifest.json' : member.name;
      expect(r.failure?.error.message).toContain(`(${named})`);
      expect(existsSync(r.target)).toBe(false);
    }
  });

  it('detects a flip at any offset: headers, padding and the end marker too', async () => {
    const step = 1531; // not a multiple of 512, so every position within a block gets hit somewhere
    for (let at = 0; at < original.length; at += step) {
      const r = await restoreFlipped(at);
      expect({ at, code: r.code, error: r.failure?.error.code }).toEqual({ at, code: r.failure?.error.code === 'NOT_A_BACKUP' ? 1 : 4, error: expect.stringMatching(/^(BACKUP_DAMAGED|NOT_A_BACKUP)$/) as unknown });
      expect(existsSync(r.target)).toBe(false);
    }
    const last = await restoreFlipped(original.length - 1);
    expect(last.failure?.error.code).toBe('BACKUP_DAMAGED');
  }, 120_000);

  it('detects a file cut short', async () => {
    writeFileSync(file, original.subarray(0, original.length - 700));
    const r = await cliRun(['--vault', path.join(root, 'cut'), '--json', 'restore', file]);
    writeFileSync(file, original);
    expect(r.code).toBe(4);
    expect((JSON.parse(r.stdout) as Failure).error.code).toBe('BACKUP_DAMAGED');
  });
});

describe('a backup folder with a damaged member', () => {
  it('names the damaged blob and restores nothing', async () => {
    const { root, vault } = await makeSmallVault(2);
    const dir = path.join(root, 'backups');
    expect((await cliRun(['--vault', vault, 'backup', '--to', dir])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { members: { name: string }[] };
    const blob = manifest.members.find((m) => m.name.startsWith('blobs/'))!.name;
    const bytes = readFileSync(path.join(dir, blob));
    bytes[200]! ^= 1;
    writeFileSync(path.join(dir, blob), bytes);
    const target = path.join(root, 'restored');
    const r = await cliRun(['--vault', target, '--json', 'restore', dir]);
    expect(r.code).toBe(4);
    expect((JSON.parse(r.stdout) as Failure).error.message).toContain(`(${blob})`);
    expect(existsSync(target)).toBe(false);
    // The next backup into the folder notices the damage and copies that blob again from the vault.
    expect((await cliRun(['--vault', vault, 'backup', '--to', dir])).code).toBe(0);
    expect((await cliRun(['--vault', target, 'restore', dir])).code).toBe(0);
    rmSync(root, { recursive: true, force: true });
  });
});
