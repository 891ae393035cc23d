/**
 * A share exported as a folder and as a zip: the standard-media layout, the DICOMDIR (read back by
 * ScanVault's own importer, and by dcmtk when installed), no identifier in any byte, the signed
 * manifest checked offline, and the share in the log and the history.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeShareVault, filesUnder, type ShareVault } from '../../../test-support/share/share-vault';
import { optionalToolPresent } from '../../../test-support/optional-tools';
import { readZipEntries } from '../../../test-support/share/read-zip';
import { silentLogger } from '../../log';
import { ScanVaultCore } from '../../scanvault-core';
import { FAST_KDF } from '../../../test-support/dicom-fixtures';
import { isPs310FileId } from './media-layout';

const IDENTIFIERS = ['WHITFIELD', 'MARGARET', 'MRN-77123', '19610412', 'Mercy Hospital', 'ACC123'];

describe('exporting a share', () => {
  let v: ShareVault;
  let studyUid: string;
  beforeAll(async () => {
    v = await makeShareVault();
    studyUid = await v.addStudy(3, { studyDescription: 'CT KNEE', seriesDescription: 'AXIAL' });
  });
  afterAll(() => v.cleanup());

  it('writes a folder laid out as standard media that verifies, leaks nothing and is in the log and history', async () => {
    const draft = await v.prepare({ studyUids: [studyUid] });
    expect(draft).toMatchObject({ fileCount: 3, studyCount: 1, seriesCount: 1, heldBack: [], screeningAvailable: true, screened: { images: 3, withText: 0 } });
    expect(draft.pseudonym).toMatch(/^SECOND-OPINION-[0-9A-Z]{6}$/);
    const report = await v.exportTo(draft.draftId, 'folder', 'to-doctor');
    expect(report).toMatchObject({ files: 3, heldBack: [], masked: [], pseudonym: draft.pseudonym });
    expect(report.anchor).toMatch(/^\d+:[0-9a-f]{64}$/);
    const files = filesUnder(path.join(v.root, 'to-doctor'));
    expect([...files.keys()].sort()).toEqual([
      'DICOM/P0000001/S0000001/SE000001/IM000001', 'DICOM/P0000001/S0000001/SE000001/IM000002', 'DICOM/P0000001/S0000001/SE000001/IM000003',
      'DICOMDIR', 'MANIFEST.json', 'MANIFEST.sig', 'README.txt',
    ]);
    for (const name of files.keys()) if (name.startsWith('DICOM/')) expect(isPs310FileId(name.split('/'))).toBe(true);
    for (const [name, bytes] of files) {
      const text = bytes.toString('latin1').toUpperCase();
      for (const id of IDENTIFIERS) expect([name, text.includes(id.toUpperCase())]).toEqual([name, false]);
    }
    const readme = files.get('README.txt')!.toString('utf8');
    expect(readme).toContain(draft.pseudonym!);
    expect(readme).toContain('DATES ARE SHIFTED');
    expect(readme).toContain(report.fingerprint);
    const verified = await v.core.verifyExport({ path: path.join(v.root, 'to-doctor'), fingerprint: report.fingerprint });
    expect(verified).toMatchObject({ ok: true, signatureValid: true, fingerprintMismatch: false, files: 5, problems: [], anchor: report.anchor, recipient: 'Dr Ada Second' });
    expect((await v.core.getSigningKey()).fingerprint).toBe(report.fingerprint);
    const { shares } = await v.core.listShares({});
    expect(shares[0]).toMatchObject({
      id: report.shareId, recipient: { name: 'Dr Ada Second', role: 'radiologist' }, method: 'ScanVault export (folder)', outside: false,
      packageSha256: report.packageSha256, pseudonym: draft.pseudonym, fileCount: 3, items: [{ level: 'study', uid: studyUid }],
    });
    const manifest = files.get('MANIFEST.json')!;
    expect(report.packageSha256).toBe((await import('node:crypto')).createHash('sha256').update(manifest).digest('hex'));
    const events = v.core.requireVault().events.list();
    expect(events.at(-1)).toMatchObject({ kind: 'share', details: { shareId: report.shareId, files: 3, packageSha256: report.packageSha256 } });
    expect(Number(report.anchor.split(':')[0])).toBe(events.at(-1)!.seq - 1);
  });

  it('logs only the studies that left: a study whose every picture was held back is not in the accounting', async () => {
    const ultrasound = await v.addStudy(1, { modality: 'US', studyDescription: 'US ABDOMEN' });
    const draft = await v.prepare({ studyUids: [studyUid, ultrasound] });
    expect(draft.heldBack.map((h) => h.reason)).toEqual(['burned-in-likely']);
    const report = await v.exportTo(draft.draftId, 'folder');
    const logged = (await v.core.listShares({})).shares.find((s) => s.id === report.shareId);
    expect(logged?.items.map((i) => i.uid)).toEqual([studyUid]);
    expect(report.heldBack).toHaveLength(1);
  });

  it('the exported folder imports into another vault through its DICOMDIR, series intact', async () => {
    const draft = await v.prepare({ studyUids: [studyUid] });
    const report = await v.exportTo(draft.draftId, 'folder', 'for-import');
    const other = new ScanVaultCore({ vaultDir: path.join(v.root, 'other-vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
    await other.createVault({ passphrase: 'another long passphrase here' });
    try {
      const { jobId } = await other.startImport({ paths: [path.join(v.root, 'for-import')], provenance: { sourceLabel: 'share' } });
      const job = await other.waitForJob(jobId);
      expect(job.importReport).toMatchObject({ imported: 3, failed: [] });
      const records = (await other.listLibrary()).people.flatMap((p) => p.records);
      expect(records.map((r) => [r.name, r.patientId])).toEqual([[report.pseudonym, report.pseudonym]]);
      expect(records[0]!.studies.map((s) => s.seriesCount)).toEqual([1]);
    } finally {
      await other.lockNow();
    }
  });

  it('writes a zip holding the same tree, which verifies the same way', async () => {
    const draft = await v.prepare({ studyUids: [studyUid] });
    const report = await v.exportTo(draft.draftId, 'zip', 'to-doctor.zip');
    const entries = await readZipEntries(path.join(v.root, 'to-doctor.zip'));
    expect([...entries.keys()].sort()).toEqual([
      'DICOM/P0000001/S0000001/SE000001/IM000001', 'DICOM/P0000001/S0000001/SE000001/IM000002', 'DICOM/P0000001/S0000001/SE000001/IM000003',
      'DICOMDIR', 'MANIFEST.json', 'MANIFEST.sig', 'README.txt',
    ]);
    expect(await v.core.verifyExport({ path: path.join(v.root, 'to-doctor.zip') })).toMatchObject({ ok: true, fingerprint: report.fingerprint, problems: [] });
    if (spawnSync('unzip', ['-v'], { stdio: 'ignore' }).error === undefined) {
      expect(spawnSync('unzip', ['-tq', path.join(v.root, 'to-doctor.zip')], { encoding: 'utf8' }).status).toBe(0);
    }
    expect((await v.core.listShares({})).shares[0]).toMatchObject({ id: report.shareId, method: 'ScanVault export (zip)' });
  });

  it('never overwrites: an existing destination is refused and nothing is logged', async () => {
    const before = (await v.core.listShares({})).shares.length;
    mkdirSync(path.join(v.root, 'taken'));
    writeFileSync(path.join(v.root, 'taken.zip'), 'mine');
    for (const [kind, name] of [['folder', 'taken'], ['zip', 'taken.zip']] as const) {
      const draft = await v.prepare({ studyUids: [studyUid] });
      await expect(v.exportTo(draft.draftId, kind, name)).rejects.toMatchObject({ code: 'TARGET_EXISTS' });
    }
    expect(readFileSync(path.join(v.root, 'taken.zip'), 'utf8')).toBe('mine');
    expect((await v.core.listShares({})).shares.length).toBe(before);
  });

  it('stops with LEAK_GUARD when the purpose typed names the patient, and writes nothing', async () => {
    const draft = await v.prepare({ studyUids: [studyUid] });
    await expect(v.exportTo(draft.draftId, 'folder', 'leaky', 'opinion for Margaret Whitfield')).rejects.toMatchObject({ code: 'LEAK_GUARD' });
    expect(existsSync(path.join(v.root, 'leaky'))).toBe(false);
  });

  it('stops the whole share with LEAK_GUARD, saying which attribute of which file, when a kept value is one of the profile\'s identifiers', async () => {
    // Contrived on purpose: a record number typed into the profile that a kept attribute (Photometric Interpretation) happens to hold.
    const personId = (await v.core.listLibrary()).people[0]!.id;
    const profile = { legalName: null, formerNames: [], birthDate: null, address: null, phone: null, email: null, representative: null, notes: null };
    await v.core.updatePersonProfile({ personId, profile: { ...profile, recordNumbers: [{ facility: 'Lab', number: 'MONOCHROME2' }] } });
    try {
      const draft = await v.prepare({ studyUids: [studyUid] });
      const error = await v.exportTo(draft.draftId, 'folder', 'leaky-file').catch((e: unknown) => e as { code: string; message: string });
      expect(error).toMatchObject({ code: 'LEAK_GUARD', message: expect.stringMatching(/\(0028,0004\).*ID.*file 1 of 3/) as unknown });
      expect((error as { message: string }).message).not.toContain('MONOCHROME2');
      expect(existsSync(path.join(v.root, 'leaky-file'))).toBe(false);
    } finally {
      await v.core.updatePersonProfile({ personId, profile: { ...profile, recordNumbers: [] } });
    }
  });

  it('exports the originals unchanged when asked for an identified copy, labelled as such', async () => {
    const draft = await v.prepare({ studyUids: [studyUid], identified: true, options: [] });
    expect(draft.pseudonym).toBeNull();
    const report = await v.exportTo(draft.draftId, 'folder', 'identified');
    const readme = readFileSync(path.join(v.root, 'identified', 'README.txt'), 'utf8');
    expect(readme).toContain('IDENTIFIED');
    expect(readFileSync(path.join(v.root, 'identified', 'DICOM/P0000001/S0000001/SE000001/IM000001')).toString('latin1')).toContain('WHITFIELD');
    expect((await v.core.listShares({})).shares.find((s) => s.id === report.shareId)).toMatchObject({ profile: 'identified (originals)', pseudonym: null });
  });
});

const hasDcmdump = optionalToolPresent('dcmdump', 'the DICOMDIR of an export is read back by dcmtk');
const hasDciodvfy = optionalToolPresent('dciodvfy', 'exported files and DICOMDIR pass dciodvfy');

describe.skipIf(!hasDcmdump && !hasDciodvfy)('validators read the export', () => {
  let v: ShareVault;
  let dir: string;
  beforeAll(async () => {
    v = await makeShareVault();
    const studyUid = await v.addStudy(2, { studyId: 'CT-2024-118' });
    await v.addStudy(1); // another study, not shared
    const draft = await v.prepare({ studyUids: [studyUid] });
    await v.exportTo(draft.draftId, 'folder', 'checked');
    dir = path.join(v.root, 'checked');
  });
  afterAll(() => v.cleanup());

  it.skipIf(!hasDcmdump)('dcmdump reads the DICOMDIR with its records and every exported file', () => {
    const run = spawnSync('dcmdump', ['-q', path.join(dir, 'DICOMDIR')], { encoding: 'latin1' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    for (const type of ['PATIENT', 'STUDY', 'SERIES', 'IMAGE']) expect(run.stdout).toContain(`(0004,1430) CS [${type}`);
    expect(run.stdout).toContain('DICOM\\P0000001\\S0000001\\SE000001\\IM000002');
    for (const name of ['IM000001', 'IM000002']) {
      expect(spawnSync('dcmdump', ['-q', path.join(dir, 'DICOM/P0000001/S0000001/SE000001', name)], { encoding: 'latin1' }).status).toBe(0);
    }
    // dcmtk follows the record offsets: a wrong one would print an error or lose records.
    const tree = spawnSync('dcmdump', ['+P', '0004,1430', path.join(dir, 'DICOMDIR')], { encoding: 'latin1' }).stdout;
    expect(tree.match(/IMAGE/g)).toHaveLength(2);
  });

  it.skipIf(!hasDciodvfy)('dciodvfy finds no error in an exported file that its original lacks', async () => {
    const errors = (file: string) => new Set(`${spawnSync('dciodvfy', [file], { encoding: 'latin1' }).stderr}`.split('\n').filter((l) => l.startsWith('Error')).map((l) => l.replace(/ = <[^>]*>/g, '').trim()));
    const db = v.core.requireVault().db;
    const blob = db.prepare('SELECT blob_id FROM instances ORDER BY id LIMIT 1').pluck().get() as string;
    const original = path.join(v.root, 'original.dcm');
    writeFileSync(original, await v.core.requireVault().blobs.readAll(blob)); // a generated test file, not patient data
    const before = errors(original);
    const added = [...errors(path.join(dir, 'DICOM/P0000001/S0000001/SE000001/IM000001'))].filter((e) => !before.has(e));
    expect(added).toEqual([]);
  });

  it.skipIf(!hasDciodvfy)('dciodvfy finds no error in the DICOMDIR', () => {
    const run = spawnSync('dciodvfy', [path.join(dir, 'DICOMDIR')], { encoding: 'latin1' });
    const errors = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.startsWith('Error'));
    expect(errors).toEqual([]);
  });

  // No +I: the files themselves carry every value a directory record needs (Study ID as a made-up value, as Z allows).
  it('dcmmkdir (general-purpose profile) indexes the exported files as they are, inventing nothing', () => {
    if (spawnSync('dcmmkdir', ['--version'], { stdio: 'ignore' }).error !== undefined) return;
    const scratch = path.join(v.root, 'dcmmkdir-check');
    mkdirSync(scratch);
    try {
      const run = spawnSync('dcmmkdir', ['+r', '-Pgp', '+D', path.join(scratch, 'DICOMDIR'), '+id', dir, 'DICOM'], { encoding: 'latin1' });
      expect([run.status, run.stderr.split('\n').filter((l) => /^E:/.test(l))]).toEqual([0, []]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
