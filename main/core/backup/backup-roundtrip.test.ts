import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobFiles, eventsOf, listOf, tarMembers } from '../../test-support/backup/backup-helpers';
import { makeSeries } from '../../test-support/dicom-fixtures';
import { SMALL_VAULT_PASSPHRASE, cliRun, makeSmallVault } from '../../test-support/verify/small-vault';
import { openEncryptedDatabase } from '../db/database';
import { deriveDatabaseKey } from '../crypto/subkeys';
import { unlockWithPassphrase, unlockWithRecoveryKey } from '../vault/unlock';
import { readVaultHeader } from '../vault/vault-header';

describe('backup --out and restore: a round trip', () => {
  let root = '';
  let vault = '';
  let recoveryKey = '';
  let backupFile = '';
  beforeAll(async () => {
    ({ root, vault, recoveryKey } = await makeSmallVault(3));
    backupFile = path.join(root, 'vault.svbackup');
  });
  afterAll(() => { rmSync(root, { recursive: true, force: true }); });

  it('writes a checked backup file, restores it, and the restored vault equals the original', async () => {
    const made = await cliRun(['--vault', vault, '--json', 'backup', '--out', backupFile]);
    expect(made.code).toBe(0);
    const report = JSON.parse(made.stdout) as { layout: string; blobs: number; anchor: string };
    expect(report).toMatchObject({ layout: 'file', blobs: 3 });
    expect((statSync(backupFile).mode & 0o777).toString(8)).toBe('600');
    const names = tarMembers(readFileSync(backupFile)).map((m) => m.name);
    expect(names.slice(0, 2)).toEqual(['vault.json', 'vault.db']);
    expect(names.slice(-2)).toEqual(['manifest.json', 'manifest.hmac']);
    expect(names.filter((n) => n.startsWith('blobs/'))).toHaveLength(3);

    const restored = path.join(root, 'restored');
    const r = await cliRun(['--vault', restored, '--json', 'restore', backupFile]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ blobs: 3, anchor: report.anchor, verifyReport: { ok: true, blobsChecked: 3, anchorCheck: { anchor: report.anchor, found: true } } });
    expect(await listOf(restored)).toEqual(await listOf(vault));
    expect(blobFiles(restored)).toEqual(blobFiles(vault)); // byte for byte: no blob was re-encrypted
    const seq = Number(report.anchor.split(':')[0]);
    const original = await eventsOf(vault);
    const copy = await eventsOf(restored);
    expect(copy.slice(0, seq)).toEqual(original.slice(0, seq));
    expect(original[seq]?.kind).toBe('backup'); // the backup itself is logged in the original...
    expect(copy[seq]?.kind).toBe('restore'); // ...and the restore in the copy
    const again = await cliRun(['--vault', restored, '--json', 'verify']);
    expect(again.code).toBe(0);
    // The same recovery key opens it: it is the same vault, keys and all.
    expect(() => unlockWithRecoveryKey(readVaultHeader(restored), recoveryKey)).not.toThrow();
  });

  it('holds the database as a SQLCipher file under the vault key: no plaintext, opens only with the key', async () => {
    const bytes = readFileSync(backupFile);
    for (const plain of ['DOE^JANE', 'SQLite format 3', 'CREATE TABLE', 'Test CD']) expect(bytes.includes(plain)).toBe(false);
    const db = tarMembers(bytes).find((m) => m.name === 'vault.db')!;
    const copy = path.join(root, 'snapshot.db');
    writeFileSync(copy, bytes.subarray(db.dataAt, db.dataAt + db.size));
    const header = readVaultHeader(vault);
    const master = await unlockWithPassphrase(header, SMALL_VAULT_PASSPHRASE, { minMemoryKiB: 8, minIterations: 1 });
    const keyed = openEncryptedDatabase(copy, deriveDatabaseKey(master, header.vaultId), { create: false });
    expect(keyed.prepare('SELECT count(*) FROM instances').pluck().get()).toBe(3);
    keyed.close();
    expect(() => openEncryptedDatabase(copy, deriveDatabaseKey(Buffer.alloc(32, 1) as typeof master, header.vaultId), { create: false })).toThrow();
  });

  it('never overwrites an existing backup file', async () => {
    const before = readFileSync(backupFile);
    const r = await cliRun(['--vault', vault, '--json', 'backup', '--out', backupFile]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('TARGET_EXISTS');
    expect(readFileSync(backupFile).equals(before)).toBe(true);
  });

  it('restore refuses a folder that holds a vault, or other files, and changes nothing there', async () => {
    const before = blobFiles(vault);
    const onVault = await cliRun(['--vault', vault, '--json', 'restore', backupFile]);
    expect(onVault.code).toBe(1);
    expect((JSON.parse(onVault.stdout) as { error: { code: string } }).error.code).toBe('VAULT_EXISTS');
    expect(blobFiles(vault)).toEqual(before);
    expect((await cliRun(['--vault', vault, 'verify'])).code).toBe(0);
    const busy = path.join(root, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    const onFiles = await cliRun(['--vault', busy, '--json', 'restore', backupFile]);
    expect((JSON.parse(onFiles.stdout) as { error: { code: string } }).error.code).toBe('FOLDER_NOT_EMPTY');
    expect(readFileSync(path.join(busy, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('restore with the wrong passphrase says so and leaves nothing behind', async () => {
    const target = path.join(root, 'wrong-pass');
    const r = await cliRun(['--vault', target, '--json', 'restore', backupFile], { SCANVAULT_PASSPHRASE: 'not the passphrase' });
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('WRONG_PASSPHRASE');
    expect(existsSync(target)).toBe(false);
  });

  it('restores with the recovery key alone (the passphrase forgotten), and the result keeps both', async () => {
    const target = path.join(root, 'by-recovery-key');
    const wrong = await cliRun(['--vault', target, '--json', 'restore', '--recovery-key', backupFile], { SCANVAULT_RECOVERY_KEY: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' });
    expect(wrong.code).toBe(3);
    expect(existsSync(target)).toBe(false);
    const r = await cliRun(['--vault', target, '--json', 'restore', '--recovery-key', backupFile], { SCANVAULT_RECOVERY_KEY: recoveryKey });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ blobs: 3, verifyReport: { ok: true } });
    expect(await listOf(target)).toEqual(await listOf(vault)); // listOf unlocks with the passphrase
  });
});

describe('backup --to DIR: an incremental backup folder', () => {
  let root = '';
  let vault = '';
  beforeAll(async () => ({ root, vault } = await makeSmallVault(2)));
  afterAll(() => { rmSync(root, { recursive: true, force: true }); });

  it('copies only new blobs each time, and the folder restores to the current vault', async () => {
    const dir = path.join(root, 'backups');
    const first = await cliRun(['--vault', vault, '--json', 'backup', '--to', dir]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ layout: 'folder', blobs: 2, copiedBlobs: 2 });
    const old = [...blobFiles(dir).keys()].map((name) => ({ name, mtime: statSync(path.join(dir, 'blobs', name)).mtimeMs }));
    const more = path.join(root, 'more');
    mkdirSync(more);
    makeSeries(3).forEach((b, i) => writeFileSync(path.join(more, `M${i}`), b));
    expect((await cliRun(['--vault', vault, '--json', 'import', more, '--source', 'Second CD', '--received', '2024-04-01'])).code).toBe(0);
    const second = await cliRun(['--vault', vault, '--json', 'backup', '--to', dir]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ blobs: 5, copiedBlobs: 3 });
    for (const { name, mtime } of old) expect(statSync(path.join(dir, 'blobs', name)).mtimeMs).toBe(mtime); // not copied again
    const third = await cliRun(['--vault', vault, '--json', 'backup', '--to', dir]);
    expect(JSON.parse(third.stdout)).toMatchObject({ blobs: 5, copiedBlobs: 0 });

    const restored = path.join(root, 'restored');
    const r = await cliRun(['--vault', restored, '--json', 'restore', dir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ blobs: 5, verifyReport: { ok: true } });
    expect(await listOf(restored)).toEqual(await listOf(vault));
    expect(blobFiles(restored)).toEqual(blobFiles(vault));
  });

  it('refuses a folder holding other things, and the vault folder itself', async () => {
    const other = path.join(root, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'a.txt'), 'x');
    expect((JSON.parse((await cliRun(['--vault', vault, '--json', 'backup', '--to', other])).stdout) as { error: { code: string } }).error.code).toBe('FOLDER_NOT_EMPTY');
    const inside = await cliRun(['--vault', vault, '--json', 'backup', '--to', path.join(vault, 'inside')]);
    expect((JSON.parse(inside.stdout) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    expect(existsSync(path.join(vault, 'inside'))).toBe(false);
  });
});
