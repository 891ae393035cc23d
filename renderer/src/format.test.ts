import { describe, expect, it } from 'vitest';
import type { Progress } from '../../shared/domain';
import {
  base64ToBytes, formatBytes, formatDicomDate, formatPersonName, formatProgress, formatSex, formatTimeLeft,
  greyToRgba, importSummary, isoDateOf, modalityLabel, plural, progressFraction, recoveryKeyGroups, summarizePaths,
} from './format';

const working: Progress = {
  phase: 'working', filesDone: 123, filesTotal: 456, bytesDone: 45_000_000, bytesTotal: 210_000_000,
  bytesPerSecond: 12_000_000, etaSeconds: 118,
};

describe('formatPersonName', () => {
  it('reads DICOM components in the order people say them', () => {
    expect(formatPersonName('Doe^Jane')).toBe('Jane Doe');
    expect(formatPersonName('Doe^Jane^Ann^Dr.^PhD')).toBe('Dr. Jane Ann Doe PhD');
    expect(formatPersonName('DOE^SAM^^^')).toBe('SAM DOE');
  });
  it('uses the first non-empty representation of a multi-script name', () => {
    expect(formatPersonName('Yamada^Tarou=山田^太郎=やまだ^たろう')).toBe('Tarou Yamada');
    expect(formatPersonName('=山田^太郎')).toBe('太郎 山田');
  });
  it('keeps names without carets and names a missing one', () => {
    expect(formatPersonName(' Jane Doe ')).toBe('Jane Doe');
    expect(formatPersonName(null)).toBe('Unnamed patient');
    expect(formatPersonName('^^^')).toBe('Unnamed patient');
  });
});

describe('formatDicomDate', () => {
  it('formats DICOM and ISO dates as a long English date', () => {
    expect(formatDicomDate('20210312')).toBe('12 March 2021');
    expect(formatDicomDate('2021-03-12')).toBe('12 March 2021');
    expect(formatDicomDate('1999.12.31')).toBe('31 December 1999');
  });
  it('returns null for empty and the raw text for impossible or partial dates', () => {
    expect(formatDicomDate('')).toBeNull();
    expect(formatDicomDate(null)).toBeNull();
    expect(formatDicomDate('20210230')).toBe('20210230');
    expect(formatDicomDate('2021')).toBe('2021');
  });
});

describe('small labels', () => {
  it('names sexes and modalities in plain words', () => {
    expect(formatSex('F')).toBe('Female');
    expect(formatSex('m')).toBe('Male');
    expect(formatSex('')).toBeNull();
    expect(modalityLabel('CT')).toBe('CT scan');
    expect(modalityLabel('MR')).toBe('MRI');
    expect(modalityLabel('dx')).toBe('X-ray');
    expect(modalityLabel('ZZ')).toBe('Other kind of scan');
  });
  it('pluralises with thousands separators', () => {
    expect(plural(1, 'file', 'files')).toBe('1 file');
    expect(plural(1204, 'file', 'files')).toBe('1,204 files');
    expect(plural(0, 'file', 'files')).toBe('0 files');
  });
});

describe('formatBytes', () => {
  it('uses decimal units with one decimal below ten', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(45_000_000)).toBe('45 MB');
    expect(formatBytes(999_600)).toBe('1 MB');
    expect(formatBytes(2_340_000_000)).toBe('2.3 GB');
  });
});

describe('progress text', () => {
  it('gives files, bytes, speed and time left', () => {
    expect(formatProgress(working)).toBe('123 of 456 files · 45 MB of 210 MB · 12 MB/s · about 2 min left');
  });
  it('leaves out what is not known yet', () => {
    expect(formatProgress({ ...working, bytesTotal: 0, bytesPerSecond: 0, etaSeconds: null })).toBe('123 of 456 files');
    expect(formatProgress({ ...working, phase: 'scanning', filesTotal: 0 })).toBe('Looking for files…');
    expect(formatProgress({ ...working, phase: 'scanning', filesTotal: 1 })).toBe('Looking for files… 1 file found so far');
    expect(formatProgress({ ...working, phase: 'finishing', filesDone: 456 })).toBe('Finishing up… 456 of 456 files done');
  });
  it('rounds time left to words', () => {
    expect(formatTimeLeft(null)).toBeNull();
    expect(formatTimeLeft(10)).toBe('less than a minute left');
    expect(formatTimeLeft(50)).toBe('about 1 min left');
    expect(formatTimeLeft(3600)).toBe('about 1 h left');
    expect(formatTimeLeft(4500)).toBe('about 1 h 15 min left');
  });
  it('computes the fraction done from bytes, else files, and none while scanning', () => {
    expect(progressFraction(working)).toBeCloseTo(45 / 210, 6);
    expect(progressFraction({ ...working, bytesTotal: 0 })).toBeCloseTo(123 / 456, 6);
    expect(progressFraction({ ...working, phase: 'scanning' })).toBeNull();
    expect(progressFraction({ ...working, bytesTotal: 0, filesTotal: 0 })).toBeNull();
  });
});

describe('importSummary', () => {
  it('says whether anything new was stored', () => {
    expect(importSummary({ imported: 3, seenAgain: 9, attachments: 0 })).toBe('Your scans are now stored, encrypted, in your vault.');
    expect(importSummary({ imported: 0, seenAgain: 0, attachments: 1 })).toBe('Your scans are now stored, encrypted, in your vault.');
    expect(importSummary({ imported: 0, seenAgain: 4, attachments: 0 })).toBe('Everything here was already in your vault, so nothing new was added.');
    expect(importSummary({ imported: 0, seenAgain: 0, attachments: 0 })).toBe('No medical images were found in what you chose. Check that it is the right disc, folder or zip.');
  });
});

describe('recoveryKeyGroups', () => {
  it('splits on dashes or spaces, else in fours', () => {
    expect(recoveryKeyGroups('ABCD-EFGH-JK')).toEqual(['ABCD', 'EFGH', 'JK']);
    expect(recoveryKeyGroups(' ABCD EFGH ')).toEqual(['ABCD', 'EFGH']);
    expect(recoveryKeyGroups('ABCDEFGHJK')).toEqual(['ABCD', 'EFGH', 'JK']);
  });
});

describe('misc helpers', () => {
  it('formats a local date for a date input', () => {
    expect(isoDateOf(new Date(2024, 0, 5))).toBe('2024-01-05');
  });
  it('summarises chosen files by top-level name', () => {
    expect(summarizePaths(['CD/DICOM/a', 'CD/DICOM/b', 'report.pdf', '\\DISC\\x'])).toEqual([
      { name: 'CD', files: 2 }, { name: 'report.pdf', files: 1 }, { name: 'DISC', files: 1 },
    ]);
  });
  it('turns base64 grey bytes into opaque RGBA', () => {
    const grey = base64ToBytes('AH//');
    expect([...grey]).toEqual([0, 127, 255]);
    expect([...greyToRgba(grey)]).toEqual([0, 0, 0, 255, 127, 127, 127, 255, 255, 255, 255, 255]);
  });
});
