/**
 * Test and bench helper: a long CT series (new study, series and instance UIDs) made from the
 * sample CT slices, each placed 1 mm further along z so it is a real volume for the viewer.
 */
import dcmjs from 'dcmjs';
import { newUid } from '../dicom-fixtures';

const { DicomDict, DicomMessage, DicomMetaDictionary } = dcmjs.data;

type Dataset = Record<string, unknown>;

export function makeCtVolume(sources: readonly Buffer[], count: number): Buffer[] {
  const parsed = sources.map((b) => {
    const file = DicomMessage.readFile(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    return { meta: DicomMetaDictionary.naturalizeDataset(file.meta), data: DicomMetaDictionary.naturalizeDataset(file.dict) };
  });
  const studyUid = newUid();
  const seriesUid = newUid();
  return Array.from({ length: count }, (_, i) => {
    const src = parsed[i % parsed.length];
    if (!src) throw new Error('no source slices');
    const sop = newUid();
    const pos = (src.data.ImagePositionPatient as number[] | undefined) ?? [0, 0, 0];
    const data: Dataset = {
      ...src.data,
      StudyInstanceUID: studyUid, SeriesInstanceUID: seriesUid, SOPInstanceUID: sop,
      InstanceNumber: i + 1, ImagePositionPatient: [pos[0], pos[1], -i], SliceLocation: -i,
      StudyDescription: 'BENCH CT VOLUME', SeriesDescription: `BENCH ${count} SLICES`,
    };
    const meta = { ...src.meta, MediaStorageSOPInstanceUID: sop, TransferSyntaxUID: '1.2.840.10008.1.2.1' };
    const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
    dict.dict = DicomMetaDictionary.denaturalizeDataset(data);
    return Buffer.from(dict.write());
  });
}
