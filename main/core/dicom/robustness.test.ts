/** The reader never throws, whatever the bytes; and it reads what dcmjs writes. */
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { datasetDigest, frameDigests } from './digests';
import { readDicomdir } from './dicomdir';
import { EXPLICIT_LE } from './element-walker';
import { readDicom } from './read-dicom';
import { encapsulatedPixels, encodeDataset, encodeMeta, part10File, type FixtureElement } from '../../test-support/dicom/test-fixtures';

function dcmjsFile(): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
    MediaStorageSOPInstanceUID: '1.2.826.0.1.3680043.9.9999.7',
    TransferSyntaxUID: '1.2.840.10008.1.2.1',
    ImplementationClassUID: '1.2.826.0.1.3680043.9.9999',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset({
    SpecificCharacterSet: 'ISO_IR 192',
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
    SOPInstanceUID: '1.2.826.0.1.3680043.9.9999.7',
    StudyInstanceUID: '1.2.826.0.1.3680043.9.9999.8',
    SeriesInstanceUID: '1.2.826.0.1.3680043.9.9999.9',
    PatientName: [{ Alphabetic: 'Wang^XiaoDong', Ideographic: '王^小東' }],
    Modality: 'OT',
    Rows: 2,
    Columns: 2,
    BitsAllocated: 16,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    PixelData: [new Uint16Array([1, 2, 3, 4]).buffer],
    _vrMap: { PixelData: 'OW' },
  });
  return new Uint8Array(dict.write());
}

function rleFile(): Uint8Array {
  const header = new DataView(new ArrayBuffer(64));
  header.setUint32(0, 1, true);
  header.setUint32(4, 64, true);
  const frame = new Uint8Array([...new Uint8Array(header.buffer), 3, 1, 2, 3, 4]);
  const elements: FixtureElement[] = [
    { tag: 0x00080018, vr: 'UI', value: '1.2.3.4' },
    { tag: 0x0020000d, vr: 'UI', value: '1.2.3' },
    { tag: 0x00280010, vr: 'US', value: { us: [2] } },
    { tag: 0x00280011, vr: 'US', value: { us: [2] } },
    { tag: 0x00280100, vr: 'US', value: { us: [8] } },
    { tag: 0x00291010, vr: 'SQ', undefinedLength: true, value: { items: [[{ tag: 0x00291011, vr: 'LO', value: 'x' }]], undefinedLength: true } },
    { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels([frame]) },
  ];
  return part10File(encodeMeta('1.2.840.10008.1.2.5', '1.2.840.10008.5.1.4.1.1.7', '1.2.3.4'), encodeDataset(elements, EXPLICIT_LE));
}

function exercise(bytes: Uint8Array): string {
  const result = readDicom(bytes);
  if (result.kind === 'instance') {
    frameDigests(bytes, result.facts);
    datasetDigest(bytes, result.facts);
  }
  if (result.kind === 'dicomdir') {
    try {
      readDicomdir(bytes);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'DicomError') throw error;
    }
  }
  return result.kind;
}

describe('robustness', () => {
  it('reads a file written by dcmjs, UTF-8 names included', () => {
    const result = readDicom(dcmjsFile());
    if (result.kind !== 'instance') throw new Error(result.kind);
    expect([result.facts.patient.name, result.facts.sopInstanceUid, result.facts.image.rows, result.warnings]).toEqual([
      'Wang^XiaoDong=王^小東',
      '1.2.826.0.1.3680043.9.9999.7',
      2,
      [],
    ]);
  });

  it('never throws on a file cut at any byte', () => {
    for (const file of [dcmjsFile(), rleFile()]) {
      const kinds = new Set<string>();
      for (let cut = 0; cut <= file.length; cut++) kinds.add(exercise(file.subarray(0, cut)));
      expect([...kinds].sort()).toEqual(['damaged', 'instance', 'not-dicom']);
    }
  });

  it('never throws on corrupted bytes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const file of [dcmjsFile(), rleFile()]) {
      for (let run = 0; run < 400; run++) {
        const bytes = file.slice();
        for (let k = 0; k < 3; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        expect(['instance', 'damaged', 'not-dicom', 'dicomdir']).toContain(exercise(bytes));
      }
    }
  });
});
