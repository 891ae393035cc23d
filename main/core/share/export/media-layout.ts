/**
 * Where each exported file goes on the "disc": PS3.10 file IDs (uppercase A-Z, 0-9 and _, at most
 * 8 characters a component, at most 8 levels), one folder per patient, study and series, in the
 * order the DICOMDIR lists them: DICOM/P0000001/S0000001/SE000001/IM000001.
 */
import { readDicomTree } from '../deid';
import type { DataElement, DicomTree } from '../deid/dataset-tree';

/** The header values one file contributes to its DICOMDIR records, as raw (padded) value bytes. */
export interface RecordKeys {
  charset: Uint8Array | null;
  patientName: Uint8Array | null;
  patientId: string;
  studyUid: string;
  studyDate: Uint8Array | null;
  studyTime: Uint8Array | null;
  studyDescription: Uint8Array | null;
  accession: Uint8Array | null;
  studyId: Uint8Array | null;
  seriesUid: string;
  modality: Uint8Array | null;
  seriesNumber: Uint8Array | null;
  instanceNumber: Uint8Array | null;
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
  mimeType: Uint8Array | null;
}

const find = (elements: readonly DataElement[], tag: number) => elements.find((e) => e.tag === tag);
const bytesOf = (elements: readonly DataElement[], tag: number): Uint8Array | null => {
  const v = find(elements, tag)?.value;
  return v === undefined || Buffer.from(v).toString('latin1').replace(/[\0 ]+$/, '') === '' ? null : v;
};
const textOf = (elements: readonly DataElement[], tag: number): string => Buffer.from(find(elements, tag)?.value ?? new Uint8Array(0)).toString('latin1').replace(/[\0 ]+$/, '').trim();

/** `tree` is `file` as already parsed, when it is. */
export function recordKeysOf(file: Uint8Array, tree: DicomTree = readDicomTree(file)): RecordKeys {
  const d = tree.dataset;
  return {
    charset: bytesOf(d, 0x00080005),
    patientName: bytesOf(d, 0x00100010),
    patientId: textOf(d, 0x00100020),
    studyUid: textOf(d, 0x0020000d),
    studyDate: bytesOf(d, 0x00080020),
    studyTime: bytesOf(d, 0x00080030),
    studyDescription: bytesOf(d, 0x00081030),
    accession: bytesOf(d, 0x00080050),
    studyId: bytesOf(d, 0x00200010),
    seriesUid: textOf(d, 0x0020000e),
    modality: bytesOf(d, 0x00080060),
    seriesNumber: bytesOf(d, 0x00200011),
    instanceNumber: bytesOf(d, 0x00200013),
    sopClassUid: textOf(d, 0x00080016) || textOf(tree.meta, 0x00020002),
    sopInstanceUid: textOf(d, 0x00080018) || textOf(tree.meta, 0x00020003),
    transferSyntaxUid: tree.transferSyntaxUid,
    mimeType: bytesOf(d, 0x00420012),
  };
}

export interface PlacedFile { fileId: string[]; keys: RecordKeys }

const number = (prefix: string, n: number) => `${prefix}${String(n).padStart(8 - prefix.length, '0')}`;

/** Hands out file IDs in patient, study, series order; the same patient/study/series always gets the same folder. */
export class MediaLayout {
  private readonly patients = new Map<string, { dir: string; studies: Map<string, { dir: string; series: Map<string, { dir: string; images: number }> }> }>();

  place(keys: RecordKeys): string[] {
    const patientKey = keys.patientId;
    let patient = this.patients.get(patientKey);
    if (patient === undefined) {
      patient = { dir: number('P', this.patients.size + 1), studies: new Map() };
      this.patients.set(patientKey, patient);
    }
    let study = patient.studies.get(keys.studyUid);
    if (study === undefined) {
      study = { dir: number('S', patient.studies.size + 1), series: new Map() };
      patient.studies.set(keys.studyUid, study);
    }
    let series = study.series.get(keys.seriesUid);
    if (series === undefined) {
      series = { dir: number('SE', study.series.size + 1), images: 0 };
      study.series.set(keys.seriesUid, series);
    }
    series.images += 1;
    return ['DICOM', patient.dir, study.dir, series.dir, number('IM', series.images)];
  }
}

export const isPs310FileId = (fileId: readonly string[]): boolean => fileId.length <= 8 && fileId.every((c) => /^[A-Z0-9_]{1,8}$/.test(c));
