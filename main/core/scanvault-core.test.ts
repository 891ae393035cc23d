import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FAST_KDF, makeDicom, makeSeries, newUid } from '../test-support/dicom-fixtures';
import { silentLogger } from './log';
import { ScanVaultCore } from './scanvault-core';
import { libraryRecords } from '../../shared/domain';

const PASS = 'correct horse battery staple';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allFiles(p) : [p];
  });
}

async function importAndWait(core: ScanVaultCore, paths: string[], sourceLabel = 'CD from Mercy Hospital') {
  const { jobId } = await core.startImport({ paths, provenance: { sourceLabel, receivedDate: '2024-03-20', handedOverBy: 'front desk' } });
  const job = await core.waitForJob(jobId);
  expect(job.error).toBeUndefined();
  expect(job.state).toBe('done');
  return job.importReport!;
}

describe('ScanVaultCore: vault + import end to end (generated fixtures)', () => {
  let root: string;
  let vaultDir: string;
  let source: string;
  let core: ScanVaultCore;
  const studyUid = newUid();
  const seriesA = makeSeries(3, { studyUid, patientName: 'DOE^JANE', patientId: 'MRN-4711', seriesDescription: 'AXIAL' });
  const seriesB = makeSeries(2, { studyUid, patientName: 'DOE^JANE', patientId: 'MRN-4711', seriesDescription: 'CORONAL' });

  beforeEach(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-core-'));
    vaultDir = path.join(root, 'vault');
    source = path.join(root, 'CD');
    mkdirSync(path.join(source, 'IMAGES'), { recursive: true });
    [...seriesA, ...seriesB].forEach((b, i) => writeFileSync(path.join(source, 'IMAGES', `IM${i}`), b));
    writeFileSync(path.join(source, 'report.pdf'), Buffer.from('%PDF-1.4\n% Radiology report for DOE^JANE\n%%EOF\n'));
    writeFileSync(path.join(source, 'AUTORUN.INF'), '[autorun]\nopen=viewer.exe\n');
    writeFileSync(path.join(source, 'notes.txt'), 'not an image');
    writeFileSync(path.join(source, 'IMAGES', 'BROKEN'), seriesA[0]!.subarray(0, 200));
    core = new ScanVaultCore({ vaultDir, host: 'cli', log: silentLogger, ...FAST_KDF });
    await core.createVault({ passphrase: PASS });
  });

  it('imports images, keeps the PDF, skips and fails the rest with reasons, and lists the library', async () => {
    const report = await importAndWait(core, [source]);
    expect(report.imported).toBe(5);
    expect(report.attachments).toBe(1);
    expect(report.seenAgain).toBe(0);
    expect(report.conflicts).toEqual([]);
    expect(report.failed.map((f) => f.path)).toEqual(['CD/IMAGES/BROKEN']);
    expect(report.skipped.map((s) => s.path).sort()).toEqual(['CD/AUTORUN.INF', 'CD/notes.txt']);
    for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(10);
    expect(report.studies).toEqual([{ studyInstanceUid: studyUid, date: '20240315', description: 'CT HEAD', patientName: 'DOE^JANE' }]);

    const lib = await core.listLibrary();
    expect(libraryRecords(lib)).toHaveLength(1);
    const [patient] = libraryRecords(lib);
    expect(patient).toMatchObject({ name: 'DOE^JANE', patientId: 'MRN-4711', birthDate: '19800101', studyCount: 1 });
    const study = patient!.studies[0]!;
    expect(study).toMatchObject({ studyInstanceUid: studyUid, modalities: ['CT'], institution: 'Mercy Hospital', seriesCount: 2, instanceCount: 5, sources: ['CD from Mercy Hospital'] });
    expect(study.series.map((s) => [s.description, s.instanceCount])).toEqual([['AXIAL', 3], ['CORONAL', 2]]);
    expect(study.attachments).toHaveLength(1);

  });

  it('records a re-import of the same bytes as "seen again" and adds no copy', async () => {
    await importAndWait(core, [source]);
    const blobsBefore = allFiles(path.join(vaultDir, 'blobs')).length;
    const again = await importAndWait(core, [source], 'USB stick copy');
    expect(again.imported).toBe(0);
    expect(again.seenAgain).toBe(6);
    expect(allFiles(path.join(vaultDir, 'blobs')).length).toBe(blobsBefore);
    const study = libraryRecords(await core.listLibrary())[0]!.studies[0]!;
    expect(study.sources).toEqual(['CD from Mercy Hospital', 'USB stick copy']);
  });

  it('keeps both copies and flags a conflict when the same image ID comes with different bytes', async () => {
    await importAndWait(core, [source]);
    const altered = path.join(root, 'altered');
    mkdirSync(altered);
    const original = seriesA[0]!;
    const copy = Buffer.from(original);
    copy[copy.length - 1] = (copy[copy.length - 1]! + 1) & 0xff; // one pixel changed
    writeFileSync(path.join(altered, 'IM0'), copy);
    const report = await importAndWait(core, [altered], 'Portal download');
    expect(report.imported).toBe(0);
    expect(report.conflicts).toHaveLength(1);
    const series = libraryRecords(await core.listLibrary())[0]!.studies[0]!.series[0]!;
    expect(series.instanceCount).toBe(4);
    expect(series.conflictCount).toBe(2);
    expect(series.alteredCount).toBe(2);
  });

  it('leaves no patient name, ID or UID in plaintext anywhere in the vault folder', async () => {
    await importAndWait(core, [source]);
    await core.lockNow();
    const needles = ['DOE^JANE', 'MRN-4711', 'Mercy Hospital', 'Radiology report', studyUid].map((s) => Buffer.from(s));
    for (const file of allFiles(vaultDir)) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${path.relative(vaultDir, file)} leaks ${needle.toString()}`).toBe(false);
    }
  });

  it('verify passes on a clean vault and finds a damaged blob', async () => {
    await importAndWait(core, [source]);
    const { jobId } = await core.startVerify({});
    const clean = (await core.waitForJob(jobId)).verifyReport!;
    expect(clean).toMatchObject({ ok: true, blobsChecked: 6, problems: [] });
    expect(clean.eventsChecked).toBeGreaterThanOrEqual(2);

    const blob = allFiles(path.join(vaultDir, 'blobs')).filter((f) => !path.relative(vaultDir, f).includes('tmp')).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    const bytes = readFileSync(blob);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    writeFileSync(blob, bytes);
    const second = await core.startVerify({});
    const damaged = (await core.waitForJob(second.jobId)).verifyReport!;
    expect(damaged.ok).toBe(false);
    expect(damaged.problems.map((p) => p.kind)).toEqual(['blob-corrupt']);
  });

  it('locks: keys gone, calls refused, wrong passphrase refused, right one reopens', async () => {
    await core.lock();
    await expect(core.listLibrary()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(core.unlock({ passphrase: 'wrong passphrase here' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await core.unlock({ passphrase: PASS })).state).toBe('unlocked');
    expect((await core.getStatus()).state).toBe('unlocked');
  });

  it('refuses weak passphrases and a second vault in the same folder', async () => {
    const fresh = new ScanVaultCore({ vaultDir: path.join(root, 'other'), host: 'cli', log: silentLogger, ...FAST_KDF });
    await expect(fresh.createVault({ passphrase: 'short' })).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    await expect(core.createVault({ passphrase: PASS })).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
  });

  it('imports a file with the same study twice from two folders without duplicating the study', async () => {
    const other = path.join(root, 'second');
    mkdirSync(other);
    writeFileSync(path.join(other, 'x.dcm'), makeDicom({ studyUid, patientName: 'DOE^JANE', patientId: 'MRN-4711' }));
    await importAndWait(core, [source]);
    await importAndWait(core, [other], 'Second CD');
    const lib = await core.listLibrary();
    expect(libraryRecords(lib)).toHaveLength(1);
    expect(libraryRecords(lib)[0]!.studies).toHaveLength(1);
    expect(libraryRecords(lib)[0]!.studies[0]!.seriesCount).toBe(3);
  });
});

describe('ScanVaultCore: import of paths that do not exist', () => {
  it('fails the job with PATH_NOT_FOUND and records no import', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-core-'));
    const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
    await core.createVault({ passphrase: PASS });
    const { jobId } = await core.startImport({ paths: [path.join(root, 'no-such-disc')], provenance: { sourceLabel: 'x' } });
    const job = await core.waitForJob(jobId);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('PATH_NOT_FOUND');
    expect(core.requireVault().db.prepare('SELECT COUNT(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
    await core.lockNow();
  });
});
