import { readdirSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { scanSources } from './scan-sources';
import { deflatedZeros, dicomLike, fileItem, readErrorCode, scratchDir, summary } from '../../test-support/sources/test-helpers';
import type { DicomdirParser } from './types';
import { buildZip, encryptedEntry, SYMLINK_ATTRIBUTES, UNIX_MADE_BY, type FixtureEntry } from '../../test-support/sources/zip-fixture';

const MiB = 1024 * 1024;
const scratch = scratchDir('zip-test');
afterAll(() => scratch.remove());

let counter = 0;
function writeZip(name: string, content: FixtureEntry[] | Buffer): string {
  return scratch.write(`${counter++}/${name}`, Buffer.isBuffer(content) ? content : buildZip(content));
}

describe('a plain zip', () => {
  it('lists entries from the central directory and inflates them on read()', async () => {
    const im1 = dicomLike(1);
    const im2 = dicomLike(2, 5000);
    const pdf = Buffer.from('%PDF-1.4 report');
    const path = writeZip('study.zip', [
      { name: 'IMAGES/' },
      { name: 'IMAGES/IM1', data: im1, method: 0 },
      { name: 'IMAGES/IM2', data: im2 },
      { name: 'report.pdf', data: pdf },
    ]);
    const scan = await scanSources([path]);
    expect(scan.medium).toEqual({ kind: 'zip', names: ['study.zip'], volumeLabel: null, dicomdir: null, dicomdirWarnings: [] });
    expect(summary(scan)).toEqual([
      ['file', 'study.zip/IMAGES/IM1', 'candidate'],
      ['file', 'study.zip/IMAGES/IM2', 'candidate'],
      ['file', 'study.zip/report.pdf', 'candidate'],
    ]);
    expect(scan.totalFiles).toBe(3);
    expect(scan.totalBytes).toBe(im1.length + im2.length + pdf.length);
    expect(fileItem(scan, 'study.zip/IMAGES/IM2').size).toBe(im2.length);
    expect(await fileItem(scan, 'study.zip/IMAGES/IM1').read()).toEqual(im1);
    expect(await fileItem(scan, 'study.zip/IMAGES/IM2').read()).toEqual(im2);
    expect(await fileItem(scan, 'study.zip/IMAGES/IM2').read()).toEqual(im2);
  });
});

function openDescriptorsTo(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

describe.skipIf(process.platform !== 'linux')('file descriptors', () => {
  it('closes the archive after listing and shortly after the last read', async () => {
    const path = writeZip('fd.zip', [{ name: 'IM1', data: dicomLike(1) }, { name: 'IM2', data: dicomLike(2) }]);
    const scan = await scanSources([path]);
    await sleep(50);
    expect(openDescriptorsTo(path)).toBe(0);
    await fileItem(scan, 'fd.zip/IM1').read();
    await fileItem(scan, 'fd.zip/IM2').read();
    expect(openDescriptorsTo(path)).toBe(1);
    await sleep(1300);
    expect(openDescriptorsTo(path)).toBe(0);
  });
});

describe('hostile entries fail or are skipped one by one', () => {
  it('refuses path traversal, absolute paths and drive letters, and keeps the good entries', async () => {
    const path = writeZip('h.zip', [
      { name: '../evil', data: dicomLike(1) },
      { name: '/abs/x', data: dicomLike(2) },
      { name: 'C:\\Windows\\x', data: dicomLike(3) },
      { name: 'ok\\..\\..\\up', data: dicomLike(4) },
      { name: 'DICOM\\IM1', data: dicomLike(5) },
      { name: 'fine/IM2', data: dicomLike(6) },
    ]);
    const scan = await scanSources([path]);
    expect(summary(scan)).toEqual([
      ['failed', 'h.zip/../evil', 'ZIP_ENTRY_UNSAFE_NAME'],
      ['failed', 'h.zip//abs/x', 'ZIP_ENTRY_UNSAFE_NAME'],
      ['failed', 'h.zip/C:/Windows/x', 'ZIP_ENTRY_UNSAFE_NAME'],
      ['failed', 'h.zip/ok/../../up', 'ZIP_ENTRY_UNSAFE_NAME'],
      ['file', 'h.zip/DICOM/IM1', 'candidate'],
      ['file', 'h.zip/fine/IM2', 'candidate'],
    ]);
    expect(await fileItem(scan, 'h.zip/DICOM/IM1').read()).toEqual(dicomLike(5));
    const failure = scan.items[0];
    expect(failure?.kind === 'failed' ? failure.error : '').toBe(
      'This file in the zip has an unsafe name (it points outside the archive), so it was not opened.',
    );
  });

  it('handles encrypted, unknown-method, link, empty, duplicate and furniture entries', async () => {
    const path = writeZip('mixed.zip', [
      encryptedEntry('secret/IM1', dicomLike(1)),
      { name: 'bzip2/IM2', method: 12, rawData: Buffer.from('BZh91AY&SY'), declaredSize: 400 },
      { name: 'link', data: Buffer.from('/etc/passwd'), method: 0, versionMadeBy: UNIX_MADE_BY, externalAttributes: SYMLINK_ATTRIBUTES },
      { name: 'empty.dcm', data: Buffer.alloc(0) },
      { name: 'dup/IM3', data: dicomLike(3) },
      { name: 'dup/IM3', data: dicomLike(4) },
      { name: '__MACOSX/dup/._IM3', data: Buffer.from('apple double') },
      { name: '__MACOSX/._dup', data: Buffer.from('apple double') },
      { name: 'Viewer/viewer.exe', data: Buffer.from('MZ') },
      { name: 'Viewer.app/Contents/MacOS/Viewer', data: Buffer.from('binary') },
      { name: 'more.7z', data: Buffer.from('7z') },
    ]);
    const scan = await scanSources([path]);
    expect(summary(scan)).toEqual([
      ['failed', 'mixed.zip/secret/IM1', 'ZIP_ENTRY_ENCRYPTED'],
      ['failed', 'mixed.zip/bzip2/IM2', 'ZIP_ENTRY_UNSUPPORTED_METHOD'],
      ['skipped', 'mixed.zip/link', 'LINK_NOT_FOLLOWED'],
      ['skipped', 'mixed.zip/empty.dcm', 'EMPTY_FILE'],
      ['file', 'mixed.zip/dup/IM3', 'candidate'],
      ['file', 'mixed.zip/dup/IM3', 'candidate'],
      ['skipped', 'mixed.zip/__MACOSX', 'SYSTEM_FILE'],
      ['skipped', 'mixed.zip/Viewer/viewer.exe', 'VIEWER_PROGRAM'],
      ['skipped', 'mixed.zip/Viewer.app', 'VIEWER_PROGRAM'],
      ['failed', 'mixed.zip/more.7z', 'ARCHIVE_UNSUPPORTED'],
    ]);
    const duplicates = scan.items.flatMap((item) => (item.kind === 'file' ? [item.file] : []));
    expect(await duplicates[0]?.read()).toEqual(dicomLike(3));
    expect(await duplicates[1]?.read()).toEqual(dicomLike(4));
  });
});

describe('zip bombs and limits', () => {
  it('refuses an honest bomb from its declared sizes without inflating it', async () => {
    const path = writeZip('bomb.zip', [{ name: 'zeros', rawData: await deflatedZeros(16 * MiB), declaredSize: 16 * MiB }]);
    expect(summary(await scanSources([path]))).toEqual([['failed', 'bomb.zip/zeros', 'ZIP_ENTRY_RATIO']]);
  });

  it('stops a bomb that declares a small size as soon as it passes that size', async () => {
    const path = writeZip('liar.zip', [{ name: 'zeros', rawData: await deflatedZeros(16 * MiB), declaredSize: 1000 }]);
    const scan = await scanSources([path]);
    expect(summary(scan)).toEqual([['file', 'liar.zip/zeros', 'candidate']]);
    expect(await readErrorCode(fileItem(scan, 'liar.zip/zeros'))).toBe('ZIP_ENTRY_CORRUPT');
  });

  it('enforces the ratio while inflating when the declared sizes look plausible', async () => {
    const compressed = await deflatedZeros(256 * MiB);
    const declared = 40 * MiB;
    expect(declared / compressed.length).toBeLessThan(200);
    const path = writeZip('plausible.zip', [{ name: 'zeros', rawData: compressed, declaredSize: declared }]);
    const scan = await scanSources([path]);
    expect(summary(scan)).toEqual([['file', 'plausible.zip/zeros', 'candidate']]);
    expect(await readErrorCode(fileItem(scan, 'plausible.zip/zeros'))).toBe('ZIP_ENTRY_RATIO');
  });

  it('refuses archives with too many entries as a whole', async () => {
    const path = writeZip('many.zip', [1, 2, 3].map((n) => ({ name: `IM${n}`, data: dicomLike(n) })));
    const scan = await scanSources([path], { limits: { maxEntries: 2 } });
    expect(summary(scan)).toEqual([['failed', 'many.zip', 'ARCHIVE_TOO_MANY_FILES']]);
  });

  it('applies the per-entry and total limits to declared sizes', async () => {
    const path = writeZip('sizes.zip', [
      { name: 'big', data: Buffer.alloc(2000, 7) },
      ...[1, 2, 3].map((n) => ({ name: `IM${n}`, data: Buffer.alloc(900, n) })),
    ]);
    const scan = await scanSources([path], { limits: { maxEntryUncompressed: 1000, maxTotalUncompressed: 2000 } });
    expect(summary(scan)).toEqual([
      ['failed', 'sizes.zip/big', 'ZIP_ENTRY_TOO_LARGE'],
      ['file', 'sizes.zip/IM1', 'candidate'],
      ['file', 'sizes.zip/IM2', 'candidate'],
      ['failed', 'sizes.zip/IM3', 'ZIP_TOTAL_TOO_LARGE'],
    ]);
  });
});

describe('damaged archives', () => {
  const good = buildZip([
    { name: 'IM1', data: dicomLike(1) },
    { name: 'IM2', data: dicomLike(2) },
  ]);

  it('gives one failure for a truncated zip and goes on with the other inputs', async () => {
    const truncated = writeZip('truncated.zip', good.subarray(0, good.length - 10));
    const loose = scratch.write(`${counter++}/loose.dcm`, dicomLike(9));
    const scan = await scanSources([truncated, loose]);
    expect(summary(scan)).toEqual([
      ['failed', 'truncated.zip', 'ARCHIVE_CORRUPT'],
      ['file', 'loose.dcm', 'candidate'],
    ]);
    expect(scan.medium.kind).toBe('files');
  });

  it('keeps the entries listed before a broken central directory record', async () => {
    const broken = Buffer.from(good);
    const second = broken.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), broken.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 4);
    broken.writeUInt32LE(0xdeadbeef, second);
    const scan = await scanSources([writeZip('broken.zip', broken)]);
    expect(summary(scan)).toEqual([
      ['file', 'broken.zip/IM1', 'candidate'],
      ['failed', 'broken.zip', 'ARCHIVE_CORRUPT'],
    ]);
  });

  it('fails a file that is named .zip but is not one', async () => {
    const scan = await scanSources([writeZip('fake.zip', Buffer.from('just text, not a zip'))]);
    expect(summary(scan)).toEqual([['failed', 'fake.zip', 'ARCHIVE_CORRUPT']]);
  });

  it('detects damaged contents on read() (CRC, inflate errors, sizes)', async () => {
    const path = writeZip('damaged.zip', [
      { name: 'badcrc', data: dicomLike(1), method: 0, declaredCrc: 12345 },
      { name: 'garbage', method: 8, rawData: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x13]), declaredSize: 500 },
      { name: 'stored-size-lie', data: dicomLike(2), method: 0, declaredSize: 10 },
      { name: 'short', data: dicomLike(3), declaredSize: 10_000 },
      { name: 'good', data: dicomLike(4) },
    ]);
    const scan = await scanSources([path]);
    expect(summary(scan)).toEqual([
      ['file', 'damaged.zip/badcrc', 'candidate'],
      ['file', 'damaged.zip/garbage', 'candidate'],
      ['failed', 'damaged.zip/stored-size-lie', 'ZIP_ENTRY_CORRUPT'],
      ['file', 'damaged.zip/short', 'candidate'],
      ['file', 'damaged.zip/good', 'candidate'],
    ]);
    expect(await readErrorCode(fileItem(scan, 'damaged.zip/badcrc'))).toBe('ZIP_ENTRY_CORRUPT');
    expect(await readErrorCode(fileItem(scan, 'damaged.zip/garbage'))).toBe('ZIP_ENTRY_CORRUPT');
    expect(await readErrorCode(fileItem(scan, 'damaged.zip/short'))).toBe('ZIP_ENTRY_CORRUPT');
    expect(await fileItem(scan, 'damaged.zip/good').read()).toEqual(dicomLike(4));
  });
});

