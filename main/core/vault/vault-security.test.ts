import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrapMasterKey } from '../crypto/key-wrap';
import { derivePassphraseKek } from '../crypto/passphrase-kdf';
import { deriveDatabaseKey } from '../crypto/subkeys';
import { createVault, openVault } from './vault';
import type { OpenVault } from './vault';
import type { BlobSource } from './blob-store';
import { readVaultHeader } from './vault-header';
import { TEST_KDF_COST, TEST_KDF_POLICY, chunked, filesContaining, makeTempDir, patternBytes } from '../../test-support/vault/vault-helpers';

const PASS = 'correct horse battery staple';
const NOW = '2026-01-01T00:00:00.000Z';
let dir: string;
let cleanup: () => void;
const opened: OpenVault[] = [];

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => {
  opened.splice(0).forEach((vault) => vault.close());
  cleanup();
});

async function newVault(): Promise<OpenVault> {
  const { vault } = await createVault({ dir, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY, kdfParams: TEST_KDF_COST });
  opened.push(vault);
  return vault;
}

async function reopen(): Promise<OpenVault> {
  const vault = await openVault({ dir, passphrase: PASS, kdfPolicy: TEST_KDF_POLICY });
  opened.push(vault);
  return vault;
}

async function storeBlob(vault: OpenVault, data: BlobSource): Promise<string> {
  const blob = await vault.blobs.write(data);
  vault.db.prepare('INSERT INTO blobs (id, size, sha256, created_at) VALUES (?, ?, ?, ?)').run(blob.blobId, blob.size, blob.sha256, NOW);
  return blob.blobId;
}

/** Opens vault.db the way docs/vault-format.md describes, from the passphrase alone. */
async function openRawDatabase(): Promise<InstanceType<typeof Database>> {
  const header = readVaultHeader(dir);
  const masterKey = unwrapMasterKey(header.wrappedMasterKey.passphrase, await derivePassphraseKek(PASS, header.kdf), 'passphrase', header);
  const raw = new Database(path.join(dir, 'vault.db'), { fileMustExist: true });
  raw.pragma("cipher = 'sqlcipher'");
  raw.pragma('legacy = 4');
  raw.pragma(`key = "x'${deriveDatabaseKey(masterKey, header.vaultId).toString('hex')}'"`);
  return raw;
}

describe('no plaintext on disk', () => {
  it('DOE^JANE never appears in any file of the vault, while open (live WAL) or after close', async () => {
    const vault = await newVault();
    const patientId = vault.db.prepare("INSERT INTO patients (patient_key, name, label, created_at) VALUES ('k', 'DOE^JANE', 'DOE^JANE scans', ?)").run(NOW).lastInsertRowid;
    vault.db.prepare("INSERT INTO studies (patient_id, study_uid, description, created_at) VALUES (?, '1.2.3', 'CT DOE^JANE', ?)").run(patientId, NOW);
    await vault.events.append('edit', { note: 'renamed DOE^JANE' });
    const dicomLike = Buffer.concat([patternBytes(70_000, 5), Buffer.from('DOE^JANE'), patternBytes(70_000, 6), Buffer.from('DOE^JANE', 'utf16le')]);
    await storeBlob(vault, dicomLike);
    await storeBlob(vault, Buffer.from('DOE^JANE'));
    await storeBlob(vault, chunked(Buffer.from('xxDOE^JANExx'.repeat(20_000)), [4096]));

    expect(existsSync(path.join(dir, 'vault.db-wal'))).toBe(true);
    expect(readdirSync(path.join(dir, 'blobs')).length).toBeGreaterThan(1);
    expect(filesContaining(dir, 'DOE^JANE')).toEqual([]);
    expect(filesContaining(dir, '1.2.3')).toEqual([]);

    vault.close();
    expect(filesContaining(dir, 'DOE^JANE')).toEqual([]);
    // The scan itself works: the same helper finds the name in a plain file.
    writeFileSync(path.join(dir, 'control.txt'), 'DOE^JANE');
    expect(filesContaining(dir, 'DOE^JANE')).toEqual(['control.txt']);
  });
});

describe('event log tampering through a raw connection', () => {
  it('is detected by verifyChain after reopening', async () => {
    const vault = await newVault();
    await vault.events.append('share', { recipients: 1 });
    await vault.events.append('export', { files: 3 });
    vault.close();

    const raw = await openRawDatabase();
    expect(() => raw.prepare("UPDATE events SET details = '{\"recipients\":0}' WHERE seq = 2").run()).toThrow('events are append-only');
    raw.exec('DROP TRIGGER events_no_update');
    raw.prepare("UPDATE events SET details = '{\"recipients\":0}' WHERE seq = 2").run();
    raw.close();

    const again = await reopen();
    expect(again.events.verifyChain()).toEqual({ ok: false, checked: 1, firstBadSeq: 2 });
  });
});

describe('orphan sweep', () => {
  it('removes blob files without a row and leftover temp files when the vault opens', async () => {
    const vault = await newVault();
    const kept = await storeBlob(vault, Buffer.from('kept'));
    // A killed import: blob written but its row never committed, plus a half-written temp file.
    const orphan = (await vault.blobs.write(Buffer.from('orphan'))).blobId;
    writeFileSync(path.join(dir, 'blobs', 'tmp', '0123abcd'), 'half-written ciphertext');
    writeFileSync(path.join(dir, 'vault.json.tmp-0123456789abcdef'), '{}');
    vault.close();

    const again = await reopen();
    expect(await again.blobs.listOnDisk()).toEqual([kept]);
    expect(readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
    expect(existsSync(path.join(dir, 'vault.json.tmp-0123456789abcdef'))).toBe(false);
    expect((await again.blobs.readAll(kept)).toString()).toBe('kept');
    await expect(again.blobs.readAll(orphan)).rejects.toMatchObject({ code: 'BLOB_MISSING' });
  });

  it('reports what it removed when called directly', async () => {
    const vault = await newVault();
    await storeBlob(vault, Buffer.from('kept'));
    await vault.blobs.write(Buffer.from('orphan 1'));
    await vault.blobs.write(Buffer.from('orphan 2'));
    writeFileSync(path.join(dir, 'blobs', 'tmp', 'leftover'), 'x');
    expect(await vault.sweepOrphans()).toEqual({ removedBlobs: 2, removedTemp: 1 });
    expect(await vault.sweepOrphans()).toEqual({ removedBlobs: 0, removedTemp: 0 });
  });

  it('leaves the header untouched and keeps foreign files', async () => {
    const vault = await newVault();
    writeFileSync(path.join(dir, 'README.txt'), 'mine');
    const header = readFileSync(path.join(dir, 'vault.json'));
    await vault.sweepOrphans();
    expect(readFileSync(path.join(dir, 'README.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(dir, 'vault.json')).equals(header)).toBe(true);
  });
});
