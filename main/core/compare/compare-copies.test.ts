import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { CompareResult } from '../../../shared/compare/compare-report';
import { makeDicom, newUid } from '../../test-support/dicom-fixtures';
import { dcmtkReencode, paintRegion, toolPresent, withAttribute, withNewFileMeta, withNewUids } from '../../test-support/compare/altered-copies';
import { makeCompareVault, type CompareVault } from '../../test-support/compare/compare-vault';

const SOP = newUid();
const SECOND_SOP = newUid();
const CONFLICT_SOP = newUid();
/** With a position in the patient, so a copy with new UIDs and new pixels can still be paired by geometry. */
function positioned(bytes: Uint8Array): Buffer {
  let out = withAttribute(bytes, 0x00200032, 'DS', '-120\\-95.5\\42');
  out = withAttribute(out, 0x00200037, 'DS', '1\\0\\0\\0\\1\\0');
  return withAttribute(out, 0x00280030, 'DS', '0.5\\0.5');
}
const original = positioned(makeDicom({ sopUid: SOP, rows: 64, columns: 48, studyDate: '20240315' }));
const second = makeDicom({ sopUid: SECOND_SOP, rows: 32, columns: 32, seed: 3 });
const conflictA = makeDicom({ sopUid: CONFLICT_SOP, rows: 16, columns: 16, seed: 1 });
const conflictB = makeDicom({ sopUid: CONFLICT_SOP, rows: 16, columns: 16, seed: 2 });

let vault: CompareVault;
let byName: Map<string, CompareResult>;

beforeAll(async () => {
  vault = await makeCompareVault([{ 'IM1.dcm': original, 'IM2.dcm': second, 'C1.dcm': conflictA }, { 'C2.dcm': conflictB }]);
  const newUids = withNewUids(original).bytes;
  const copies: Record<string, Uint8Array> = {
    'identical.dcm': original,
    'meta.dcm': withNewFileMeta(original),
    'edited.dcm': withAttribute(original, 0x00100010, 'PN', 'SMITH^JOHN'),
    'removed.dcm': withAttribute(original, 0x00080080, 'LO', null),
    'painted.dcm': paintRegion(original, [5, 7, 14, 20], 5000),
    'two-areas.dcm': paintRegion(paintRegion(original, [0, 0, 1, 1], 5000), [40, 50, 47, 63], 5000),
    'new-uids.dcm': newUids,
    'geometry.dcm': paintRegion(newUids, [3, 3, 4, 4], 5000),
    'conflict-b.dcm': conflictB,
    'stranger.dcm': makeDicom({ rows: 20, columns: 20 }),
    'notes.txt': Buffer.from('not an image'),
  };
  const dir = vault.writeCopies('copies', copies);
  const report = await vault.compare([dir]);
  byName = new Map(report.results.map((r) => [path.basename(r.path), r]));
  expect(report.skipped.map((s) => path.basename(s.path))).toEqual(['notes.txt']);
  expect(report.failed).toEqual([]);
}, 60_000);

afterAll(async () => { await vault.cleanup(); });

const result = (name: string): CompareResult => {
  const r = byName.get(name);
  if (r === undefined) throw new Error(`no result for ${name}`);
  return r;
};

