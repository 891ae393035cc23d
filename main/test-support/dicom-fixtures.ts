/** Test fixtures: small but real DICOM files written with dcmjs, with chosen identities. */
import { randomBytes } from 'node:crypto';
import dcmjs from 'dcmjs';

const { DicomDict, DicomMetaDictionary } = dcmjs.data;
dcmjs.log.setLevel('error');

export const newUid = (): string => `2.25.${BigInt('0x' + randomBytes(15).toString('hex')).toString()}`;

export interface FixtureOptions {
  patientName?: string;
  patientId?: string;
  birthDate?: string;
  studyUid?: string;
  seriesUid?: string;
  sopUid?: string;
  modality?: string;
  studyDescription?: string;
  seriesDescription?: string;
  institution?: string;
  /** Manufacturer (0008,0070), written only when given. */
  manufacturer?: string;
  /** Study ID (0020,0010), written only when given. */
  studyId?: string;
  /** YYYYMMDD; default 20240315. */
  studyDate?: string;
  /** Body Part Examined, written only when given. */
  bodyPart?: string;
  instanceNumber?: number;
  rows?: number;
  columns?: number;
  /** Changes pixel values, so two files with the same UIDs can differ. */
  seed?: number;
  charset?: string;
  /** Written as Number of Frames (0028,0008) when given; the pixel data stays one frame. */
  numberOfFrames?: number;
}

export function makeDicom(o: FixtureOptions = {}): Buffer {
  const rows = o.rows ?? 16;
  const columns = o.columns ?? 16;
  const pixels = new Uint16Array(rows * columns);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 31 + (o.seed ?? 0) * 7) & 0x0fff;
  const sopUid = o.sopUid ?? newUid();
  const dataset: Record<string, unknown> = {
    SpecificCharacterSet: o.charset ?? 'ISO_IR 192',
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    SOPInstanceUID: sopUid,
    StudyInstanceUID: o.studyUid ?? newUid(),
    SeriesInstanceUID: o.seriesUid ?? newUid(),
    PatientName: o.patientName ?? 'DOE^JANE',
    PatientID: o.patientId ?? 'MRN-0001',
    PatientBirthDate: o.birthDate ?? '19800101',
    PatientSex: 'F',
    StudyDate: o.studyDate ?? '20240315',
    StudyTime: '101500',
    StudyDescription: o.studyDescription ?? 'CT HEAD',
    SeriesDescription: o.seriesDescription ?? 'AXIAL',
    InstitutionName: o.institution ?? 'Mercy Hospital',
    ...(o.manufacturer !== undefined ? { Manufacturer: o.manufacturer } : {}),
    ...(o.studyId !== undefined ? { StudyID: o.studyId } : {}),
    AccessionNumber: 'ACC123',
    Modality: o.modality ?? 'CT',
    ...(o.bodyPart !== undefined ? { BodyPartExamined: o.bodyPart } : {}),
    SeriesNumber: 1,
    InstanceNumber: o.instanceNumber ?? 1,
    ...(o.numberOfFrames !== undefined ? { NumberOfFrames: o.numberOfFrames } : {}),
    Rows: rows,
    Columns: columns,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    PixelData: [pixels.buffer],
    _vrMap: { PixelData: 'OW' },
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: sopUid,
    TransferSyntaxUID: '1.2.840.10008.1.2.1',
    ImplementationClassUID: '2.25.1',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return Buffer.from(dict.write());
}

/** A series of `count` slices sharing study and series UIDs. */
export function makeSeries(count: number, o: FixtureOptions = {}): Buffer[] {
  const studyUid = o.studyUid ?? newUid();
  const seriesUid = o.seriesUid ?? newUid();
  return Array.from({ length: count }, (_, i) => makeDicom({ ...o, studyUid, seriesUid, instanceNumber: i + 1, seed: i }));
}

export const FAST_KDF = {
  kdfPolicy: { minMemoryKiB: 8, minIterations: 1 },
  kdfParams: { memoryKiB: 64, iterations: 1, parallelism: 1 },
} as const;
