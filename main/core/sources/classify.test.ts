import { describe, expect, it } from 'vitest';
import {
  classifyDirectory,
  classifyFileName,
  isDicomdirName,
  isUnsupportedArchiveName,
  isZipName,
  normalizeIsoName,
  skippedDirectoryOf,
} from './classify';

describe('classifyFileName', () => {
  it.each([
    ['VIEWER.EXE', 'VIEWER_PROGRAM'],
    ['dcmview.dll', 'VIEWER_PROGRAM'],
    ['setup.msi', 'VIEWER_PROGRAM'],
    ['run.bat', 'VIEWER_PROGRAM'],
    ['start.sh', 'VIEWER_PROGRAM'],
    ['weasis.jar', 'VIEWER_PROGRAM'],
    ['index.html', 'VIEWER_FILE'],
    ['INDEX.HTM;1', 'VIEWER_FILE'],
    ['viewer.js', 'VIEWER_FILE'],
    ['style.css', 'VIEWER_FILE'],
    ['app.ico', 'VIEWER_FILE'],
    ['autorun.inf', 'DISC_SETTINGS'],
    ['viewer.ini', 'DISC_SETTINGS'],
    ['README.TXT', 'DISC_DOCUMENT'],
    ['README', 'DISC_DOCUMENT'],
    ['License.txt', 'DISC_DOCUMENT'],
    ['help.chm', 'DISC_DOCUMENT'],
    ['.DS_Store', 'SYSTEM_FILE'],
    ['Thumbs.db', 'SYSTEM_FILE'],
    ['desktop.ini', 'SYSTEM_FILE'],
    ['._IM0001', 'SYSTEM_FILE'],
  ])('skips %s as %s', (name, code) => {
    expect(classifyFileName(name)).toBe(code);
  });

  it.each([
    'IM0001', 'IM0001.', 'IM0001;1', '00000001', 'image.dcm', 'scan.IMA', 'scan.img', 'I1000000.001',
    '1.2.840.113619.2.55.3.604688119', 'report.pdf', 'notes.txt', 'key-image.jpg', 'DICOMDIR', 'data.xml',
  ])('keeps %s as a candidate', (name) => {
    expect(classifyFileName(name)).toBe(null);
  });
});

describe('directories', () => {
  it('skips OS folders and macOS application bundles', () => {
    expect(classifyDirectory('__MACOSX')).toBe('SYSTEM_FILE');
    expect(classifyDirectory('System Volume Information')).toBe('SYSTEM_FILE');
    expect(classifyDirectory('Viewer.app')).toBe('VIEWER_PROGRAM');
    expect(classifyDirectory('IMAGES')).toBe(null);
  });

  it('finds the first skipped folder of an archive path', () => {
    expect(skippedDirectoryOf('__MACOSX/IMAGES/._IM1')).toEqual({ dirPath: '__MACOSX', code: 'SYSTEM_FILE' });
    expect(skippedDirectoryOf('CD/OsiriX.app/Contents/MacOS/x')).toEqual({ dirPath: 'CD/OsiriX.app', code: 'VIEWER_PROGRAM' });
    expect(skippedDirectoryOf('CD/IMAGES/IM1')).toBe(null);
    expect(skippedDirectoryOf('Viewer.app')).toBe(null);
  });
});

describe('names', () => {
  it('normalises ISO 9660 names', () => {
    expect(normalizeIsoName('im0001.')).toBe('IM0001');
    expect(normalizeIsoName('IM0001.;1')).toBe('IM0001');
    expect(normalizeIsoName('Image.dcm;12')).toBe('IMAGE.DCM');
  });

  it('recognises DICOMDIR in any case and ISO form', () => {
    expect(isDicomdirName('DICOMDIR')).toBe(true);
    expect(isDicomdirName('dicomdir')).toBe(true);
    expect(isDicomdirName('DICOMDIR.;1')).toBe(true);
    expect(isDicomdirName('DICOMDIR-bigEnd')).toBe(false);
    expect(isDicomdirName('DICOMDIR.dcm')).toBe(false);
  });

  it('recognises zips and archives it does not open', () => {
    expect(isZipName('Study.ZIP')).toBe(true);
    expect(isZipName('STUDY.ZIP;1')).toBe(true);
    expect(isZipName('zip')).toBe(false);
    expect(isUnsupportedArchiveName('zipMR.gz')).toBe(true);
    expect(isUnsupportedArchiveName('disc.iso')).toBe(true);
    expect(isUnsupportedArchiveName('scans.7z')).toBe(true);
    expect(isUnsupportedArchiveName('image.dcm')).toBe(false);
  });
});
