import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXPLICIT_BE, EXPLICIT_LE, IMPLICIT_LE, type Encoding } from './element-walker';
import { readDicom } from './read-dicom';
import { concatBytes, encapsulatedPixels, encodeDataset, encodeMeta, part10File, type FixtureElement } from '../../test-support/dicom/test-fixtures';
import type { DicomFacts, DicomReadResult } from './types';

const CT_CLASS = '1.2.840.10008.5.1.4.1.1.2';
const SOP_UID = '1.2.826.0.1.3680043.9.9999.1.1';
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function headerElements(): FixtureElement[] {
  return [
    { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 100' },
    { tag: 0x00080016, vr: 'UI', value: CT_CLASS },
    { tag: 0x00080018, vr: 'UI', value: SOP_UID },
    { tag: 0x00080020, vr: 'DA', value: '20240131' },
    { tag: 0x00080021, vr: 'DA', value: '20240201' },
    { tag: 0x00080030, vr: 'TM', value: '101500' },
    { tag: 0x00080050, vr: 'SH', value: 'ACC42' },
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x00080080, vr: 'LO', value: latin1('Hôpital Nord ') },
    { tag: 0x00080090, vr: 'PN', value: 'House^Gregory' },
    { tag: 0x00081030, vr: 'LO', value: 'Chest' },
    { tag: 0x0008103e, vr: 'LO', value: 'Axial 1mm' },
    { tag: 0x00100010, vr: 'PN', value: latin1('Buc^Jérôme') },
    { tag: 0x00100020, vr: 'LO', value: 'PID-7' },
    { tag: 0x00100021, vr: 'LO', value: 'HOSP' },
    { tag: 0x00100030, vr: 'DA', value: '19700101' },
    { tag: 0x00100040, vr: 'CS', value: 'M' },
    { tag: 0x00180015, vr: 'CS', value: 'CHEST' },
    { tag: 0x0020000d, vr: 'UI', value: '1.2.826.0.1.3680043.9.9999.2' },
    { tag: 0x0020000e, vr: 'UI', value: '1.2.826.0.1.3680043.9.9999.3' },
    { tag: 0x00200010, vr: 'SH', value: 'S1' },
    { tag: 0x00200011, vr: 'IS', value: '4 ' },
    { tag: 0x00200013, vr: 'IS', value: '12' },
  ];
}

function imageElements(rows: number, columns: number, pixels: Uint8Array, frames = 1): FixtureElement[] {
  return [
    { tag: 0x00280002, vr: 'US', value: { us: [1] } },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280008, vr: 'IS', value: String(frames) },
    { tag: 0x00280010, vr: 'US', value: { us: [rows] } },
    { tag: 0x00280011, vr: 'US', value: { us: [columns] } },
    { tag: 0x00280100, vr: 'US', value: { us: [16] } },
    { tag: 0x7fe00010, vr: 'OW', value: pixels },
  ];
}

const PIXELS = Uint8Array.from([1, 0, 2, 0, 3, 0, 4, 0]);

function ctFile(transferSyntaxUid: string, enc: Encoding, extra: FixtureElement[] = []): Uint8Array {
  const dataset = encodeDataset([...headerElements(), ...imageElements(2, 2, PIXELS), ...extra], enc);
  return part10File(encodeMeta(transferSyntaxUid, CT_CLASS, SOP_UID), dataset);
}

function expectInstance(result: DicomReadResult): { facts: DicomFacts; warnings: string[] } {
  if (result.kind !== 'instance') throw new Error(`expected an instance, got ${result.kind}: ${'reason' in result ? result.reason : ''}`);
  return result;
}

const metaLength = encodeMeta('1.2.840.10008.1.2.1', CT_CLASS, SOP_UID).length;

