/** Compare on real sample files: compressed originals, multi-frame images, nested sequences (dcmtk makes the copies). */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../shared/compare/compare-report';
import { dcmodify, dcmtkReencode, paintRegion, toolPresent } from '../../test-support/compare/altered-copies';
import { makeCompareVault, type CompareVault } from '../../test-support/compare/compare-vault';
import { sampleBytes, samplesPresent } from '../../test-support/sample-corpus';

const JPEG_LS = 'multiframe/enhanced-mr-small/emri_small_jpeg_ls_lossless.dcm';
const CT = 'ct-series/chest-ct-3slice-ge/01.dcm';
const NESTED_UID = '1.2.3.4.5.6.7';

const ready = samplesPresent && toolPresent('dcmdjpls', 'compare sample tests') && toolPresent('dcmodify', 'compare sample tests');

describe.runIf(ready)('compare on real samples', () => {
  let vault: CompareVault;
  let got: Map<string, CompareResult>;

  beforeAll(async () => {
    const jpegLs = sampleBytes(JPEG_LS);
    // The stored CT gets a Referenced Image Sequence, so a copy can change a value inside it.
    const ct = dcmodify(sampleBytes(CT), ['-i', `(0008,1140)[0].(0008,1155)=${NESTED_UID}`, '-i', '(0008,1140)[0].(0008,1150)=1.2.840.10008.5.1.4.1.1.2']);
    vault = await makeCompareVault([{ 'mr.dcm': jpegLs, 'ct.dcm': ct }]);
    const decompressed = dcmtkReencode(jpegLs, 'dcmdjpls')!;
    const dir = vault.writeCopies('copies', {
      'mr-decompressed.dcm': decompressed,
      'mr-frame3-painted.dcm': paintRegion(decompressed, [10, 20, 29, 24], 60000, 2),
      'ct-nested-edit.dcm': dcmodify(ct, ['-m', '(0008,1140)[0].(0008,1155)=9.8.7.6']),
      'ct-item-added.dcm': dcmodify(ct, ['-i', '(0008,1140)[1].(0008,1155)=5.5.5']),
    });
    got = new Map((await vault.compare([dir])).results.map((r) => [path.basename(r.path), r]));
  }, 120_000);

  afterAll(async () => { await vault.cleanup(); });

  it('a JPEG-LS original and its decompressed copy have the same pixels (decoded frames compared)', () => {
    const r = got.get('mr-decompressed.dcm');
    expect(r?.outcome).toBe('same-pixels');
    expect(r?.changes?.[0]).toMatchObject({ keyword: 'TransferSyntaxUID', before: '1.2.840.10008.1.2.4.80', after: '1.2.840.10008.1.2.1' });
  });

  it('a region painted in frame 3 of 10 is found in that frame only, with its exact box', () => {
    const r = got.get('mr-frame3-painted.dcm');
    expect(r?.outcome).toBe('pixels-changed');
    expect(r?.pixels?.frames.map((f) => [f.frame, f.boxes, f.changed])).toEqual([[3, [[10, 20, 29, 24]], 100]]);
  });

  it('a value changed inside a sequence is listed with its nested path', () => {
    const r = got.get('ct-nested-edit.dcm');
    expect(r?.outcome).toBe('same-pixels');
    expect(r?.changes).toEqual([{ tag: '(0008,1155)', keyword: 'ReferencedSOPInstanceUID', change: 'changed', before: NESTED_UID, after: '9.8.7.6', path: '(0008,1140)[0](0008,1155)' }]);
  });

  it('an item added to a sequence is listed as the sequence changing and the new item’s attributes added', () => {
    const r = got.get('ct-item-added.dcm');
    expect(r?.changes).toEqual([
      expect.objectContaining({ path: '(0008,1140)', change: 'changed', before: '1 item', after: '2 items' }),
      expect.objectContaining({ path: '(0008,1140)[1](0008,1155)', change: 'added', after: '5.5.5' }),
    ]);
  });
});