describe('compare: each altered copy is classified as the issue says', () => {
  it('the same bytes are identical, matched by SOP Instance UID, with the original UIDs', () => {
    const r = result('identical.dcm');
    expect(r.outcome).toBe('identical');
    expect(r.matchedBy).toBe('sop-instance-uid');
    expect(r.original?.sopInstanceUid).toBe(SOP);
    expect(r.original?.instanceId).toBe(vault.instanceId(SOP));
  });

  it('a rewritten File Meta group only is same-dataset, listing the meta changes', () => {
    const r = result('meta.dcm');
    expect(r.outcome).toBe('same-dataset');
    expect(r.changes?.map((c) => [c.keyword, c.change])).toEqual(expect.arrayContaining([['ImplementationVersionName', 'added'], ['SourceApplicationEntityTitle', 'added']]));
  });

  it('an edited attribute is same-pixels with exactly that change, before and after', () => {
    const r = result('edited.dcm');
    expect(r.outcome).toBe('same-pixels');
    expect(r.changes).toEqual([{ tag: '(0010,0010)', keyword: 'PatientName', change: 'changed', before: 'DOE^JANE', after: 'SMITH^JOHN', path: '(0010,0010)' }]);
  });

  it('a removed attribute is listed as removed', () => {
    expect(result('removed.dcm').changes).toEqual([{ tag: '(0008,0080)', keyword: 'InstitutionName', change: 'removed', before: 'Mercy Hospital', after: null, path: '(0008,0080)' }]);
  });

  it('a painted region is pixels-changed with its exact bounding box, count and differences', () => {
    const r = result('painted.dcm');
    expect(r.outcome).toBe('pixels-changed');
    expect(r.changes).toEqual([]);
    expect(r.pixels?.changed).toBe(10 * 14);
    expect(r.pixels?.frames).toHaveLength(1);
    const frame = r.pixels?.frames[0];
    expect(frame?.frame).toBe(1);
    expect(frame?.boxes).toEqual([[5, 7, 14, 20]]);
    expect(frame?.changed).toBe(140);
    expect(frame?.maxDiff).toBeGreaterThan(5000 - 4096);
    expect(frame?.meanDiff).toBeGreaterThan(0);
    expect(r.copyId).toBeGreaterThan(0);
  });

  it('two painted areas far apart are two boxes', () => {
    expect(result('two-areas.dcm').pixels?.frames[0]?.boxes).toEqual([[0, 0, 1, 1], [40, 50, 47, 63]]);
  });

  it('regenerated UIDs are matched by the pixel digests kept at import; the UID changes are listed', () => {
    const r = result('new-uids.dcm');
    expect(r.matchedBy).toBe('pixel-digest');
    expect(r.outcome).toBe('same-pixels');
    expect(r.original?.sopInstanceUid).toBe(SOP);
    expect(r.changes?.map((c) => c.keyword).sort()).toEqual(['SOPInstanceUID', 'SeriesInstanceUID', 'StudyInstanceUID']);
  });

  it('new UIDs and new pixels are paired by study date and geometry', () => {
    const r = result('geometry.dcm');
    expect(r.matchedBy).toBe('geometry');
    expect(r.outcome).toBe('pixels-changed');
    expect(r.original?.sopInstanceUid).toBe(SOP);
    expect(r.pixels?.frames[0]?.boxes).toEqual([[3, 3, 4, 4]]);
  });

  it('of two stored copies under one SOP Instance UID, the closest is the original', () => {
    const r = result('conflict-b.dcm');
    expect(r.outcome).toBe('identical');
    const ids = vault.core.requireVault().db.prepare<[string], number>('SELECT id FROM instances WHERE sop_instance_uid = ? ORDER BY id').pluck().all(CONFLICT_SOP);
    expect(ids).toHaveLength(2);
    expect(r.original?.instanceId).toBe(ids[1]);
  });

  it('an image the vault does not hold has no original', () => {
    expect(result('stranger.dcm')).toEqual({ path: expect.stringMatching(/stranger\.dcm$/) as unknown, outcome: 'no-original' });
  });
});

describe.runIf(toolPresent('dcmcrle', 'compare re-encode tests') && toolPresent('dcmcjpeg', 'compare re-encode tests'))('compare: lossless re-encodes by dcmtk', () => {
  it('RLE and lossless JPEG copies are same-pixels; RLE changes nothing but the transfer syntax', async () => {
    const rle = dcmtkReencode(original, 'dcmcrle');
    const jpeg = dcmtkReencode(original, 'dcmcjpeg', ['+e1']);
    const dir = vault.writeCopies('reencoded', { 'rle.dcm': rle!, 'jpeg.dcm': jpeg! });
    const report = await vault.compare([dir]);
    const got = new Map(report.results.map((r) => [path.basename(r.path), r]));
    const syntaxChange = (after: string) => ({ tag: '(0002,0010)', keyword: 'TransferSyntaxUID', change: 'changed', before: '1.2.840.10008.1.2.1', after, path: '(0002,0010)' });
    expect(got.get('rle.dcm')?.outcome).toBe('same-pixels');
    expect(got.get('rle.dcm')?.changes).toEqual([syntaxChange('1.2.840.10008.1.2.5')]);
    expect(got.get('jpeg.dcm')?.outcome).toBe('same-pixels');
    // dcmcjpeg also records what it did in Derivation Description (it has no option not to): a real change, listed.
    expect(got.get('jpeg.dcm')?.changes).toEqual([
      syntaxChange('1.2.840.10008.1.2.4.70'),
      expect.objectContaining({ keyword: 'DerivationDescription', change: 'added', before: null }),
    ]);
  }, 30_000);
});
