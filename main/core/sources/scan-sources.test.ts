import { execFileSync } from 'node:child_process';
import { chmodSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICOMDIR_UNREADABLE_WARNING, missingFilesWarning } from './dicomdir-order';
import { nodeFileSystem, type SourceFileSystem } from './fs-access';
import { scanSources, scanSourcesWith } from './scan-sources';
import { dicomLike, fileItem, readErrorCode, scratchDir, summary } from '../../test-support/sources/test-helpers';
import type { DicomdirEntry, DicomdirParser } from './types';
import { buildZip } from '../../test-support/sources/zip-fixture';

const scratch = scratchDir('folder-test');
const cd = join(scratch.root, 'CD');
afterAll(() => scratch.remove());

function refs(...paths: string[]): DicomdirEntry[] {
  return paths.map((p) => ({ referencedFileId: p.split('/'), recordType: 'IMAGE' }));
}

function parserListing(entries: DicomdirEntry[], warnings: string[] = []): DicomdirParser {
  return () => ({ entries, warnings });
}

beforeAll(() => {
  scratch.write('outside-secret', 'not part of the disc');
  scratch.write('CD/DICOMDIR', 'DICOMDIR stand-in');
  scratch.write('CD/IMAGES/IM0002', dicomLike(2));
  scratch.write('CD/IMAGES/IM0001.', dicomLike(1));
  scratch.write('CD/IMAGES/IM0004;1', dicomLike(4));
  scratch.write('CD/IMAGES/EXTRA', dicomLike(5));
  scratch.write('CD/IMAGES/empty', '');
  scratch.write('CD/REPORT.PDF', '%PDF-1.4');
  scratch.write('CD/autorun.inf', '[autorun]\r\nopen=VIEWER\\viewer.exe\r\nlabel=ST ELSEWHERE CT\r\n');
  scratch.write('CD/index.html', '<html></html>');
  scratch.write('CD/README.TXT', 'Insert the disc');
  scratch.write('CD/.DS_Store', 'junk');
  scratch.write('CD/VIEWER/viewer.exe', 'MZ');
  scratch.write('CD/VIEWER/dcm.dll', 'MZ');
  scratch.write('CD/Viewer.app/Contents/MacOS/Viewer', 'binary');
  scratch.write('CD/EXPORT/study.zip', buildZip([{ name: 'IM1', data: dicomLike(7) }]));
  symlinkSync(join(scratch.root, 'outside-secret'), join(cd, 'link-out'));
  symlinkSync(join(cd, 'IMAGES'), join(cd, 'link-in'));
  execFileSync('mkfifo', [join(cd, 'pipe')]);
});

const CD_TREE_WALK: [string, string, string][] = [
  ['skipped', 'CD/.DS_Store', 'SYSTEM_FILE'],
  ['file', 'CD/DICOMDIR', 'candidate'],
  ['file', 'CD/EXPORT/study.zip/IM1', 'candidate'],
  ['file', 'CD/IMAGES/EXTRA', 'candidate'],
  ['file', 'CD/IMAGES/IM0001.', 'candidate'],
  ['file', 'CD/IMAGES/IM0002', 'candidate'],
  ['file', 'CD/IMAGES/IM0004;1', 'candidate'],
  ['skipped', 'CD/IMAGES/empty', 'EMPTY_FILE'],
  ['skipped', 'CD/README.TXT', 'DISC_DOCUMENT'],
  ['file', 'CD/REPORT.PDF', 'candidate'],
  ['skipped', 'CD/VIEWER/dcm.dll', 'VIEWER_PROGRAM'],
  ['skipped', 'CD/VIEWER/viewer.exe', 'VIEWER_PROGRAM'],
  ['skipped', 'CD/Viewer.app', 'VIEWER_PROGRAM'],
  ['skipped', 'CD/autorun.inf', 'DISC_SETTINGS'],
  ['skipped', 'CD/index.html', 'VIEWER_FILE'],
  ['skipped', 'CD/link-in', 'LINK_NOT_FOLLOWED'],
  ['skipped', 'CD/link-out', 'LINK_NOT_FOLLOWED'],
  ['skipped', 'CD/pipe', 'NOT_A_REGULAR_FILE'],
];

