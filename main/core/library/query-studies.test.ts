/** The library query: every filter, the sorts and paging, on studies imported through the core; and its time at 10,000 studies. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import { StudyQuery } from '../../../shared/api/library-query';
import { FAST_KDF, makeSeries, type FixtureOptions } from '../../test-support/dicom-fixtures';
import { insertBulkStudies } from '../../test-support/library/bulk-studies';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';

const PASS = 'correct horse battery staple';
let root: string;
let core: ScanVaultCore;

const STUDIES: Record<string, [FixtureOptions, string]> = {
  chest: [{ patientName: 'DOE^JANE', patientId: 'M-1', modality: 'CT', bodyPart: 'CHEST', studyDate: '20240110', studyDescription: 'CT CHEST', seriesDescription: 'LUNG 1MM', institution: 'Mercy Hospital' }, 'CD from Mercy'],
  knee: [{ patientName: 'DOE^JANE', patientId: 'N-2', modality: 'MR', bodyPart: 'KNEE', studyDate: '20230505', studyDescription: 'MR KNEE', seriesDescription: 'SAGITTAL T2', institution: 'Northside' }, 'USB stick'],
  belly: [{ patientName: 'SMITH^JOHN', patientId: 'C-3', birthDate: '19500101', modality: 'US', bodyPart: 'ABDOMEN', studyDate: '20220101', studyDescription: 'US 100% ABDOMEN', seriesDescription: 'LIVER', institution: 'Clinic' }, 'CD from Mercy'],
};

async function importFolder(folder: string, sourceLabel: string): Promise<void> {
  const { jobId } = await core.startImport({ paths: [folder], provenance: { sourceLabel } });
  expect((await core.waitForJob(jobId)).state).toBe('done');
}

const query = (q: ApiInput<'queryStudies'>) => core.queryStudies(StudyQuery.parse(q));
const descriptions = async (q: ApiInput<'queryStudies'>): Promise<(string | null)[]> => (await query(q)).studies.map((s) => s.description);

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-query-'));
  core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
  await core.createVault({ passphrase: PASS });
  for (const [name, [options, source]] of Object.entries(STUDIES)) {
    const dir = path.join(root, name);
    mkdirSync(dir);
    makeSeries(2, options).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
    await importFolder(dir, source);
  }
});

afterAll(async () => {
  await core.lockNow();
  rmSync(root, { recursive: true, force: true });
});

describe('queryStudies', () => {
  it('lists every study newest first with its series, sources and whose it is', async () => {
    const page = await query({});
    expect(page.total).toBe(3);
    expect(page.studies.map((s) => s.description)).toEqual(['CT CHEST', 'MR KNEE', 'US 100% ABDOMEN']);
    const chest = page.studies[0]!;
    expect(chest).toMatchObject({ date: '20240110', institution: 'Mercy Hospital', modalities: ['CT'], sources: ['CD from Mercy'], seriesCount: 1, instanceCount: 2 });
    expect(chest.series[0]).toMatchObject({ modality: 'CT', bodyPart: 'CHEST', description: 'LUNG 1MM', instanceCount: 2, conflictCount: 0 });
    expect(chest.patient).toMatchObject({ name: 'DOE^JANE', patientId: 'M-1' });
    // Same name and birth date at two hospitals: one person.
    expect(page.studies[1]!.person!.id).toBe(chest.person!.id);
    expect(page.studies[2]!.person!.id).not.toBe(chest.person!.id);
  });

  it('sorts oldest first, by patient name and by description', async () => {
    expect(await descriptions({ sort: 'date-oldest' })).toEqual(['US 100% ABDOMEN', 'MR KNEE', 'CT CHEST']);
    expect(await descriptions({ sort: 'patient-name' })).toEqual(['CT CHEST', 'MR KNEE', 'US 100% ABDOMEN']);
    expect(await descriptions({ sort: 'description' })).toEqual(['CT CHEST', 'MR KNEE', 'US 100% ABDOMEN']);
  });

  it('searches every word over names, descriptions, series, body part, facility and source', async () => {
    expect(await descriptions({ text: 'knee' })).toEqual(['MR KNEE']);
    expect(await descriptions({ text: 'jane ct' })).toEqual(['CT CHEST']);
    expect(await descriptions({ text: 'Jane Doe' })).toEqual(['CT CHEST', 'MR KNEE']);
    expect(await descriptions({ text: 'sagittal' })).toEqual(['MR KNEE']); // series description
    expect(await descriptions({ text: 'liver' })).toEqual(['US 100% ABDOMEN']);
    expect(await descriptions({ text: 'northside' })).toEqual(['MR KNEE']); // facility
    expect(await descriptions({ text: 'usb' })).toEqual(['MR KNEE']); // source
    expect(await descriptions({ text: 'chest' })).toEqual(['CT CHEST']); // body part and description
    expect(await descriptions({ text: 'smith^john' })).toEqual(['US 100% ABDOMEN']);
    expect(await descriptions({ text: 'nothing-like-this' })).toEqual([]);
  });

  it('treats % and _ in the search as plain characters', async () => {
    expect(await descriptions({ text: '100%' })).toEqual(['US 100% ABDOMEN']);
    expect(await descriptions({ text: '%' })).toEqual(['US 100% ABDOMEN']);
    expect(await descriptions({ text: '_' })).toEqual([]);
  });

  it('filters by date range, modality, body part, source, facility, person and import', async () => {
    expect(await descriptions({ from: '2023-01-01' })).toEqual(['CT CHEST', 'MR KNEE']);
    expect(await descriptions({ to: '2023-05-05' })).toEqual(['MR KNEE', 'US 100% ABDOMEN']);
    expect(await descriptions({ from: '2023-05-05', to: '2023-05-05' })).toEqual(['MR KNEE']);
    expect(await descriptions({ modality: 'MR' })).toEqual(['MR KNEE']);
    expect(await descriptions({ bodyPart: 'ABDOMEN' })).toEqual(['US 100% ABDOMEN']);
    expect(await descriptions({ source: 'CD from Mercy' })).toEqual(['CT CHEST', 'US 100% ABDOMEN']);
    expect(await descriptions({ facility: 'Clinic' })).toEqual(['US 100% ABDOMEN']);
    expect(await descriptions({ source: 'CD from Mercy', text: 'jane' })).toEqual(['CT CHEST']);
    const jane = (await query({ text: 'knee' })).studies[0]!.person!.id;
    expect(await descriptions({ personId: jane })).toEqual(['CT CHEST', 'MR KNEE']);
    const imports = (await core.listImports()).imports;
    const usb = imports.find((i) => i.sourceLabel === 'USB stick')!;
    expect(usb).toMatchObject({ studyCount: 1, pictureCount: 2, reportCount: 0 });
    expect(await descriptions({ importId: usb.id })).toEqual(['MR KNEE']);
  });

  it('pages with offset and limit; the total counts every match', async () => {
    expect(await query({ limit: 1, offset: 1 })).toMatchObject({ total: 3, offset: 1, studies: [{ description: 'MR KNEE' }] });
    expect(await query({ limit: 2, offset: 2, text: 'doe' })).toMatchObject({ total: 2, studies: [] });
    expect(StudyQuery.safeParse({ limit: 201 }).success).toBe(false);
    expect(StudyQuery.safeParse({ from: '2024-01-02', to: '2024-01-01' }).success).toBe(false);
    expect(StudyQuery.safeParse({ from: '2024-02-30' }).success).toBe(false);
  });

  it('offers the filter choices that exist in the vault', async () => {
    const f = await core.getLibraryFilters();
    expect(f).toMatchObject({ studyCount: 3, modalities: ['CT', 'MR', 'US'], bodyParts: ['ABDOMEN', 'CHEST', 'KNEE'], facilities: ['Clinic', 'Mercy Hospital', 'Northside'] });
    expect(f.sources).toEqual(['CD from Mercy', 'USB stick']);
    expect(f.people.map((p) => p.recordName).sort()).toEqual(['DOE^JANE', 'SMITH^JOHN']);
  });
});

describe('queryStudies at 10,000 studies', () => {
  it('answers a page and a search (times printed, not asserted: the benchmark checks the target)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-query-big-'));
    const big = new ScanVaultCore({ vaultDir: path.join(dir, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
    try {
      await big.createVault({ passphrase: PASS });
      await big.requireVault().writes.run((db) => insertBulkStudies(db, 10_000));
      const cases: [string, ApiInput<'queryStudies'>][] = [
        ['first page', {}], ['search "knee"', { text: 'knee' }], ['search "jane head"', { text: 'jane head' }],
        ['modality MR', { modality: 'MR' }], ['patient-name sort', { sort: 'patient-name' }], ['source', { source: 'CD 7 from Mercy Hospital' }],
        ['search no match', { text: 'zzzz' }], ['last page', { offset: 9_950 }],
      ];
      for (const [label, q] of cases) {
        const parsed = StudyQuery.parse(q);
        const times: number[] = [];
        let total = 0;
        for (let i = 0; i < 7; i++) {
          const t0 = performance.now();
          total = (await big.queryStudies(parsed)).total;
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        console.log(`queryStudies 10k, ${label}: median ${times[3]!.toFixed(1)} ms (${total} matches)`);
      }
      expect((await big.queryStudies(StudyQuery.parse({}))).total).toBe(10_000);
      expect((await big.queryStudies(StudyQuery.parse({ limit: 200 }))).studies).toHaveLength(200);
    } finally {
      await big.lockNow();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
