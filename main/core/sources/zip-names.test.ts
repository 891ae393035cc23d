import type { Entry } from 'yauzl';
import { describe, expect, it } from 'vitest';
import { SYMLINK_ATTRIBUTES, UNIX_MADE_BY } from '../../test-support/sources/zip-fixture';
import { decodeEntryName, entryFileType } from './zip-names';

function fakeEntry(name: string | Buffer, fields: Partial<Entry> = {}): Entry {
  const raw = typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
  const entry = { generalPurposeBitFlag: typeof name === 'string' ? 0x800 : 0, fileNameRaw: raw, extraFields: [], versionMadeBy: 20, externalFileAttributes: 0, ...fields };
  return entry as unknown as Entry;
}

describe('decodeEntryName', () => {
  it.each(['../evil', 'a/../../evil', '/etc/passwd', 'C:/Windows/x', 'C:\\Windows\\x', '..\\evil', 'c:evil', 'a\u0000b', ''])(
    'refuses %j',
    (name) => {
      expect(decodeEntryName(fakeEntry(name)).kind).toBe('unsafe');
    },
  );

  it('shows an unsafe name with / separators and no control characters', () => {
    expect(decodeEntryName(fakeEntry('..\\evil\u0007'))).toEqual({ kind: 'unsafe', display: '../evil?' });
  });

  it('reads backslashes as separators and tidies "." and empty segments', () => {
    expect(decodeEntryName(fakeEntry('DICOM\\PAT1\\IM1'))).toEqual({ kind: 'file', path: 'DICOM/PAT1/IM1' });
    expect(decodeEntryName(fakeEntry('./a//b'))).toEqual({ kind: 'file', path: 'a/b' });
    expect(decodeEntryName(fakeEntry('a..b/c..'))).toEqual({ kind: 'file', path: 'a..b/c..' });
  });

  it('recognises directories', () => {
    expect(decodeEntryName(fakeEntry('IMAGES/'))).toEqual({ kind: 'directory' });
    expect(decodeEntryName(fakeEntry('./'))).toEqual({ kind: 'directory' });
  });

  it('decodes CP437 names without the UTF-8 flag', () => {
    expect(decodeEntryName(fakeEntry(Buffer.from([0x4d, 0x81, 0x6c, 0x6c, 0x65, 0x72])))).toEqual({ kind: 'file', path: 'Müller' });
  });
});

describe('entryFileType', () => {
  it('sees Unix symlinks, directories and special files', () => {
    expect(entryFileType(fakeEntry('l', { versionMadeBy: UNIX_MADE_BY, externalFileAttributes: SYMLINK_ATTRIBUTES }))).toBe('symlink');
    expect(entryFileType(fakeEntry('d', { versionMadeBy: UNIX_MADE_BY, externalFileAttributes: (0o040755 << 16) >>> 0 }))).toBe('directory');
    expect(entryFileType(fakeEntry('p', { versionMadeBy: UNIX_MADE_BY, externalFileAttributes: (0o010644 << 16) >>> 0 }))).toBe('special');
    expect(entryFileType(fakeEntry('f', { versionMadeBy: UNIX_MADE_BY, externalFileAttributes: (0o100644 << 16) >>> 0 }))).toBe('regular');
  });

  it('ignores mode bits from hosts that do not store Unix modes', () => {
    expect(entryFileType(fakeEntry('l', { versionMadeBy: 20, externalFileAttributes: SYMLINK_ATTRIBUTES }))).toBe('regular');
  });
});