describe('zips inside zips', () => {
  const deeper = buildZip([{ name: 'IM9', data: dicomLike(9) }]);
  const inner = buildZip([
    { name: 'IM1', data: dicomLike(1) },
    { name: 'deeper.zip', data: deeper },
  ]);
  const outer = buildZip([
    { name: 'study/inner.zip', data: inner },
    { name: 'IM0', data: dicomLike(0) },
    { name: 'bad.zip', data: Buffer.from('not a zip at all') },
  ]);

  it('opens one level by default and fails deeper ones with a reason', async () => {
    const scan = await scanSources([writeZip('o.zip', outer)]);
    expect(summary(scan)).toEqual([
      ['file', 'o.zip/study/inner.zip/IM1', 'candidate'],
      ['failed', 'o.zip/study/inner.zip/deeper.zip', 'ARCHIVE_NESTED_TOO_DEEP'],
      ['file', 'o.zip/IM0', 'candidate'],
      ['failed', 'o.zip/bad.zip', 'ARCHIVE_CORRUPT'],
    ]);
    const im1 = fileItem(scan, 'o.zip/study/inner.zip/IM1');
    const im0 = fileItem(scan, 'o.zip/IM0');
    expect(await im1.read()).toEqual(dicomLike(1));
    expect(await im0.read()).toEqual(dicomLike(0));
    expect(await Promise.all([im1.read(), im1.read()])).toEqual([dicomLike(1), dicomLike(1)]);
  });

  it('follows maxNestingDepth and maxNestedArchiveBytes', async () => {
    const path = writeZip('o.zip', outer);
    const flat = await scanSources([path], { limits: { maxNestingDepth: 0 } });
    expect(summary(flat).slice(0, 2)).toEqual([
      ['failed', 'o.zip/study/inner.zip', 'ARCHIVE_NESTED_TOO_DEEP'],
      ['file', 'o.zip/IM0', 'candidate'],
    ]);
    const small = await scanSources([path], { limits: { maxNestedArchiveBytes: 100 } });
    expect(summary(small)[0]).toEqual(['failed', 'o.zip/study/inner.zip', 'ARCHIVE_NESTED_TOO_LARGE']);
    const deep = await scanSources([path], { limits: { maxNestingDepth: 2 } });
    expect(summary(deep).slice(0, 2)).toEqual([
      ['file', 'o.zip/study/inner.zip/IM1', 'candidate'],
      ['file', 'o.zip/study/inner.zip/deeper.zip/IM9', 'candidate'],
    ]);
    expect(await fileItem(deep, 'o.zip/study/inner.zip/deeper.zip/IM9').read()).toEqual(dicomLike(9));
  });
});

