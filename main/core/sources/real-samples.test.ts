import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDicomdirWithDcmjs } from '../../test-support/sources/dicomdir-fixture';
import { DICOMDIR_UNREADABLE_WARNING } from './dicomdir-order';
import { scanSources } from './scan-sources';
import { summary } from '../../test-support/sources/test-helpers';
import type { DicomdirParser, SourceFile, SourceScan } from './types';

const repoRoot = resolve(import.meta.dirname, '../../..');
const samples = resolve(repoRoot, '../shared/dicom-samples');
const cdTree = resolve(samples, 'dicomdir-cd/pydicom-dicomdirtests');
const exists = existsSync(cdTree);

function listedPaths(scan: SourceScan): string[] {
  return scan.items.flatMap((i) => (i.kind === 'file' && i.file.hint === 'dicomdir-listed' ? [i.file.relativePath] : []));
}

function files(scan: SourceScan): SourceFile[] {
  return scan.items.flatMap((i) => (i.kind === 'file' ? [i.file] : []));
}

/** Parses `variant` in place of the tree's top DICOMDIR, so each variant is tried without copying files. */
function withVariant(variant: string): DicomdirParser {
  const top = readFileSync(resolve(cdTree, 'DICOMDIR'));
  const replacement = readFileSync(resolve(cdTree, variant));
  return (bytes) => parseDicomdirWithDcmjs(Buffer.from(bytes).equals(top) ? replacement : bytes);
}

describe.skipIf(!exists)('pydicom dicomdirtests CD tree', () => {
  it('uses both DICOMDIRs, in their order, and returns every file', async () => {
    const scan = await scanSources([cdTree], { parseDicomdir: parseDicomdirWithDcmjs });
    expect(scan.medium).toEqual({ kind: 'cd', names: ['pydicom-dicomdirtests'], volumeLabel: null, dicomdir: 'pydicom-dicomdirtests/DICOMDIR', dicomdirWarnings: [] });
    expect(scan.totalFiles).toBe(89);
    expect(scan.totalBytes).toBe(206674);
    const rows = summary(scan);
    expect(rows.slice(0, 3)).toEqual([
      ['file', 'pydicom-dicomdirtests/DICOMDIR', 'candidate'],
      ['file', 'pydicom-dicomdirtests/77654033/CR1/6154', 'dicomdir-listed'],
      ['file', 'pydicom-dicomdirtests/77654033/CR2/6247', 'dicomdir-listed'],
    ]);
    // DICOMDIR order, not name order: 15820 is listed before 4919 in MR1.
    expect(rows[15]).toEqual(['file', 'pydicom-dicomdirtests/98892003/MR1/15820', 'dicomdir-listed']);
    expect(rows[32]).toEqual(['file', 'pydicom-dicomdirtests/TINY_ALPHA/DICOMDIR', 'candidate']);
    expect(listedPaths(scan).length).toBe(81);
    expect(rows.slice(-8)).toEqual([
      ...['bigEnd', 'empty.dcm', 'implicit', 'nooffset', 'nopatient', 'reordered'].map((v) => ['file', `pydicom-dicomdirtests/DICOMDIR-${v}`, 'candidate']),
      ['skipped', 'pydicom-dicomdirtests/README.txt', 'DISC_DOCUMENT'],
      ['skipped', 'pydicom-dicomdirtests/TINY_ALPHA/README', 'DISC_DOCUMENT'],
    ]);
    for (const file of files(scan)) {
      const bytes = await file.read();
      expect(bytes.length).toBe(file.size);
      expect(bytes.toString('latin1', 128, 132)).toBe('DICM');
    }
  });

  it.each(['DICOMDIR-bigEnd', 'DICOMDIR-implicit', 'DICOMDIR-reordered', 'DICOMDIR-nopatient'])('lists the same files with %s', async (variant) => {
    const canonical = await scanSources([cdTree], { parseDicomdir: parseDicomdirWithDcmjs });
    const scan = await scanSources([cdTree], { parseDicomdir: withVariant(variant) });
    expect(scan.medium.kind).toBe('cd');
    expect(scan.medium.dicomdirWarnings).toEqual([]);
    expect([...listedPaths(scan)].sort()).toEqual([...listedPaths(canonical)].sort());
  });

  it('falls back to walking the top tree when its DICOMDIR cannot be parsed (no offsets, dcmjs fails)', async () => {
    const scan = await scanSources([cdTree], { parseDicomdir: withVariant('DICOMDIR-nooffset') });
    expect(scan.medium.dicomdir).toBe('pydicom-dicomdirtests/TINY_ALPHA/DICOMDIR');
    expect(scan.medium.dicomdirWarnings).toEqual([DICOMDIR_UNREADABLE_WARNING]);
    expect(listedPaths(scan).length).toBe(50);
    expect(scan.totalFiles).toBe(89);
  });

  it('uses an empty DICOMDIR and keeps every file as a candidate', async () => {
    const scan = await scanSources([cdTree], { parseDicomdir: withVariant('DICOMDIR-empty.dcm') });
    expect(summary(scan)[0]).toEqual(['file', 'pydicom-dicomdirtests/DICOMDIR', 'candidate']);
    expect(scan.medium.dicomdirWarnings).toEqual([]);
    expect(listedPaths(scan).length).toBe(50);
    expect(scan.totalFiles).toBe(89);
  });
});

describe.skipIf(!existsSync(resolve(samples, 'zip-archives/abd1.zip')))('real archives', () => {
  it('lists and inflates abd1.zip, a portal download', async () => {
    const scan = await scanSources([resolve(samples, 'zip-archives/abd1.zip')]);
    expect(scan.medium).toEqual({ kind: 'zip', names: ['abd1.zip'], volumeLabel: null, dicomdir: null, dicomdirWarnings: [] });
    expect(summary(scan)).toEqual(
      [2, 10, 9, 8, 7, 6, 5, 4, 3, 11, 1].map((n) => ['file', `abd1.zip/adb1_${n}.dcm`, 'candidate']),
    );
    expect(scan.totalBytes).toBe(1491058);
    for (const file of files(scan)) {
      const bytes = await file.read();
      expect(bytes.length).toBe(file.size);
      expect(bytes.toString('latin1', 128, 132)).toBe('DICM');
    }
  });

  it('refuses zipMR.gz with an "extract it first" reason', async () => {
    const scan = await scanSources([resolve(samples, 'malformed/zipMR.gz')]);
    expect(summary(scan)).toEqual([['failed', 'zipMR.gz', 'ARCHIVE_UNSUPPORTED']]);
  });
});
