/**
 * Removal from the vault: the preview says exactly what goes, the removal deletes exactly that
 * (rows and encrypted files), logs an event without identifiers, and refuses a stale preview.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudyQuery, type RemovalTarget } from '../../../shared/api/library-query';
import { FAST_KDF, makeDicom, makeSeries, newUid } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';

const PASS = 'correct horse battery staple';
let root: string;
let core: ScanVaultCore;
const janeStudy = newUid();
const axial = newUid();
const coronal = newUid();

function folder(name: string, files: Buffer[], pdf = false): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  files.forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  if (pdf) writeFileSync(path.join(dir, 'report.pdf'), Buffer.from('%PDF-1.4\n% report\n%%EOF\n'));
  return dir;
}

async function importFolder(dir: string, sourceLabel: string): Promise<void> {
  const { jobId } = await core.startImport({ paths: [dir], provenance: { sourceLabel } });
  expect((await core.waitForJob(jobId)).state).toBe('done');
  await core.waitForBackgroundWork();
}

const studies = async () => (await core.queryStudies(StudyQuery.parse({ sort: 'description' }))).studies;
const blobsOnDisk = () => core.requireVault().blobs.listOnDisk();
const importId = async (label: string) => (await core.listImports()).imports.find((i) => i.sourceLabel === label)!.id;

async function remove(target: RemovalTarget) {
  const preview = await core.previewRemoval(target);
  const result = await core.removeFromVault({ target, fingerprint: preview.fingerprint });
  return { preview, result };
}

beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-remove-'));
  core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
  await core.createVault({ passphrase: PASS });
  const jane = { patientName: 'DOE^JANE', patientId: 'MRN-1', studyUid: janeStudy, studyDescription: 'CT HEAD' };
  await importFolder(folder('cd', [
    ...makeSeries(3, { ...jane, seriesUid: axial, seriesDescription: 'AXIAL' }),
    ...makeSeries(2, { ...jane, seriesUid: coronal, seriesDescription: 'CORONAL' }),
  ], true), 'CD from Mercy');
  const john = makeSeries(2, { patientName: 'SMITH^JOHN', patientId: 'MRN-2', birthDate: '19500101', studyDescription: 'MR KNEE', modality: 'MR' });
  await importFolder(folder('usb', john), 'USB stick');
  // A second copy of John's knee plus a new study: the knee is held by two imports now.
  await importFolder(folder('usb2', [...john, ...makeSeries(1, { patientName: 'SMITH^JOHN', patientId: 'MRN-2', birthDate: '19500101', studyDescription: 'US NECK', modality: 'US' })]), 'USB again');
});

afterEach(async () => {
  await core.lockNow();
  rmSync(root, { recursive: true, force: true });
});

describe('removal from the vault', () => {
  it('removes a series: exactly its pictures and files; the study stays with its other series', async () => {
    const head = (await studies()).find((s) => s.description === 'CT HEAD')!;
    const series = head.series.find((s) => s.description === 'CORONAL')!;
    const before = await blobsOnDisk();
    const { preview, result } = await remove({ kind: 'series', id: series.id });
    expect(preview).toMatchObject({ studies: 0, series: 1, pictures: 2, reports: 0, records: 0, sources: ['CD from Mercy'], keptBecauseElsewhere: 0 });
    expect(preview.bytes).toBeGreaterThan(0);
    const { fingerprint: _f, keptBecauseElsewhere: _k, ...counted } = preview;
    expect(result).toEqual({ ...counted, filesLeft: 0 });
    expect((await blobsOnDisk()).length).toBe(before.length - 2);
    const after = (await studies()).find((s) => s.description === 'CT HEAD')!;
    expect(after.series.map((s) => s.description)).toEqual(['AXIAL']);
    expect(after).toMatchObject({ instanceCount: 3, attachments: [{ kind: 'pdf' }] });
    await expect(core.previewRemoval({ kind: 'series', id: series.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('logs the removal with what and how much, and no names, UIDs, descriptions or source labels', async () => {
    const head = (await studies()).find((s) => s.description === 'CT HEAD')!;
    await remove({ kind: 'study', id: head.id });
    const event = core.requireVault().events.list().at(-1)!;
    expect(event.kind).toBe('removal');
    expect(event.details).toEqual({ what: 'study', studies: 1, series: 2, pictures: 5, reports: 1, records: 1, bytes: expect.any(Number) });
    const text = JSON.stringify(event);
    for (const secret of ['DOE', 'JANE', 'MRN', janeStudy, axial, 'CT HEAD', 'AXIAL', 'Mercy', '2.25.']) expect(text).not.toContain(secret);
    expect(core.requireVault().events.verifyChain().ok).toBe(true);
  });

  it('removes a study with its report; the patient record and person left empty go too', async () => {
    const head = (await studies()).find((s) => s.description === 'CT HEAD')!;
    const filesBefore = (await blobsOnDisk()).length;
    const { preview } = await remove({ kind: 'study', id: head.id });
    expect(preview).toMatchObject({ studies: 1, series: 2, pictures: 5, reports: 1, records: 1 });
    expect((await blobsOnDisk()).length).toBe(filesBefore - 6);
    expect((await studies()).map((s) => s.description)).toEqual(['MR KNEE', 'US NECK']);
    expect((await core.listPeople()).people.flatMap((p) => p.records.map((r) => r.name))).toEqual(['SMITH^JOHN']);
    expect((await core.getLibraryFilters()).facilities).toEqual(['Mercy Hospital']); // John's studies are from there too
    const report = await core.waitForJob((await core.startVerify({})).jobId);
    expect(report.verifyReport).toMatchObject({ ok: true, problems: [] });
  });

  it('removes the last series of a study without reports together with its study', async () => {
    const knee = (await studies()).find((s) => s.description === 'US NECK')!;
    const { preview } = await remove({ kind: 'series', id: knee.series[0]!.id });
    expect(preview).toMatchObject({ studies: 1, series: 1, pictures: 1, records: 0 });
    expect((await studies()).map((s) => s.description)).toEqual(['CT HEAD', 'MR KNEE']);
  });

  it('removes a whole import; pictures another import also brought stay', async () => {
    const again = await importId('USB again');
    const { preview } = await remove({ kind: 'import', id: again });
    expect(preview).toMatchObject({ studies: 1, series: 1, pictures: 1, reports: 0, keptBecauseElsewhere: 2, sources: ['USB again'] });
    expect((await studies()).map((s) => [s.description, s.sources])).toEqual([['CT HEAD', ['CD from Mercy']], ['MR KNEE', ['USB stick']]]);
    expect((await core.listImports()).imports.map((i) => i.sourceLabel)).toEqual(['USB stick', 'CD from Mercy']);
    // Now the knee is only in "USB stick": removing that import takes the study and John's record.
    const { preview: second } = await remove({ kind: 'import', id: await importId('USB stick') });
    expect(second).toMatchObject({ studies: 1, pictures: 2, keptBecauseElsewhere: 0, records: 1 });
    expect((await studies()).map((s) => s.description)).toEqual(['CT HEAD']);
  });

  it('refuses a stale preview and removes nothing', async () => {
    const head = (await studies()).find((s) => s.description === 'CT HEAD')!;
    const stale = await core.previewRemoval({ kind: 'study', id: head.id });
    // Meanwhile a series of it is removed: the study preview no longer says what would go.
    await remove({ kind: 'series', id: head.series[0]!.id });
    const files = (await blobsOnDisk()).length;
    await expect(core.removeFromVault({ target: { kind: 'study', id: head.id }, fingerprint: stale.fingerprint })).rejects.toMatchObject({ code: 'STALE_PREVIEW' });
    await expect(core.removeFromVault({ target: { kind: 'series', id: head.series[1]!.id }, fingerprint: stale.fingerprint })).rejects.toMatchObject({ code: 'STALE_PREVIEW' });
    expect((await blobsOnDisk()).length).toBe(files);
    expect((await studies()).find((s) => s.id === head.id)!.seriesCount).toBe(1);
    await expect(core.previewRemoval({ kind: 'study', id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a file that cannot be deleted after the commit is an orphan: reported by Check vault, swept at the next unlock', async () => {
    const knee = (await studies()).find((s) => s.description === 'US NECK')!;
    const vault = core.requireVault();
    const realDelete = vault.blobs.delete.bind(vault.blobs);
    vault.blobs.delete = async () => { throw new Error('disk unplugged'); };
    const { result } = await remove({ kind: 'study', id: knee.id });
    vault.blobs.delete = realDelete;
    expect(result.filesLeft).toBe(1);
    const verify = await core.waitForJob((await core.startVerify({})).jobId);
    expect(verify.verifyReport!.problems.map((p) => p.kind)).toEqual(['orphan-blob']);
    await core.lock();
    await core.unlock({ passphrase: PASS });
    const again = await core.waitForJob((await core.startVerify({})).jobId);
    expect(again.verifyReport).toMatchObject({ ok: true });
  });

  it('a conflict group left with one picture is no conflict any more', async () => {
    const sop = newUid();
    const study = newUid();
    const a = makeDicom({ studyUid: study, seriesUid: newUid(), sopUid: sop, seriesDescription: 'ORIGINAL', studyDescription: 'XR HAND', seed: 1 });
    const b = makeDicom({ studyUid: study, seriesUid: newUid(), sopUid: sop, seriesDescription: 'OTHER COPY', studyDescription: 'XR HAND', seed: 2 });
    await importFolder(folder('conflict', [a, b]), 'Two copies');
    const hand = () => studies().then((all) => all.find((s) => s.description === 'XR HAND')!);
    expect((await hand()).series.map((s) => s.conflictCount)).toEqual([1, 1]);
    await remove({ kind: 'series', id: (await hand()).series.find((s) => s.description === 'OTHER COPY')!.id });
    expect((await hand()).series.map((s) => [s.description, s.conflictCount, s.alteredCount])).toEqual([['ORIGINAL', 0, 0]]);
  });
});
