import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDicom, makeSeries } from '../../test-support/dicom-fixtures';
import { readDicomdir } from '../dicom/dicomdir';
import { buildDicomdir } from '../../test-support/sources/dicomdir-fixture';
import { missingFilesWarning } from '../sources/dicomdir-order';
import { scanSources } from '../sources/scan-sources';
import { fileItem, itemsWithBytes, readErrorCode, scratchDir, summary } from '../../test-support/sources/test-helpers';
import { buildZip } from '../../test-support/sources/zip-fixture';
import { scanUploads } from './upload-source';
import type { StagedFile } from './upload-staging';

const [IM1, IM2] = makeSeries(2) as [Buffer, Buffer];
const EXTRA = makeDicom({ seed: 3 });
const LOOSE = makeDicom({ seed: 4 });
const AUTORUN = '[autorun]\r\nopen=VIEWER\\viewer.exe\r\nlabel=TEST DISC\r\n';

function staged(entries: [string, Buffer | string][]): StagedFile[] {
  return entries.map(([relativePath, bytes]) => ({ relativePath, bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) }));
}

const cdFolder: [string, Buffer | string][] = [
  ['CD/DICOMDIR', buildDicomdir(['IMAGES/IM0002', 'IMAGES/IM0001', 'IMAGES/IM0003'])],
  ['CD/IMAGES/IM0001', IM1],
  ['CD/IMAGES/IM0002', IM2],
  ['CD/IMAGES/EXTRA', EXTRA],
  ['CD/IMAGES/empty', ''],
  ['CD/autorun.inf', AUTORUN],
  ['CD/VIEWER/viewer.exe', 'MZ'],
  ['CD/index.html', '<html></html>'],
];

