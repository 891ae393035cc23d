import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDicomdirWithDcmjs } from '../../test-support/sources/dicomdir-fixture';
import { memoryFileSystem } from './memory-fs';
import { scanMemoryFiles, type MemoryFile } from './scan-memory';
import { scanSources } from './scan-sources';
import { dicomLike, fileItem, itemsWithBytes, summary } from '../../test-support/sources/test-helpers';
import type { DicomdirParser } from './types';

function memory(entries: [string, Buffer | string][]): MemoryFile[] {
  return entries.map(([relativePath, bytes]) => ({ relativePath, bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) }));
}

const listing = (...paths: string[]): DicomdirParser => () => ({
  entries: paths.map((p) => ({ referencedFileId: p.split('/'), recordType: 'IMAGE' })),
  warnings: [],
});

describe('scanMemoryFiles: what a disk cannot hold', () => {
  it('keeps one copy of a file sent twice, and fails clashing names', async () => {
    const scan = await scanMemoryFiles(
      memory([
        ['A/IM1', dicomLike(1)],
        ['A/IM1', dicomLike(1)],
        ['A/IM2', dicomLike(2)],
        ['A\\IM2', dicomLike(3)],
        ['A', dicomLike(4)],
        ['B/', ''],
        ['C/', 'bytes of a folder?'],
        ['./D//IM5', dicomLike(5)],
      ]),
    );
    expect(summary(scan)).toEqual([
      ['file', 'A/IM1', 'candidate'],
      ['file', 'A/IM2', 'candidate'],
      ['file', 'D/IM5', 'candidate'],
      ['failed', 'C/', 'UPLOAD_UNSAFE_NAME'],
      ['failed', 'A/IM2', 'UPLOAD_NAME_CONFLICT'],
      ['failed', 'A', 'UPLOAD_NAME_CONFLICT'],
    ]);
    expect(await fileItem(scan, 'A/IM2').read()).toEqual(dicomLike(2));
    expect(scan.medium.names).toEqual(['A', 'D']);
    expect(scan.totalFiles).toBe(3);
  });

  it('treats a DICOMDIR sent at the top as the disc itself, keeping the paths as sent', async () => {
    const scan = await scanMemoryFiles(
      memory([
        ['IMAGES/IM2', dicomLike(2)],
        ['DICOMDIR', 'stand-in'],
        ['IMAGES/IM1', dicomLike(1)],
        ['AUTORUN.INF', '[autorun]\nlabel=TOP DISC\n'],
      ]),
      { parseDicomdir: listing('IMAGES/IM1') },
    );
    expect(summary(scan)).toEqual([
      ['file', 'DICOMDIR', 'candidate'],
      ['file', 'IMAGES/IM1', 'dicomdir-listed'],
      ['skipped', 'AUTORUN.INF', 'DISC_SETTINGS'],
      ['file', 'IMAGES/IM2', 'candidate'],
    ]);
    expect(scan.medium).toEqual({ kind: 'cd', names: ['IMAGES', 'DICOMDIR', 'AUTORUN.INF'], volumeLabel: 'TOP DISC', dicomdir: 'DICOMDIR', dicomdirWarnings: [] });
  });

  it('returns only failures when nothing sent is usable', async () => {
    const scan = await scanMemoryFiles(memory([['../x', 'x']]));
    expect(summary(scan)).toEqual([['failed', '../x', 'UPLOAD_UNSAFE_NAME']]);
    expect(scan.medium).toEqual({ kind: 'files', names: [], volumeLabel: null, dicomdir: null, dicomdirWarnings: [] });
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(scanMemoryFiles(memory([['a/b', 'x']]), { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});

describe('memoryFileSystem', () => {
  const base = resolve('/virtual');
  const fs = memoryFileSystem(base, new Map([['CD/IMAGES/IM1', Buffer.from('abc')], ['CD/top', Buffer.from('')]]));

  it('implies folders from the paths and serves the bytes', async () => {
    expect((await fs.readdir(join(base, 'CD'))).sort()).toEqual(['IMAGES', 'top']);
    expect((await fs.stat(join(base, 'CD/IMAGES'))).isDirectory()).toBe(true);
    const file = await fs.lstat(join(base, 'CD/IMAGES/IM1'));
    expect([file.isFile(), file.isSymbolicLink(), file.size]).toEqual([true, false, 3]);
    expect(await fs.readWholeFile(join(base, 'CD/IMAGES/IM1'))).toEqual(Buffer.from('abc'));
    expect(await fs.readSmallFile(join(base, 'CD/IMAGES/IM1'), 2)).toEqual(Buffer.from('ab'));
  });

  it('reports anything else as not found, as the operating system would', async () => {
    await expect(fs.stat(join(base, 'CD/missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.readdir(join(base, 'CD/top'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.stat(resolve('/elsewhere/CD'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.checkReadable(join(base, 'CD'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fs.readWholeFile(join(base, 'CD/gone'))).rejects.toMatchObject({ code: 'FILE_CHANGED' });
    expect(await fs.readSmallFile(join(base, 'CD/gone'), 10)).toBe(null);
    await expect(fs.openZip(join(base, 'CD/gone.zip')).openForListing()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

const samples = resolve(import.meta.dirname, '../../..', '../shared/dicom-samples');

/** Every file under `root`, as the browser would send the folder: paths starting with its name. */
function readTree(root: string): MemoryFile[] {
  const name = relative(resolve(root, '..'), root);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { relativePath: `${name}/${relative(root, path).split('\\').join('/')}`, bytes: readFileSync(path) };
    });
}

describe.skipIf(!existsSync(samples))('real samples: memory and disk give the same scan', () => {
  it.each([
    ['the pydicom DICOMDIR CD tree', 'dicomdir-cd/pydicom-dicomdirtests', true],
    ['a real portal zip', 'zip-archives/abd1.zip', false],
  ])('%s', async (_label, path, isFolder) => {
    const onDisk = resolve(samples, path);
    const sent = isFolder ? readTree(onDisk) : [{ relativePath: path.split('/').pop() ?? path, bytes: readFileSync(onDisk) }];
    const fromDisk = await scanSources([onDisk], { parseDicomdir: parseDicomdirWithDcmjs });
    const fromMemory = await scanMemoryFiles(sent, { parseDicomdir: parseDicomdirWithDcmjs });
    expect(fromMemory.items.length).toBe(fromDisk.items.length);
    expect(fromMemory.items.length).toBeGreaterThan(1);
    expect(await itemsWithBytes(fromMemory)).toEqual(await itemsWithBytes(fromDisk));
    expect(fromMemory.medium).toEqual(fromDisk.medium);
  });
});
