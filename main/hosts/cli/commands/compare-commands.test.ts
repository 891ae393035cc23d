import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareReport } from '../../../../shared/compare/compare-report';
import { makeDicom, newUid } from '../../../test-support/dicom-fixtures';
import { paintRegion, withAttribute, withNewFileMeta } from '../../../test-support/compare/altered-copies';
import { cliRun, makeSmallVault } from '../../../test-support/verify/small-vault';

const SOP = newUid();
const original = makeDicom({ sopUid: SOP, rows: 32, columns: 32 });
let root: string;
let vault: string;

function copies(name: string, files: Record<string, Uint8Array>): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  for (const [file, bytes] of Object.entries(files)) writeFileSync(path.join(dir, file), bytes);
  return dir;
}

beforeAll(async () => {
  ({ root, vault } = await makeSmallVault(1));
  const source = copies('original', { 'IM.dcm': original });
  const imported = await cliRun(['--vault', vault, '--json', 'import', source, '--source', 'Second CD']);
  expect(imported.code).toBe(0);
}, 60_000);

afterAll(() => { rmSync(root, { recursive: true, force: true }); });

describe('scanvault compare', () => {
  it('exits 0 with JSON results when every copy is identical or only has new file meta', async () => {
    const dir = copies('unchanged', { 'a.dcm': original, 'b.dcm': withNewFileMeta(original) });
    const run = await cliRun(['--vault', vault, '--json', 'compare', dir]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CompareReport;
    expect(report.results.map((r) => [path.basename(r.path), r.outcome])).toEqual([['a.dcm', 'identical'], ['b.dcm', 'same-dataset']]);
    expect(report.results[0]?.original?.sopInstanceUid).toBe(SOP);
    expect(report.results[0]).not.toHaveProperty('copyId');
    expect(run.stderr).toMatch(/\d+ of \d+|file/i);
  });

  it('exits 4 when a copy was changed, with the changes in JSON and in plain words', async () => {
    const dir = copies('changed', { 'painted.dcm': paintRegion(original, [2, 3, 9, 4], 9000), 'edited.dcm': withAttribute(original, 0x00100020, 'LO', 'OTHER-ID') });
    const json = await cliRun(['--vault', vault, '--json', 'compare', dir]);
    expect(json.code).toBe(4);
    const report = JSON.parse(json.stdout) as CompareReport;
    const painted = report.results.find((r) => r.path.endsWith('painted.dcm'));
    expect(painted?.outcome).toBe('pixels-changed');
    expect(painted?.pixels).toEqual({ changed: 16, frames: [{ frame: 1, boxes: [[2, 3, 9, 4]], changed: 16, maxDiff: expect.any(Number) as unknown, meanDiff: expect.any(Number) as unknown }] });
    const edited = report.results.find((r) => r.path.endsWith('edited.dcm'));
    expect(edited?.changes).toEqual([{ tag: '(0010,0020)', keyword: 'PatientID', change: 'changed', before: 'MRN-0001', after: 'OTHER-ID', path: '(0010,0020)' }]);

    const human = await cliRun(['--vault', vault, 'compare', dir]);
    expect(human.code).toBe(4);
    expect(human.stdout).toContain('The picture was changed: 16 pixels in 1 area');
    expect(human.stdout).toContain('Same picture, details changed: 1 detail');
    expect(human.stdout).toContain('PatientID changed from MRN-0001 to OTHER-ID');
    expect(human.stdout).toContain('Not every copy matches your originals');
  });

  it('exits 4 for an image the vault does not hold, and names a missing path plainly', async () => {
    // Not the small vault's 16 x 16 images: those pixels it holds, and would be found by them.
    const dir = copies('stranger', { 'x.dcm': makeDicom({ rows: 20, columns: 20 }) });
    const run = await cliRun(['--vault', vault, '--json', 'compare', dir]);
    expect(run.code).toBe(4);
    expect((JSON.parse(run.stdout) as CompareReport).results[0]?.outcome).toBe('no-original');
    const missing = await cliRun(['--vault', vault, '--json', 'compare', path.join(root, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('PATH_NOT_FOUND');
  });
});