describe('readDicom: encodings', () => {
  it('reads every index field of an explicit VR little endian file', () => {
    const bytes = ctFile('1.2.840.10008.1.2.1', EXPLICIT_LE);
    const { facts, warnings } = expectInstance(readDicom(bytes));
    expect(warnings).toEqual([]);
    expect(facts).toEqual({
      transferSyntaxUid: '1.2.840.10008.1.2.1',
      hasFileMeta: true,
      datasetOffset: 132 + metaLength,
      sopClassUid: CT_CLASS,
      sopInstanceUid: SOP_UID,
      studyInstanceUid: '1.2.826.0.1.3680043.9.9999.2',
      seriesInstanceUid: '1.2.826.0.1.3680043.9.9999.3',
      specificCharacterSet: 'ISO_IR 100',
      patient: { name: 'Buc^Jérôme', id: 'PID-7', issuer: 'HOSP', birthDate: '19700101', sex: 'M' },
      study: {
        date: '20240131', time: '101500', description: 'Chest', accession: 'ACC42', institution: 'Hôpital Nord',
        referringPhysician: 'House^Gregory', id: 'S1',
      },
      series: { modality: 'CT', bodyPart: 'CHEST', description: 'Axial 1mm', number: 4, date: '20240201' },
      image: {
        rows: 2, columns: 2, frames: 1, bitsAllocated: 16, samplesPerPixel: 1, photometric: 'MONOCHROME2', encapsulated: false,
        pixelDataOffset: bytes.length - PIXELS.length, pixelDataLength: 8,
      },
      instanceNumber: 12,
      encapsulatedDocument: null,
    });
  });

  it('reads implicit VR little endian', () => {
    const { facts } = expectInstance(readDicom(ctFile('1.2.840.10008.1.2', IMPLICIT_LE)));
    expect([facts.transferSyntaxUid, facts.patient.name, facts.image.rows, facts.series.number]).toEqual(['1.2.840.10008.1.2', 'Buc^Jérôme', 2, 4]);
  });

  it('reads explicit VR big endian, numbers included', () => {
    const { facts } = expectInstance(readDicom(ctFile('1.2.840.10008.1.2.2', EXPLICIT_BE)));
    expect([facts.transferSyntaxUid, facts.image.rows, facts.image.columns, facts.image.bitsAllocated]).toEqual(['1.2.840.10008.1.2.2', 2, 2, 16]);
  });

  it('inflates a deflated dataset and reports pixel offsets into the inflated data', () => {
    const dataset = encodeDataset([...headerElements(), ...imageElements(2, 2, PIXELS)], EXPLICIT_LE);
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2.1.99', CT_CLASS, SOP_UID), deflateRawSync(dataset));
    const { facts, warnings } = expectInstance(readDicom(bytes));
    expect(warnings).toEqual([]);
    expect([facts.transferSyntaxUid, facts.patient.id, facts.image.pixelDataOffset]).toEqual(['1.2.840.10008.1.2.1.99', 'PID-7', dataset.length - 8]);
  });

  it('infers implicit VR little endian for a raw dataset without preamble or meta', () => {
    const bytes = encodeDataset([...headerElements(), ...imageElements(2, 2, PIXELS)], IMPLICIT_LE);
    const { facts, warnings } = expectInstance(readDicom(bytes));
    expect([facts.hasFileMeta, facts.datasetOffset, facts.transferSyntaxUid]).toEqual([false, 0, '1.2.840.10008.1.2']);
    expect(warnings).toEqual(['File has no DICOM header block (meta information); format was inferred as implicit VR little endian']);
  });

  it('infers explicit VR big endian for a raw dataset', () => {
    const { facts, warnings } = expectInstance(readDicom(encodeDataset(headerElements(), EXPLICIT_BE)));
    expect([facts.transferSyntaxUid, facts.patient.name]).toEqual(['1.2.840.10008.1.2.2', 'Buc^Jérôme']);
    expect(warnings).toEqual(['File has no DICOM header block (meta information); format was inferred as explicit VR big endian']);
  });

  it('infers the encoding when the meta has no transfer syntax', () => {
    const dataset = encodeDataset(headerElements(), IMPLICIT_LE);
    const { facts, warnings } = expectInstance(readDicom(part10File(encodeMeta(null, CT_CLASS, SOP_UID), dataset)));
    expect(facts.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    expect(warnings).toEqual(["The file's header block does not name its encoding (transfer syntax); it was inferred as implicit VR little endian"]);
  });

  it('reads the data as it is when the meta names the wrong native encoding', () => {
    const dataset = encodeDataset(headerElements(), IMPLICIT_LE);
    const { facts, warnings } = expectInstance(readDicom(part10File(encodeMeta('1.2.840.10008.1.2.1', CT_CLASS, SOP_UID), dataset)));
    expect([facts.transferSyntaxUid, facts.patient.id]).toEqual(['1.2.840.10008.1.2', 'PID-7']);
    expect(warnings).toEqual(["The file's header block names a different encoding than its data uses; it was read as implicit VR little endian"]);
  });

  it('reads a file whose meta starts at byte 0 (no preamble)', () => {
    const dataset = encodeDataset(headerElements(), EXPLICIT_LE);
    const bytes = concatBytes([encodeMeta('1.2.840.10008.1.2.1', CT_CLASS, SOP_UID), dataset]);
    const { facts, warnings } = expectInstance(readDicom(bytes));
    expect([facts.datasetOffset, facts.sopInstanceUid]).toEqual([metaLength, SOP_UID]);
    expect(warnings).toEqual(['File has no 128-byte preamble before its header block; it was read from the header block directly']);
  });

  it('falls back to the meta SOP Instance UID when the dataset has none', () => {
    const elements = headerElements().filter((e) => e.tag !== 0x00080018);
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2.1', CT_CLASS, SOP_UID), encodeDataset(elements, EXPLICIT_LE));
    const { facts, warnings } = expectInstance(readDicom(bytes));
    expect(facts.sopInstanceUid).toBe(SOP_UID);
    expect(warnings).toEqual(["The file's data has no instance identifier (SOP Instance UID); the copy in its header block was used"]);
  });
});

describe('readDicom: sequences and odd encodings', () => {
  const nestedUndefined: FixtureElement = {
    tag: 0x00091010,
    vr: 'SQ',
    undefinedLength: true,
    value: {
      undefinedLength: true,
      items: [[{ tag: 0x00091011, vr: 'SQ', undefinedLength: true, value: { items: [[{ tag: 0x00091012, vr: 'LO', value: 'deep' }]], undefinedLength: true } }]],
    },
  };

  it('steps over nested undefined-length private sequences in explicit and implicit VR', () => {
    for (const [uid, enc] of [['1.2.840.10008.1.2.1', EXPLICIT_LE], ['1.2.840.10008.1.2', IMPLICIT_LE]] as const) {
      const { facts, warnings } = expectInstance(readDicom(ctFile(uid, enc, [nestedUndefined])));
      expect([facts.patient.id, facts.image.rows, warnings]).toEqual(['PID-7', 2, []]);
    }
  });

  it('reads an undefined-length VR UN element as an implicit VR sequence', () => {
    const implicitItems = encodeDataset([nestedUndefined], IMPLICIT_LE).subarray(8); // the items + delimiter only
    const un: FixtureElement = { tag: 0x00091010, vr: 'UN', undefinedLength: true, value: implicitItems };
    const { facts, warnings } = expectInstance(readDicom(ctFile('1.2.840.10008.1.2.1', EXPLICIT_LE, [un])));
    expect([facts.patient.id, facts.image.rows, warnings]).toEqual(['PID-7', 2, []]);
  });

  it('records encapsulated pixel data as undefined length', () => {
    const pixels: FixtureElement = { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels([Uint8Array.from([0xff, 0xd8, 0xff, 0xd9])]) };
    const elements = [...headerElements(), ...imageElements(2, 2, PIXELS).filter((e) => e.tag !== 0x7fe00010), pixels];
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2.4.50', CT_CLASS, SOP_UID), encodeDataset(elements, EXPLICIT_LE));
    const { facts } = expectInstance(readDicom(bytes));
    expect([facts.image.encapsulated, facts.image.pixelDataLength, facts.image.pixelDataOffset]).toEqual([true, null, bytes.length - 28]);
  });

  it('locates an encapsulated PDF document without copying it', () => {
    const pdf = latin1('%PDF-1.4 test');
    const elements: FixtureElement[] = [
      ...headerElements(),
      { tag: 0x00420010, vr: 'ST', value: 'Discharge letter' },
      { tag: 0x00420011, vr: 'OB', value: concatBytes([pdf, new Uint8Array(1)]) },
      { tag: 0x00420012, vr: 'LO', value: 'application/pdf' },
    ];
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2.1', '1.2.840.10008.5.1.4.1.1.104.1', SOP_UID), encodeDataset(elements, EXPLICIT_LE));
    const doc = expectInstance(readDicom(bytes)).facts.encapsulatedDocument;
    expect(doc).toEqual({ mimeType: 'application/pdf', title: 'Discharge letter', offset: Buffer.from(bytes).indexOf('%PDF'), length: 14 });
  });

  it('does not offer document offsets inside a deflated dataset', () => {
    const elements: FixtureElement[] = [...headerElements(), { tag: 0x00420011, vr: 'OB', value: latin1('%PDF-1.4') }];
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2.1.99', CT_CLASS, SOP_UID), deflateRawSync(encodeDataset(elements, EXPLICIT_LE)));
    const { facts, warnings } = expectInstance(readDicom(bytes));
    expect([facts.encapsulatedDocument, warnings]).toEqual([null, ['The document inside this file is stored compressed and could not be extracted']]);
  });

  it('normalises ACR-NEMA dotted dates and tolerates junk after an integer string', () => {
    const elements = headerElements().map((e) => (e.tag === 0x00080020 ? { ...e, value: '1994.11.05' } : e));
    elements.push({ tag: 0x00280008, vr: 'IS', value: '1A' });
    const { facts } = expectInstance(readDicom(part10File(encodeMeta('1.2.840.10008.1.2.1', CT_CLASS, SOP_UID), encodeDataset(elements, EXPLICIT_LE))));
    expect([facts.study.date, facts.image.frames]).toEqual(['19941105', 1]);
  });

  it('recognises a DICOMDIR by its SOP class', () => {
    const dataset = encodeDataset([{ tag: 0x00041220, vr: 'SQ', value: { items: [] } }], EXPLICIT_LE);
    const result = readDicom(part10File(encodeMeta('1.2.840.10008.1.2.1', '1.2.840.10008.1.3.10', '1.2.3'), dataset));
    expect(result).toEqual({ kind: 'dicomdir', warnings: [] });
  });
});

describe('readDicom: truncated and damaged files', () => {
  it('imports a file cut inside its pixel data, with a warning', () => {
    const bytes = ctFile('1.2.840.10008.1.2.1', EXPLICIT_LE);
    const { facts, warnings } = expectInstance(readDicom(bytes.subarray(0, bytes.length - 3)));
    expect([facts.sopInstanceUid, facts.image.pixelDataLength]).toEqual([SOP_UID, 8]);
    expect(warnings).toEqual(['The file ends before the image data is complete; the image may be cut off']);
  });

  it('imports a file cut inside a sequence after the index fields, with a warning', () => {
    const sequence: FixtureElement = { tag: 0x300a0010, vr: 'SQ', value: { items: [[{ tag: 0x300a0012, vr: 'IS', value: '1' }, { tag: 0x300a0013, vr: 'LO', value: 'x'.repeat(40) }]] } };
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2', CT_CLASS, SOP_UID), encodeDataset([...headerElements(), sequence], IMPLICIT_LE));
    const { facts, warnings } = expectInstance(readDicom(bytes.subarray(0, bytes.length - 20)));
    expect(facts.studyInstanceUid).toBe('1.2.826.0.1.3680043.9.9999.2');
    expect(warnings).toEqual(['The file ends early, inside its descriptive information; some details may be missing']);
  });

  it('calls a file damaged when it ends before its study is known', () => {
    const bytes = ctFile('1.2.840.10008.1.2.1', EXPLICIT_LE);
    const cut = bytes.indexOf(0x42, 132 + metaLength + 20); // inside the patient's name ('B' of Buc)
    expect(readDicom(bytes.subarray(0, cut + 2))).toEqual({ kind: 'damaged', reason: 'The file ends too early: it is incomplete and cannot be read' });
  });

  it('calls a file damaged when DICM is followed by garbage', () => {
    const bytes = concatBytes([new Uint8Array(128), latin1('DICM'), Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 251)]);
    expect(readDicom(bytes)).toEqual({ kind: 'damaged', reason: 'The file is marked as a medical image (DICOM) file, but its contents cannot be read' });
  });
});