describe('scanUploads', () => {
  it('uses the DICOMDIR of an uploaded folder and skips the disc furniture', async () => {
    const scan = await scanUploads(staged(cdFolder), { parseDicomdir: readDicomdir });
    expect(summary(scan)).toEqual([
      ['file', 'CD/DICOMDIR', 'candidate'],
      ['file', 'CD/IMAGES/IM0002', 'dicomdir-listed'],
      ['file', 'CD/IMAGES/IM0001', 'dicomdir-listed'],
      ['file', 'CD/IMAGES/EXTRA', 'candidate'],
      ['skipped', 'CD/IMAGES/empty', 'EMPTY_FILE'],
      ['skipped', 'CD/VIEWER/viewer.exe', 'VIEWER_PROGRAM'],
      ['skipped', 'CD/autorun.inf', 'DISC_SETTINGS'],
      ['skipped', 'CD/index.html', 'VIEWER_FILE'],
    ]);
    expect(scan.medium).toEqual({
      kind: 'cd',
      names: ['CD'],
      volumeLabel: 'TEST DISC',
      dicomdir: 'CD/DICOMDIR',
      dicomdirWarnings: [missingFilesWarning(1)],
    });
    expect(scan.totalFiles).toBe(4);
    expect(scan.totalBytes).toBe((cdFolder[0]?.[1].length ?? 0) + IM1.length + IM2.length + EXTRA.length);
    expect(await fileItem(scan, 'CD/IMAGES/IM0001').read()).toEqual(IM1);
    const exe = scan.items.find((item) => item.kind === 'skipped' && item.relativePath === 'CD/VIEWER/viewer.exe');
    expect(exe?.kind === 'skipped' ? exe.reason : '').toBe('Viewer program included on the disc — not a medical image');
  });

  it('opens an uploaded zip in memory, with nested zips, unsafe entries and the limits', async () => {
    const inner = buildZip([{ name: 'IM9', data: IM2 }]);
    const zip = buildZip([
      { name: 'study/IM1', data: IM1 },
      { name: 'study/inner.zip', data: inner },
      { name: '../evil', data: EXTRA },
      { name: 'viewer/setup.exe', data: Buffer.from('MZ') },
      { name: 'bad-crc', data: LOOSE, method: 0, declaredCrc: 1 },
    ]);
    const files = staged([['portal.zip', zip]]);
    const scan = await scanUploads(files, { parseDicomdir: readDicomdir });
    expect(summary(scan)).toEqual([
      ['file', 'portal.zip/study/IM1', 'candidate'],
      ['file', 'portal.zip/study/inner.zip/IM9', 'candidate'],
      ['failed', 'portal.zip/../evil', 'ZIP_ENTRY_UNSAFE_NAME'],
      ['skipped', 'portal.zip/viewer/setup.exe', 'VIEWER_PROGRAM'],
      ['file', 'portal.zip/bad-crc', 'candidate'],
    ]);
    expect(scan.medium).toEqual({ kind: 'zip', names: ['portal.zip'], volumeLabel: null, dicomdir: null, dicomdirWarnings: [] });
    expect(scan.totalBytes).toBe(IM1.length + IM2.length + LOOSE.length);
    expect(await fileItem(scan, 'portal.zip/study/IM1').read()).toEqual(IM1);
    expect(await fileItem(scan, 'portal.zip/study/inner.zip/IM9').read()).toEqual(IM2);
    expect(await readErrorCode(fileItem(scan, 'portal.zip/bad-crc'))).toBe('ZIP_ENTRY_CORRUPT');

    const limited = await scanUploads(files, { parseDicomdir: readDicomdir, limits: { maxEntries: 3 } });
    expect(summary(limited)).toEqual([['failed', 'portal.zip', 'ARCHIVE_TOO_MANY_FILES']]);
    const flat = await scanUploads(files, { parseDicomdir: readDicomdir, limits: { maxNestingDepth: 0 } });
    expect(summary(flat)[1]).toEqual(['failed', 'portal.zip/study/inner.zip', 'ARCHIVE_NESTED_TOO_DEEP']);
  });

  it('skips an autorun.inf and a viewer .exe sent as loose files', async () => {
    const scan = await scanUploads(staged([['autorun.inf', AUTORUN], ['Setup.EXE', 'MZ'], ['scan.dcm', LOOSE]]), { parseDicomdir: readDicomdir });
    expect(summary(scan)).toEqual([
      ['skipped', 'autorun.inf', 'DISC_SETTINGS'],
      ['skipped', 'Setup.EXE', 'VIEWER_PROGRAM'],
      ['file', 'scan.dcm', 'candidate'],
    ]);
    expect(scan.medium).toEqual({ kind: 'files', names: ['autorun.inf', 'Setup.EXE', 'scan.dcm'], volumeLabel: null, dicomdir: null, dicomdirWarnings: [] });
    expect(scan.totalFiles).toBe(1);
  });

  it('fails unsafe relative paths one by one and scans the rest', async () => {
    const scan = await scanUploads(
      staged([
        ['../outside.dcm', LOOSE],
        ['/etc/passwd', 'root'],
        ['C:\\Windows\\x.dcm', LOOSE],
        ['ok/../../up.dcm', LOOSE],
        ['bell\u0007.dcm', LOOSE],
        ['', LOOSE],
        ['folder/IM1', IM1],
      ]),
      { parseDicomdir: readDicomdir },
    );
    expect(summary(scan)).toEqual([
      ['file', 'folder/IM1', 'candidate'],
      ['failed', '../outside.dcm', 'UPLOAD_UNSAFE_NAME'],
      ['failed', '/etc/passwd', 'UPLOAD_UNSAFE_NAME'],
      ['failed', 'C:/Windows/x.dcm', 'UPLOAD_UNSAFE_NAME'],
      ['failed', 'ok/../../up.dcm', 'UPLOAD_UNSAFE_NAME'],
      ['failed', 'bell?.dcm', 'UPLOAD_UNSAFE_NAME'],
      ['failed', '', 'UPLOAD_UNSAFE_NAME'],
    ]);
    expect(scan.medium).toEqual({ kind: 'folder', names: ['folder'], volumeLabel: null, dicomdir: null, dicomdirWarnings: [] });
    expect(scan.totalFiles).toBe(1);
    const failure = scan.items[1];
    expect(failure?.kind === 'failed' ? failure.error : '').toBe(
      'This file was sent with a name ScanVault cannot use safely (for example one pointing outside the folder you chose), so it was not opened.',
    );
  });
});

