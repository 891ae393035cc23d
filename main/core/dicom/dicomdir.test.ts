import { describe, expect, it } from 'vitest';
import { DicomError } from './dicom-error';
import { readDicomdir } from './dicomdir';
import { EXPLICIT_BE, EXPLICIT_LE, IMPLICIT_LE, type Encoding } from './element-walker';
import { encodeDataset, encodeMeta, part10File, type FixtureElement } from '../../test-support/dicom/test-fixtures';

const DICOMDIR_CLASS = '1.2.840.10008.1.3.10';

function record(type: string, fileId?: string, inUse = 0xffff): FixtureElement[] {
  const elements: FixtureElement[] = [
    { tag: 0x00041400, vr: 'UL', value: new Uint8Array(4) },
    { tag: 0x00041410, vr: 'US', value: { us: [inUse] } },
    { tag: 0x00041430, vr: 'CS', value: type },
  ];
  if (fileId !== undefined) elements.push({ tag: 0x00041500, vr: 'CS', value: fileId });
  return elements;
}

const RECORDS = [
  record('PATIENT'),
  record('STUDY'),
  record('SERIES'),
  record('IMAGE', 'DISC\\CT1\\IM0001'),
  record('IMAGE', 'DISC\\CT1\\IM0002', 0),
  record('SR DOCUMENT', 'DISC\\SR\\REPORT1 '),
];

function dicomdirFile(enc: Encoding, transferSyntaxUid: string, undefinedLength: boolean): Uint8Array {
  const dataset = encodeDataset(
    [
      { tag: 0x00041130, vr: 'CS', value: 'TEST' },
      { tag: 0x00041220, vr: 'SQ', undefinedLength, value: { items: RECORDS, undefinedLength } },
    ],
    enc,
  );
  return part10File(encodeMeta(transferSyntaxUid, DICOMDIR_CLASS, '1.2.3'), dataset);
}

const EXPECTED = [
  { referencedFileId: ['DISC', 'CT1', 'IM0001'], recordType: 'IMAGE' },
  { referencedFileId: ['DISC', 'SR', 'REPORT1'], recordType: 'SR DOCUMENT' },
];

describe('readDicomdir', () => {
  it.each([
    ['explicit LE, defined lengths', EXPLICIT_LE, '1.2.840.10008.1.2.1', false],
    ['explicit LE, undefined lengths', EXPLICIT_LE, '1.2.840.10008.1.2.1', true],
    ['implicit LE', IMPLICIT_LE, '1.2.840.10008.1.2', true],
    ['big endian', EXPLICIT_BE, '1.2.840.10008.1.2.2', false],
  ] as const)('lists in-use records that reference files (%s)', (_name, enc, uid, undefinedLength) => {
    expect(readDicomdir(dicomdirFile(enc, uid, undefinedLength))).toEqual({ entries: EXPECTED, warnings: [] });
  });

  it('keeps the records read before the file ends, with a warning', () => {
    const bytes = dicomdirFile(EXPLICIT_LE, '1.2.840.10008.1.2.1', true);
    const cut = Buffer.from(bytes).indexOf('SR DOCUMENT');
    expect(readDicomdir(bytes.subarray(0, cut))).toEqual({
      entries: [EXPECTED[0]],
      warnings: ['The disc index (DICOMDIR) is damaged; only part of it could be read'],
    });
  });

  it('returns no entries for a DICOMDIR without records', () => {
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2.1', DICOMDIR_CLASS, '1.2.3'), encodeDataset([{ tag: 0x00041130, vr: 'CS', value: 'EMPTY' }], EXPLICIT_LE));
    expect(readDicomdir(bytes)).toEqual({ entries: [], warnings: ['The disc index (DICOMDIR) lists no files'] });
  });

  it('throws DICOMDIR_UNREADABLE for something that is not a DICOMDIR', () => {
    const pdf = Uint8Array.from('%PDF-1.4', (c) => c.charCodeAt(0));
    expect(() => readDicomdir(pdf)).toThrow(DicomError);
    try {
      readDicomdir(pdf);
    } catch (error) {
      expect([(error as DicomError).code, (error as DicomError).message]).toEqual(['DICOMDIR_UNREADABLE', 'The disc index (DICOMDIR) cannot be read']);
    }
  });
});
