import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_KDF } from '../../test-support/dicom-fixtures';
import { createVault } from '../vault/vault';
import { KnownDigests, loadKnownDigests } from './known-digests';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('known digests', () => {
  it('lists the files of instances and attachments once each, sorted bytewise', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-known-'));
    const { vault } = await createVault({ dir: path.join(root, 'vault'), passphrase: 'pass phrase', ...FAST_KDF });
    const [a, b, c] = [digest('a'), digest('b'), digest('c')];
    const db = vault.db;
    const now = new Date().toISOString();
    const blob = (n: number): string => n.toString(16).padStart(32, '0');
    for (let n = 1; n <= 4; n++) db.prepare('INSERT INTO blobs(id, size, sha256, created_at) VALUES (?, 1, ?, ?)').run(blob(n), digest(`${n}`), now);
    const patient = db.prepare('INSERT INTO patients(patient_key, created_at) VALUES (?, ?)').run('p', now).lastInsertRowid;
    const study = db.prepare('INSERT INTO studies(patient_id, study_uid, created_at) VALUES (?, ?, ?)').run(patient, '1.2', now).lastInsertRowid;
    const series = db.prepare('INSERT INTO series(study_id, series_uid) VALUES (?, ?)').run(study, '1.2.3').lastInsertRowid;
    const instance = db.prepare(`INSERT INTO instances(series_id, sop_instance_uid, blob_id, sha256_file, pixel_digest_status, created_at)
      VALUES (?, ?, ?, ?, 'none', ?)`);
    instance.run(series, '1.2.3.1', blob(1), c, now);
    instance.run(series, '1.2.3.2', blob(2), a, now);
    const attachment = db.prepare("INSERT INTO attachments(blob_id, kind, sha256_file, created_at) VALUES (?, 'pdf', ?, ?)");
    attachment.run(blob(3), b, now);
    attachment.run(blob(4), a, now); // the same bytes as an instance: listed once
    const sorted = [a, b, c].sort((x, y) => Buffer.compare(x, y));
    expect(Buffer.from(loadKnownDigests(db)).equals(Buffer.concat(sorted))).toBe(true);
    vault.close();
  });

  it('finds exactly the listed digests', () => {
    const listed = Array.from({ length: 101 }, (_, i) => digest(`file ${i}`)).sort((x, y) => Buffer.compare(x, y));
    const known = new KnownDigests(new Uint8Array(Buffer.concat(listed)));
    for (const d of listed) expect(known.has(d)).toBe(true);
    expect(known.has(randomBytes(32))).toBe(false);
    expect(known.has(Buffer.alloc(32))).toBe(false);
    expect(known.has(Buffer.alloc(32, 0xff))).toBe(false);
    expect(new KnownDigests(new Uint8Array(0)).has(listed[0]!)).toBe(false);
  });

  it('refuses a list that is not whole digests', () => {
    expect(() => new KnownDigests(new Uint8Array(33))).toThrow(RangeError);
  });
});