describe('scanUploads matches scanSources on the same tree', () => {
  const disk = scratchDir('upload-compare');
  afterAll(() => disk.remove());

  const tree: [string, Buffer | string][] = [
    ...cdFolder,
    ['CD/IMAGES/IM0004;1', makeDicom({ seed: 5 })],
    ['CD/README.TXT', 'Insert the disc'],
    ['CD/.DS_Store', 'junk'],
    ['CD/Viewer.app/Contents/MacOS/Viewer', 'binary'],
    ['CD/EXPORT/study.zip', buildZip([{ name: 'IM1', data: IM1 }, { name: '__MACOSX/._IM1', data: Buffer.from('apple') }])],
    ['loose.dcm', LOOSE],
    ['USB/CD1/dicomdir', buildDicomdir(['A/IM1'])],
    ['USB/CD1/A/IM1', IM1],
    ['USB/deep/CD2/DICOMDIR', buildDicomdir(['B/IM2'])],
    ['USB/deep/CD2/B/IM2', IM2],
    ['portal.zip', buildZip([
      { name: 'CD/DICOMDIR', data: buildDicomdir(['IMAGES/IM2']) },
      { name: 'CD/IMAGES/IM2', data: IM2 },
      { name: 'CD/IMAGES/BAD', data: LOOSE, method: 0, declaredCrc: 7 },
      { name: 'nested.zip', data: buildZip([{ name: 'X', data: EXTRA }]) },
      { name: '/abs', data: EXTRA },
    ])],
    ['notes.7z', '7z'],
    ['broken.zip', 'not a zip'],
  ];

  it('gives the same items, reasons, bytes and medium', async () => {
    for (const [path, bytes] of tree) disk.write(path, bytes);
    const roots = ['CD', 'loose.dcm', 'USB', 'portal.zip', 'notes.7z', 'broken.zip'];
    const fromDisk = await scanSources(roots.map((root) => join(disk.root, root)), { parseDicomdir: readDicomdir });
    const fromMemory = await scanUploads(staged(tree), { parseDicomdir: readDicomdir });

    expect(summary(fromMemory)).toEqual([
      ['file', 'CD/DICOMDIR', 'candidate'],
      ['file', 'CD/IMAGES/IM0002', 'dicomdir-listed'],
      ['file', 'CD/IMAGES/IM0001', 'dicomdir-listed'],
      ['skipped', 'CD/.DS_Store', 'SYSTEM_FILE'],
      ['file', 'CD/EXPORT/study.zip/IM1', 'candidate'],
      ['skipped', 'CD/EXPORT/study.zip/__MACOSX', 'SYSTEM_FILE'],
      ['file', 'CD/IMAGES/EXTRA', 'candidate'],
      ['file', 'CD/IMAGES/IM0004;1', 'candidate'],
      ['skipped', 'CD/IMAGES/empty', 'EMPTY_FILE'],
      ['skipped', 'CD/README.TXT', 'DISC_DOCUMENT'],
      ['skipped', 'CD/VIEWER/viewer.exe', 'VIEWER_PROGRAM'],
      ['skipped', 'CD/Viewer.app', 'VIEWER_PROGRAM'],
      ['skipped', 'CD/autorun.inf', 'DISC_SETTINGS'],
      ['skipped', 'CD/index.html', 'VIEWER_FILE'],
      ['file', 'loose.dcm', 'candidate'],
      ['file', 'USB/CD1/dicomdir', 'candidate'],
      ['file', 'USB/CD1/A/IM1', 'dicomdir-listed'],
      ['file', 'USB/deep/CD2/B/IM2', 'candidate'],
      ['file', 'USB/deep/CD2/DICOMDIR', 'candidate'],
      ['file', 'portal.zip/CD/DICOMDIR', 'candidate'],
      ['file', 'portal.zip/CD/IMAGES/IM2', 'dicomdir-listed'],
      ['file', 'portal.zip/CD/IMAGES/BAD', 'candidate'],
      ['file', 'portal.zip/nested.zip/X', 'candidate'],
      ['failed', 'portal.zip//abs', 'ZIP_ENTRY_UNSAFE_NAME'],
      ['failed', 'notes.7z', 'ARCHIVE_UNSUPPORTED'],
      ['failed', 'broken.zip', 'ARCHIVE_CORRUPT'],
    ]);
    expect(await itemsWithBytes(fromMemory)).toEqual(await itemsWithBytes(fromDisk));
    expect(fromMemory.medium).toEqual(fromDisk.medium);
    expect(fromMemory.medium).toEqual({
      kind: 'cd',
      names: roots,
      volumeLabel: 'TEST DISC',
      dicomdir: 'CD/DICOMDIR',
      dicomdirWarnings: [missingFilesWarning(1)],
    });
    expect([fromMemory.totalFiles, fromMemory.totalBytes]).toEqual([fromDisk.totalFiles, fromDisk.totalBytes]);
    expect(await readErrorCode(fileItem(fromMemory, 'portal.zip/CD/IMAGES/BAD'))).toBe('ZIP_ENTRY_CORRUPT');
  });
});