describe('readDicom: files that are not DICOM', () => {
  const cases: [string, Uint8Array, string][] = [
    ['PDF', latin1('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'Not a DICOM file (a PDF document)'],
    ['ZIP', concatBytes([Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(40)]), 'A ZIP archive — unpack it first'],
    ['gzip', Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]), 'Compressed with gzip — unpack it first'],
    ['Windows program', concatBytes([latin1('MZ'), new Uint8Array(200)]), 'Not a DICOM file (a program)'],
    ['Linux program', concatBytes([Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), new Uint8Array(200)]), 'Not a DICOM file (a program)'],
    ['macOS program', concatBytes([Uint8Array.from([0xcf, 0xfa, 0xed, 0xfe]), new Uint8Array(200)]), 'Not a DICOM file (a program)'],
    ['autorun.inf', latin1('[autorun]\r\nopen=viewer.exe\r\nicon=viewer.ico\r\n'), 'Not a DICOM file (a text file)'],
    ['web page', latin1('<!DOCTYPE html>\n<html><body>Viewer</body></html>\n'), 'Not a DICOM file (a web page)'],
    ['empty file', new Uint8Array(0), 'Not a DICOM file (the file is empty)'],
    ['random bytes', Uint8Array.from({ length: 600 }, (_, i) => (i * 131 + 7) % 256), 'Not a DICOM file (its format is not recognised)'],
  ];
  it.each(cases)('%s', (_name, bytes, reason) => {
    expect(readDicom(bytes)).toEqual({ kind: 'not-dicom', reason });
  });
});

describe('readDicom: pixel data is located, not read', () => {
  it('records where the pixels of a 512x512 16-bit CT are without copying them', () => {
    const pixels = new Uint8Array(512 * 512 * 2);
    const bytes = part10File(encodeMeta('1.2.840.10008.1.2.1', CT_CLASS, SOP_UID), encodeDataset([...headerElements(), ...imageElements(512, 512, pixels)], EXPLICIT_LE));
    const { facts } = expectInstance(readDicom(bytes));
    expect([facts.image.pixelDataOffset, facts.image.pixelDataLength]).toEqual([bytes.length - pixels.length, pixels.length]);
  });
});