describe('a DICOMDIR inside a zip', () => {
  it('is used one level down, with its files first in DICOMDIR order', async () => {
    const dicomdirBytes = Buffer.from('DICOMDIR stand-in');
    const path = writeZip('cd.zip', [
      { name: 'CD/DICOMDIR', data: dicomdirBytes },
      { name: 'CD/IMAGES/IM2', data: dicomLike(2) },
      { name: 'CD/IMAGES/IM1', data: dicomLike(1) },
      { name: 'CD/IMAGES/EXTRA', data: dicomLike(3) },
      { name: 'CD/autorun.inf', data: Buffer.from('[autorun]') },
    ]);
    const seen: Buffer[] = [];
    const parseDicomdir: DicomdirParser = (bytes) => {
      seen.push(Buffer.from(bytes));
      return {
        entries: [
          { referencedFileId: ['IMAGES', 'IM1'], recordType: 'IMAGE' },
          { referencedFileId: ['IMAGES', 'IM2'], recordType: 'IMAGE' },
        ],
        warnings: [],
      };
    };
    const scan = await scanSources([path], { parseDicomdir });
    expect(seen).toEqual([dicomdirBytes]);
    expect(scan.medium).toEqual({ kind: 'cd', names: ['cd.zip'], volumeLabel: null, dicomdir: 'cd.zip/CD/DICOMDIR', dicomdirWarnings: [] });
    expect(summary(scan)).toEqual([
      ['file', 'cd.zip/CD/DICOMDIR', 'candidate'],
      ['file', 'cd.zip/CD/IMAGES/IM1', 'dicomdir-listed'],
      ['file', 'cd.zip/CD/IMAGES/IM2', 'dicomdir-listed'],
      ['file', 'cd.zip/CD/IMAGES/EXTRA', 'candidate'],
      ['skipped', 'cd.zip/CD/autorun.inf', 'DISC_SETTINGS'],
    ]);
  });
});
