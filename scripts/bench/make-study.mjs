// Builds a large multi-series study for the import benchmark: copies of the real sample slices
// with fresh Study/Series/SOP Instance UIDs (or synthetic 512x512 CT slices when ../shared is absent).
import dcmjs from 'dcmjs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const { DicomMessage, DicomMetaDictionary, DicomDict } = dcmjs.data;
dcmjs.log.setLevel('error'); // its warnings about vendor private tags are noise here

const newUid = () => `2.25.${BigInt('0x' + randomBytes(15).toString('hex')).toString()}`;

function sampleSeries(samplesRoot) {
  const dirs = ['mr-series/head-t1-sag-siemens-trio-with-face', 'ct-series/chest-ct-3slice-ge'];
  return dirs
    .map((d) => path.join(samplesRoot, d))
    .filter((d) => existsSync(d))
    .map((d) => readdirSync(d).filter((f) => f.endsWith('.dcm')).map((f) => readFileSync(path.join(d, f))))
    .filter((files) => files.length > 0);
}

function syntheticSeries() {
  const slices = [];
  for (let i = 0; i < 20; i++) {
    const pixels = new Uint16Array(512 * 512);
    for (let p = 0; p < pixels.length; p++) pixels[p] = (p * 7 + i * 13) & 0x0fff;
    const ds = {
      _meta: {}, SOPClassUID: '1.2.840.10008.5.1.4.1.1.2', SOPInstanceUID: newUid(), StudyInstanceUID: newUid(),
      SeriesInstanceUID: newUid(), Modality: 'CT', PatientName: 'BENCH^SYNTHETIC', PatientID: 'BENCH', InstanceNumber: i + 1,
      Rows: 512, Columns: 512, BitsAllocated: 16, BitsStored: 12, HighBit: 11, PixelRepresentation: 0, SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2', PixelData: [pixels.buffer],
    };
    slices.push(writeDataset(ds, '1.2.840.10008.1.2.1'));
  }
  return [slices];
}

function writeDataset(naturalized, transferSyntax) {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: naturalized.SOPClassUID,
    MediaStorageSOPInstanceUID: naturalized.SOPInstanceUID,
    TransferSyntaxUID: transferSyntax,
    ImplementationClassUID: '2.25.1',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  const { _meta, ...rest } = naturalized;
  dict.dict = DicomMetaDictionary.denaturalizeDataset(rest);
  return Buffer.from(dict.write());
}

/** Returns { files, bytes } written into outDir, about targetBytes in total. */
export function makeStudy(outDir, samplesRoot, targetBytes) {
  mkdirSync(outDir, { recursive: true });
  const sources = sampleSeries(samplesRoot);
  const series = sources.length > 0 ? sources : syntheticSeries();
  const studyUid = newUid();
  let bytes = 0;
  let files = 0;
  for (let s = 0; bytes < targetBytes; s++) {
    const slices = series[s % series.length];
    const seriesUid = newUid();
    const dir = path.join(outDir, `series-${String(s).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (const [i, original] of slices.entries()) {
      const ab = original.buffer.slice(original.byteOffset, original.byteOffset + original.byteLength);
      const msg = DicomMessage.readFile(ab);
      const ds = DicomMetaDictionary.naturalizeDataset(msg.dict);
      ds.StudyInstanceUID = studyUid;
      ds.SeriesInstanceUID = seriesUid;
      ds.SOPInstanceUID = newUid();
      ds.SeriesNumber = s + 1;
      ds.PatientName = 'BENCH^STUDY';
      ds.PatientID = 'BENCH-1';
      const out = writeDataset(ds, msg.meta['00020010']?.Value?.[0] ?? '1.2.840.10008.1.2.1');
      writeFileSync(path.join(dir, `IM${String(i).padStart(4, '0')}.dcm`), out);
      bytes += out.length;
      files++;
      if (bytes >= targetBytes) break;
    }
  }
  return { files, bytes };
}
