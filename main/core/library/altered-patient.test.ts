/**
 * An altered copy of a known study that names another patient must not leave a second patient with
 * no studies in the library; the copy is kept with the study, flagged as a conflict and warned about.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAST_KDF, makeDicom, newUid } from '../../test-support/dicom-fixtures';
import { listPatients } from '../db/library';
import { runMigrations } from '../db/migrate';
import { silentLogger } from '../log';
import { runImport } from '../import/run-import';
import { createVault, type OpenVault } from '../vault/vault';
import { listLibrary } from './list-library';

const PASS = 'correct horse battery staple';
let root: string;
let vault: OpenVault;

beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-altered-'));
  vault = (await createVault({ dir: path.join(root, 'vault'), passphrase: PASS, ...FAST_KDF })).vault;
});

afterEach(() => {
  vault.close();
  rmSync(root, { recursive: true, force: true });
});

function importFolder(name: string, files: Buffer[], sourceLabel: string) {
  const dir = path.join(root, name);
  mkdirSync(dir);
  files.forEach((bytes, i) => writeFileSync(path.join(dir, `IM${i}`), bytes));
  return runImport(vault, { kind: 'paths', paths: [dir] }, { sourceLabel }, {
    signal: new AbortController().signal, progress: { set: () => undefined }, log: silentLogger, prepare: { workers: 0 },
  });
}

describe('an altered copy naming another patient', () => {
  it('is filed with the study it belongs to: one patient, one study, the conflict and a warning in the report', async () => {
    const uids = { studyUid: newUid(), seriesUid: newUid() };
    const sops = [newUid(), newUid()];
    const original = sops.map((sopUid, i) => makeDicom({ ...uids, sopUid, instanceNumber: i + 1, patientName: 'DOE^JANE', patientId: 'MRN-1' }));
    await importFolder('cd', original, 'CD');
    const altered = makeDicom({ ...uids, sopUid: sops[0]!, instanceNumber: 1, patientName: 'ROE^RICHARD', patientId: 'MRN-2' });

    const report = await importFolder('portal', [altered], 'Portal download');

    expect(report.conflicts).toHaveLength(1);
    expect(report.warnings[0]?.warnings.join(' ')).toMatch(/different patient name or ID/);
    const records = listLibrary(vault.db).people.flatMap((person) => person.records);
    expect(records.map((r) => [r.name, r.studyCount])).toEqual([['DOE^JANE', 1]]);
    expect(vault.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1); // not just hidden: never created
    const series = records[0]!.studies[0]!.series[0]!;
    expect([series.instanceCount, series.conflictCount]).toEqual([3, 2]);
  });

  it('a copy with the same patient written differently but the same key gets no warning', async () => {
    const uids = { studyUid: newUid(), seriesUid: newUid() };
    await importFolder('a', [makeDicom({ ...uids, sopUid: newUid(), patientName: 'DOE^JANE', patientId: 'MRN-1' })], 'CD');
    const report = await importFolder('b', [makeDicom({ ...uids, sopUid: newUid(), patientName: 'doe^jane^', patientId: 'MRN-1' })], 'USB');
    expect(report.warnings).toEqual([]);
    expect(listLibrary(vault.db).people.flatMap((person) => person.records)).toHaveLength(1);
  });
});

describe('listing patients', () => {
  it('leaves out patient rows without studies (left by older versions)', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO patients (id, patient_key, name, created_at) VALUES (1, 'k1', 'DOE^JANE', ?), (2, 'k2', 'ROE^RICHARD', ?)").run(now, now);
    db.prepare("INSERT INTO studies (patient_id, study_uid, created_at) VALUES (1, '1.2.3', ?)").run(now);
    expect(listPatients(db).map((p) => p.name)).toEqual(['DOE^JANE']);
  });
});