describe('a hospital CD tree', () => {
  it('walks it in name order without a DICOMDIR parser', async () => {
    const scan = await scanSources([cd]);
    expect(summary(scan)).toEqual(CD_TREE_WALK);
    expect(scan.medium).toEqual({ kind: 'folder', names: ['CD'], volumeLabel: 'ST ELSEWHERE CT', dicomdir: null, dicomdirWarnings: [] });
    expect(scan.totalFiles).toBe(7);
  });

  it('puts DICOMDIR-listed files first, matching ISO names, and keeps unlisted ones', async () => {
    const parse = parserListing(refs('IMAGES/IM0002', 'images/im0001', 'IMAGES/IM0004', 'IMAGES/IM0003', 'IMAGES/empty'), ['parser note']);
    const scan = await scanSources([cd], { parseDicomdir: parse });
    expect(summary(scan)).toEqual([
      ['file', 'CD/DICOMDIR', 'candidate'],
      ['file', 'CD/IMAGES/IM0002', 'dicomdir-listed'],
      ['file', 'CD/IMAGES/IM0001.', 'dicomdir-listed'],
      ['file', 'CD/IMAGES/IM0004;1', 'dicomdir-listed'],
      ...CD_TREE_WALK.filter(([, path]) => !['CD/DICOMDIR', 'CD/IMAGES/IM0002', 'CD/IMAGES/IM0001.', 'CD/IMAGES/IM0004;1'].includes(path)),
    ]);
    expect(scan.medium).toEqual({
      kind: 'cd',
      names: ['CD'],
      volumeLabel: 'ST ELSEWHERE CT',
      dicomdir: 'CD/DICOMDIR',
      dicomdirWarnings: ['parser note', missingFilesWarning(1)],
    });
    expect(await fileItem(scan, 'CD/IMAGES/IM0001.').read()).toEqual(dicomLike(1));
  });

  it('never resolves a reference outside the root', async () => {
    const scan = await scanSources([cd], { parseDicomdir: parserListing(refs('../outside-secret', 'IMAGES/IM0002')) });
    expect(scan.items.some((i) => i.kind === 'file' && i.file.relativePath.includes('outside'))).toBe(false);
    expect(scan.medium.dicomdirWarnings).toEqual([missingFilesWarning(1)]);
  });

  it('falls back to walking when the DICOMDIR cannot be read', async () => {
    const scan = await scanSources([cd], {
      parseDicomdir: () => {
        throw new Error('unreadable');
      },
    });
    expect(summary(scan)).toEqual(CD_TREE_WALK);
    expect(scan.medium.kind).toBe('folder');
    expect(scan.medium.dicomdir).toBe(null);
    expect(scan.medium.dicomdirWarnings).toEqual([DICOMDIR_UNREADABLE_WARNING]);
  });

  it('imports the folder when the patient chooses the DICOMDIR file itself', async () => {
    const scan = await scanSources([join(cd, 'DICOMDIR')], { parseDicomdir: parserListing(refs('IMAGES/IM0002')) });
    expect(scan.medium.names).toEqual(['CD']);
    const both = await scanSources([cd, join(cd, 'DICOMDIR')]);
    expect(both.items.length).toBe(CD_TREE_WALK.length);
    expect(summary(scan).slice(0, 2)).toEqual([
      ['file', 'CD/DICOMDIR', 'candidate'],
      ['file', 'CD/IMAGES/IM0002', 'dicomdir-listed'],
    ]);
  });
});

describe('DICOMDIR placement', () => {
  const usb = scratchDir('usb-test');
  afterAll(() => usb.remove());

  it('uses DICOMDIRs one level down (any case) but not deeper', async () => {
    usb.write('USB/CD1/dicomdir', 'stand-in');
    usb.write('USB/CD1/A/IM1', dicomLike(1));
    usb.write('USB/deep/CD2/DICOMDIR', 'stand-in');
    usb.write('USB/deep/CD2/B/IM2', dicomLike(2));
    const scan = await scanSources([join(usb.root, 'USB')], { parseDicomdir: parserListing(refs('A/IM1', 'B/IM2')) });
    expect(summary(scan)).toEqual([
      ['file', 'USB/CD1/dicomdir', 'candidate'],
      ['file', 'USB/CD1/A/IM1', 'dicomdir-listed'],
      ['file', 'USB/deep/CD2/B/IM2', 'candidate'],
      ['file', 'USB/deep/CD2/DICOMDIR', 'candidate'],
    ]);
    expect(scan.medium.dicomdir).toBe('USB/CD1/dicomdir');
    expect(scan.medium.dicomdirWarnings).toEqual([missingFilesWarning(1)]);
  });
});

