import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVault, openVault, openVaultWithRecoveryKey, vaultExists } from './vault';
import type { OpenVault } from './vault';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { TEST_KDF_COST, TEST_KDF_POLICY, makeTempDir, snapshotFolder } from '../../test-support/vault/vault-helpers';

const PASS = 'correct horse battery staple';
let root: string;
let cleanup: () => void;
let dir: string;
const opened: OpenVault[] = [];

beforeEach(() => {
  ({ dir: root, cleanup } = makeTempDir());
  dir = path.join(root, 'vault');
});
afterEach(() => {
  opened.splice(0).forEach((vault) => vault.close());
  cleanup();
});

const track = <T extends OpenVault>(vault: T): T => {
  opened.push(vault);
  return vault;
};
const create = async (passphrase = PASS) => {
  const result = await createVault({ dir, passphrase, kdfPolicy: TEST_KDF_POLICY, kdfParams: TEST_KDF_COST });
  track(result.vault);
  return result;
};
const open = async (passphrase = PASS) => track(await openVault({ dir, passphrase, kdfPolicy: TEST_KDF_POLICY }));
const header = (): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8')) as Record<string, unknown>;

describe('createVault', () => {
  it('creates the documented layout and logs vault-created', async () => {
    const { vault, recoveryKey } = await create();
    expect(vaultExists(dir)).toBe(true);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(readdirSync(dir).sort()).toEqual(['blobs', 'vault.db', 'vault.db-shm', 'vault.db-wal', 'vault.json', 'vault.lock']);
    expect(header()).toMatchObject({ magic: 'ScanVault vault', formatVersion: 1, kdf: { algorithm: 'argon2id', version: 19, memoryKiB: 64, iterations: 1, parallelism: 1 } });
    expect(vault.events.list().map((e) => [e.kind, e.details])).toEqual([
      ['vault-created', { formatVersion: 1, schemaVersion: LATEST_SCHEMA_VERSION, kdf: { memoryKiB: 64, iterations: 1, parallelism: 1 } }],
    ]);
    expect(vault.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(vault.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(vault.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(vault.db.pragma('temp_store', { simple: true })).toBe(2);
    expect(vault.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses an existing vault and a non-empty folder, and leaves them alone', async () => {
    (await create()).vault.close();
    await expect(create()).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
    const other = path.join(root, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'holiday.jpg'), 'x');
    await expect(createVault({ dir: other, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY, kdfParams: TEST_KDF_COST })).rejects.toMatchObject({ code: 'FOLDER_NOT_EMPTY' });
    expect(readdirSync(other)).toEqual(['holiday.jpg']);
  });

  it('accepts an empty existing folder (and OS clutter like .DS_Store)', async () => {
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.DS_Store'), '');
    const { vault } = await create();
    expect(vault.isOpen).toBe(true);
  });

  it('refuses KDF parameters below the policy (production policy by default)', async () => {
    await expect(createVault({ dir, passphrase: PASS, kdfParams: TEST_KDF_COST })).rejects.toMatchObject({ code: 'WEAK_KDF' });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('openVault', () => {
  it('reopens with the passphrase and keeps data', async () => {
    const { vault } = await create();
    vault.db.prepare("INSERT INTO settings (key, value) VALUES ('theme', 'dark')").run();
    vault.close();
    const again = await open();
    expect(again.db.prepare("SELECT value FROM settings WHERE key = 'theme'").pluck().get()).toBe('dark');
    expect(again.events.verifyChain()).toEqual({ ok: true, checked: 1 });
  });

  it('wrong passphrase -> WRONG_PASSPHRASE and no file in the folder changes', async () => {
    const { vault } = await create();
    await vault.blobs.write(Buffer.from('scan'));
    vault.close();
    const before = snapshotFolder(dir);
    await expect(open('wrong horse')).rejects.toMatchObject({ name: 'VaultError', code: 'WRONG_PASSPHRASE' });
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('NOT_A_VAULT for a folder without a header', async () => {
    mkdirSync(dir);
    await expect(open()).rejects.toMatchObject({ code: 'NOT_A_VAULT' });
    expect(vaultExists(dir)).toBe(false);
  });

  it('WEAK_KDF when the header was downgraded below the policy', async () => {
    (await create()).vault.close();
    await expect(openVault({ dir, passphrase: PASS })).rejects.toMatchObject({ code: 'WEAK_KDF' });
    const h = header() as { kdf: { iterations: number } };
    h.kdf.iterations = 0;
    writeFileSync(path.join(dir, 'vault.json'), JSON.stringify(h));
    await expect(open()).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
  });

  it('refuses a header asking for 4 GiB and 1000 passes as tampered, before any Argon2 run', async () => {
    (await create()).vault.close();
    const h = header() as { kdf: { memoryKiB: number; iterations: number } };
    h.kdf.memoryKiB = 4 * 1024 * 1024;
    h.kdf.iterations = 1000;
    writeFileSync(path.join(dir, 'vault.json'), JSON.stringify(h));
    // Had Argon2 run with these settings, this would take hours at 4 GiB instead of failing at once.
    const refused = openVault({ dir, passphrase: PASS });
    await expect(refused).rejects.toMatchObject({ code: 'VAULT_DAMAGED', message: expect.stringContaining('tampered with or damaged') as unknown });
    await expect(refused).rejects.toMatchObject({ message: expect.stringContaining('Restore the file vault.json from a backup') as unknown });
    expect(existsSync(path.join(dir, 'vault.lock'))).toBe(false);
  });

  it('VAULT_FROM_FUTURE for a newer header or a newer database schema', async () => {
    const { vault } = await create();
    vault.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    vault.close();
    const before = snapshotFolder(dir);
    await expect(open()).rejects.toMatchObject({ code: 'VAULT_FROM_FUTURE' });
    expect(existsSync(path.join(dir, 'vault.lock'))).toBe(false);
    writeFileSync(path.join(dir, 'vault.json'), JSON.stringify({ ...header(), formatVersion: 2 }));
    await expect(open()).rejects.toMatchObject({ code: 'VAULT_FROM_FUTURE' });
    expect(Object.keys(snapshotFolder(dir))).toEqual(Object.keys(before));
  });

  it('VAULT_BUSY while another handle has it open; fine after close', async () => {
    const { vault } = await create();
    await expect(open()).rejects.toMatchObject({ code: 'VAULT_BUSY' });
    vault.close();
    expect((await open()).isOpen).toBe(true);
  });

  it('VAULT_DAMAGED when the database does not belong to the header', async () => {
    (await create()).vault.close();
    const otherDir = path.join(root, 'other');
    (await createVault({ dir: otherDir, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY, kdfParams: TEST_KDF_COST })).vault.close();
    writeFileSync(path.join(dir, 'vault.json'), readFileSync(path.join(otherDir, 'vault.json')));
    await expect(open()).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
    expect(existsSync(path.join(dir, 'vault.lock'))).toBe(false);
  });
});

describe('recovery key and passphrase changes', () => {
  it('recovery key unlocks, sets a new passphrase and logs it; the old passphrase stops working', async () => {
    const { vault, recoveryKey } = await create();
    vault.close();
    const recovered = track(
      await openVaultWithRecoveryKey({ dir, recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' '), newPassphrase: 'new pass', kdfPolicy: TEST_KDF_POLICY }),
    );
    expect(recovered.events.list().map((e) => [e.kind, e.details])).toEqual([
      ['vault-created', expect.any(Object)],
      ['passphrase-changed', { method: 'recovery-key' }],
    ]);
    recovered.close();
    await expect(open(PASS)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    (await open('new pass')).close();
    // The written-down key keeps working.
    track(await openVaultWithRecoveryKey({ dir, recoveryKey, newPassphrase: 'third', kdfPolicy: TEST_KDF_POLICY })).close();
  });

  it('wrong or mistyped recovery key -> WRONG_RECOVERY_KEY, nothing changes', async () => {
    const { vault, recoveryKey } = await create();
    vault.close();
    const before = snapshotFolder(dir);
    const attempt = (key: string) => openVaultWithRecoveryKey({ dir, recoveryKey: key, newPassphrase: 'x', kdfPolicy: TEST_KDF_POLICY });
    const typo = recoveryKey.slice(0, 5) + (recoveryKey[5] === 'A' ? 'B' : 'A') + recoveryKey.slice(6);
    await expect(attempt(typo)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY', message: expect.stringContaining('typing mistake') });
    await expect(attempt('1234')).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    const otherDir = path.join(root, 'other');
    const other = await createVault({ dir: otherDir, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY, kdfParams: TEST_KDF_COST });
    other.vault.close();
    await expect(attempt(other.recoveryKey)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('changePassphrase re-wraps only the passphrase slot and logs the change', async () => {
    const { vault } = await create();
    const old = header() as { kdf: { salt: string }; wrappedMasterKey: { passphrase: string; recovery: string } };
    const dbBefore = readFileSync(path.join(dir, 'vault.db'));
    await vault.changePassphrase(PASS, 'brand new');
    const now = header() as typeof old;
    expect(now.wrappedMasterKey.recovery).toBe(old.wrappedMasterKey.recovery);
    expect(now.wrappedMasterKey.passphrase).not.toBe(old.wrappedMasterKey.passphrase);
    expect(now.kdf.salt).not.toBe(old.kdf.salt);
    expect(readFileSync(path.join(dir, 'vault.db')).equals(dbBefore)).toBe(true); // data not re-encrypted (event went to the WAL)
    expect(vault.events.list().at(-1)).toMatchObject({ kind: 'passphrase-changed', details: { method: 'passphrase' } });
    vault.close();
    await expect(open(PASS)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await open('brand new')).events.verifyChain()).toEqual({ ok: true, checked: 2 });
  });

  it('changePassphrase with a wrong old passphrase -> WRONG_PASSPHRASE, header unchanged', async () => {
    const { vault } = await create();
    const before = readFileSync(path.join(dir, 'vault.json'));
    await expect(vault.changePassphrase('nope', 'x')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(readFileSync(path.join(dir, 'vault.json')).equals(before)).toBe(true);
  });
});

describe('close', () => {
  it('makes the vault unusable and releases the lock', async () => {
    const { vault } = await create();
    const blobs = vault.blobs;
    vault.close();
    vault.close();
    expect(vault.isOpen).toBe(false);
    expect(() => vault.db).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(() => vault.events).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    await expect(blobs.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(vault.changePassphrase(PASS, 'x')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(existsSync(path.join(dir, 'vault.lock'))).toBe(false);
  });
});
