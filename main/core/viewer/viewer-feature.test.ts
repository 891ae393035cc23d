/** The study view's listing: a real import, read back through the core's contract methods. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakePdf } from '../../test-support/bytes/byte-vault';
import { FAST_KDF, makeDicom, newUid } from '../../test-support/dicom-fixtures';
import { libraryRecords } from '../../../shared/domain';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';

let root: string;
let core: ScanVaultCore;
const studyUid = newUid();
const axial = newUid();
const scout = newUid();

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-viewer-'));
  const source = path.join(root, 'CD');
  mkdirSync(source);
  const files = [
    // Stored out of order: the listing orders by instance number.
    makeDicom({ studyUid, seriesUid: axial, instanceNumber: 3, seed: 3 }),
    makeDicom({ studyUid, seriesUid: axial, instanceNumber: 1, seed: 1 }),
    makeDicom({ studyUid, seriesUid: axial, instanceNumber: 2, seed: 2 }),
    makeDicom({ studyUid, seriesUid: scout, seriesDescription: 'CINE', numberOfFrames: 4, rows: 8, columns: 8 }),
  ];
  files.forEach((bytes, i) => writeFileSync(path.join(source, `IM${i}`), bytes));
  writeFileSync(path.join(source, 'REPORT.PDF'), fakePdf());
  core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'browser', log: silentLogger, ...FAST_KDF });
  await core.createVault({ passphrase: 'correct horse battery staple' });
  const { jobId } = await core.startImport({ paths: [source], provenance: { sourceLabel: 'Test CD' } });
  expect((await core.waitForJob(jobId)).state).toBe('done');
});

afterAll(async () => {
  await core.lock();
  rmSync(root, { recursive: true, force: true });
});

async function theStudyId(): Promise<number> {
  const library = await core.listLibrary();
  const study = libraryRecords(library).flatMap((r) => r.studies).find((s) => s.studyInstanceUid === studyUid);
  if (!study) throw new Error('imported study not listed');
  return study.id;
}

describe('getStudyView', () => {
  it('lists the study, its patient, its series with every image in instance-number order, and its attached report', async () => {
    const view = await core.getStudyView({ studyId: await theStudyId() });
    expect(view.study).toMatchObject({ patientName: 'DOE^JANE', patientId: 'MRN-0001', date: '20240315', institution: 'Mercy Hospital' });
    expect(view.series).toHaveLength(2);
    const axialSeries = view.series.find((s) => s.description === 'AXIAL');
    expect(axialSeries?.instances.map((i) => i.instanceNumber)).toEqual([1, 2, 3]);
    expect(axialSeries?.instances.every((i) => i.kind === 'image' && i.frames === null && i.rows === 16)).toBe(true);
    const cine = view.series.find((s) => s.description === 'CINE');
    expect(cine?.instances).toEqual([expect.objectContaining({ kind: 'image', frames: 4, rows: 8, columns: 8 })]);
    expect(view.attachments).toEqual([expect.objectContaining({ kind: 'pdf' })]);
  });

  it('answers NOT_FOUND for a study that is not in the vault', async () => {
    await expect(core.getStudyView({ studyId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('listSeriesInstances', () => {
  it('gives the same ordered instances as the study view, and NOT_FOUND for an unknown series', async () => {
    const view = await core.getStudyView({ studyId: await theStudyId() });
    for (const series of view.series) expect(await core.listSeriesInstances({ seriesId: series.id })).toEqual(series.instances);
    await expect(core.listSeriesInstances({ seriesId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