describe('unreadable and vanishing files', () => {
  const tree = scratchDir('denied-test');
  afterAll(() => tree.remove());

  it('fails only the file or folder that cannot be read', async () => {
    tree.write('DISC/A/IM1', dicomLike(1));
    tree.write('DISC/A/IM2', dicomLike(2));
    tree.write('DISC/B/IM3', dicomLike(3));
    const deniedFile = join(tree.root, 'DISC/A/IM1');
    const deniedDir = join(tree.root, 'DISC/B');
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const fs: SourceFileSystem = {
      ...nodeFileSystem,
      checkReadable: (path) => (path === deniedFile ? Promise.reject(denied) : nodeFileSystem.checkReadable(path)),
      readdir: (path) => (path === deniedDir ? Promise.reject(denied) : nodeFileSystem.readdir(path)),
    };
    const scan = await scanSourcesWith({ fs, mountPoints: [] }, [join(tree.root, 'DISC')]);
    expect(summary(scan)).toEqual([
      ['failed', 'DISC/A/IM1', 'FILE_UNREADABLE'],
      ['file', 'DISC/A/IM2', 'candidate'],
      ['failed', 'DISC/B', 'FOLDER_UNREADABLE'],
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('fails a file with no read permission on the real file system', async () => {
    const path = tree.write('PERM/locked', dicomLike(1));
    tree.write('PERM/open', dicomLike(2));
    chmodSync(path, 0o000);
    const scan = await scanSources([join(tree.root, 'PERM')]);
    expect(summary(scan)).toEqual([
      ['failed', 'PERM/locked', 'FILE_UNREADABLE'],
      ['file', 'PERM/open', 'candidate'],
    ]);
  });

  it('rejects read() with a stable code when the file vanished or became a link', async () => {
    tree.write('GONE/IM1', dicomLike(1));
    tree.write('GONE/IM2', dicomLike(2));
    const scan = await scanSources([join(tree.root, 'GONE')]);
    rmSync(join(tree.root, 'GONE/IM1'));
    renameSync(join(tree.root, 'GONE/IM2'), join(tree.root, 'GONE/IM2.real'));
    symlinkSync(join(tree.root, 'GONE/IM2.real'), join(tree.root, 'GONE/IM2'));
    expect(await readErrorCode(fileItem(scan, 'GONE/IM1'))).toBe('FILE_CHANGED');
    expect(await readErrorCode(fileItem(scan, 'GONE/IM2'))).toBe('FILE_CHANGED');
  });
});

describe('loose files and inputs', () => {
  const loose = scratchDir('loose-test');
  afterAll(() => loose.remove());

  it('returns chosen files by name, fails missing inputs and goes on', async () => {
    const a = loose.write('a/scan.dcm', dicomLike(1));
    const b = loose.write('b/IM0001', dicomLike(2));
    const gz = loose.write('b/zipMR.gz', 'gzip bytes');
    const scan = await scanSources([a, join(loose.root, 'missing.dcm'), b, gz, a]);
    expect(summary(scan)).toEqual([
      ['file', 'scan.dcm', 'candidate'],
      ['failed', 'missing.dcm', 'INPUT_NOT_FOUND'],
      ['file', 'IM0001', 'candidate'],
      ['failed', 'zipMR.gz', 'ARCHIVE_UNSUPPORTED'],
    ]);
    expect(scan.medium).toEqual({ kind: 'files', names: ['scan.dcm', 'missing.dcm', 'IM0001', 'zipMR.gz'], volumeLabel: null, dicomdir: null, dicomdirWarnings: [] });
    expect(scan.totalBytes).toBe(dicomLike(1).length + dicomLike(2).length);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(scanSources([loose.root], { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
