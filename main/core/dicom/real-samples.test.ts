/**
 * Every file of the shared real-file corpus, against the product rule: whatever dcmtk's dcmdump
 * reads must import. Skipped when ../shared/dicom-samples is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicomdir } from './dicomdir';
import { readDicom } from './read-dicom';
import { SAMPLES_DIR, readManifest, sampleBytes, samplesPresent, type ManifestRow } from '../../test-support/sample-corpus';
import type { DicomReadResult } from './types';

/** Files dcmtk reads that carry no SOP Instance UID anywhere (dataset or meta): the importer assigns one. */
const NO_SOP_INSTANCE_UID = new Set([
  'malformed/meta_missing_tsyntax.dcm', // meta has an empty (0002,0003); the dataset holds only a private sequence
  'private-tags-sequences/nested_priv_SQ.dcm', // the same test dataset, with a transfer syntax
  'malformed/empty_charset_LEI.dcm', // only (0008,0005) and (0008,0008)
  'transfer-syntax/misc-pydicom-data/JLSL_RGB_ILV0.dcm', // minimal generated files: SOP Class, image module, pixels
  'transfer-syntax/misc-pydicom-data/JLSL_RGB_ILV1.dcm',
  'transfer-syntax/misc-pydicom-data/JLSL_RGB_ILV2.dcm',
  'transfer-syntax/misc-pydicom-data/JLSN_RGB_ILV0.dcm',
]);

/** Files dcmdump cannot read, and what this reader makes of them. */
const DCMTK_FAILURES: Record<string, DicomReadResult['kind']> = {
  'malformed/MR_truncated.dcm': 'instance', // cut inside pixel data: imported with a warning
  'malformed/emri_small_jpeg_2k_lossless_too_short.dcm': 'instance', // last fragment cut: imported with a warning
  'malformed/rtplan_truncated.dcm': 'instance', // cut inside a sequence after the index fields
  'malformed/no_meta.dcm': 'not-dicom', // a stray byte before the dataset: unreadable for dcmtk and pydicom too
};

function expectedKind(row: ManifestRow): DicomReadResult['kind'] {
  if (row.modality.startsWith('n/a (DICOMDIR)')) return 'dicomdir';
  if (row.modality.startsWith('n/a')) return 'not-dicom';
  return DCMTK_FAILURES[row.path] ?? 'instance';
}

/** Blank means one frame; IS junk such as '1A' is read by its leading integer. */
function expectedFrames(row: ManifestRow): number {
  const match = /^\d+/.exec(row.frames);
  return match ? Number(match[0]) : 1;
}

interface Mismatch {
  path: string;
  expected: string;
  got: string;
}

function check(row: ManifestRow, result: DicomReadResult): Mismatch[] {
  const kind = expectedKind(row);
  const mismatches: Mismatch[] = [];
  const reason = 'reason' in result ? result.reason : '';
  if (result.kind !== kind) return [{ path: row.path, expected: kind, got: `${result.kind} ${reason}` }];
  if (result.kind !== 'instance') return [];
  const { facts, warnings } = result;
  if (facts.sopInstanceUid === null && !NO_SOP_INSTANCE_UID.has(row.path)) {
    mismatches.push({ path: row.path, expected: 'a SOP Instance UID', got: 'none' });
  }
  if (facts.image.frames !== expectedFrames(row)) {
    mismatches.push({ path: row.path, expected: `${expectedFrames(row)} frames`, got: `${facts.image.frames} frames` });
  }
  const identifying = [facts.patient.name, facts.patient.id, facts.sopInstanceUid].filter((v): v is string => v !== null && v.length >= 3);
  if (warnings.some((w) => identifying.some((value) => w.includes(value)))) {
    mismatches.push({ path: row.path, expected: 'warnings without patient data', got: warnings.join(' | ') });
  }
  return mismatches;
}

describe.skipIf(!samplesPresent)('real samples: every MANIFEST.tsv file', () => {
  const rows = samplesPresent ? readManifest() : [];

  it('imports everything dcmdump reads, and classifies the rest', () => {
    const mismatches = rows.flatMap((row) => check(row, readDicom(sampleBytes(row.path))));
    if (mismatches.length > 0) console.table(mismatches);
    expect(mismatches).toEqual([]);
    expect(rows.length).toBe(443);
  });

  it('warns about the damaged files it imports', () => {
    const warningsOf = (p: string) => {
      const result = readDicom(sampleBytes(p));
      return result.kind === 'instance' ? result.warnings : [result.kind];
    };
    expect(warningsOf('malformed/MR_truncated.dcm')).toEqual(['The file ends before the image data is complete; the image may be cut off']);
    expect(warningsOf('malformed/emri_small_jpeg_2k_lossless_too_short.dcm')).toEqual(['The file ends before the image data is complete; the image may be cut off']);
    expect(warningsOf('malformed/rtplan_truncated.dcm')).toEqual(['The file ends early, inside its descriptive information; some details may be missing']);
    expect(warningsOf('xray-cr-dx-mg/CR-MONO1-10-chest')).toEqual(['File has no DICOM header block (meta information); format was inferred as implicit VR little endian']);
    expect(warningsOf('malformed/ExplVR_BigEndNoMeta.dcm')).toEqual(['File has no DICOM header block (meta information); format was inferred as explicit VR big endian']);
  });

  it('reads the patient-facing text of sample files exactly', () => {
    const facts = (p: string) => {
      const result = readDicom(sampleBytes(p));
      if (result.kind !== 'instance') throw new Error(result.kind);
      return result.facts;
    };
    const pdf = facts('sr-pdf-rt-other/sample-pdf.dcm').encapsulatedDocument;
    expect(pdf?.mimeType).toBe('application/pdf');
    expect(sampleBytes('sr-pdf-rt-other/sample-pdf.dcm').subarray(pdf?.offset ?? 0, (pdf?.offset ?? 0) + 5).toString('latin1')).toBe('%PDF-');
    const dx = facts('xray-cr-dx-mg/dx_image.dcm');
    expect([dx.patient.name, dx.series.modality, dx.image.photometric]).toEqual(['Dog^AVeryGood', 'DX', 'MONOCHROME1']);
  });
});

describe.skipIf(!samplesPresent)('real samples: DICOMDIR', () => {
  const dicomdirs: [string, number][] = [
    ['dicomdir-cd/pydicom-dicomdirtests/DICOMDIR', 31],
    ['dicomdir-cd/pydicom-dicomdirtests/DICOMDIR-bigEnd', 31],
    ['dicomdir-cd/pydicom-dicomdirtests/DICOMDIR-implicit', 31],
    ['dicomdir-cd/pydicom-dicomdirtests/DICOMDIR-nooffset', 31],
    ['dicomdir-cd/pydicom-dicomdirtests/DICOMDIR-nopatient', 31],
    ['dicomdir-cd/pydicom-dicomdirtests/DICOMDIR-reordered', 31],
    ['dicomdir-cd/pydicom-dicomdirtests/DICOMDIR-empty.dcm', 0],
    ['dicomdir-cd/pydicom-dicomdirtests/TINY_ALPHA/DICOMDIR', 50],
  ];

  it.each(dicomdirs)('%s lists %i files, all present beside it', (file, count) => {
    const { entries, warnings } = readDicomdir(sampleBytes(file));
    expect([entries.length, warnings]).toEqual([count, []]);
    const missing = entries.filter((e) => !existsSync(path.join(SAMPLES_DIR, path.dirname(file), ...e.referencedFileId)));
    expect(missing).toEqual([]);
  });

  it('keeps the path components as stored', () => {
    const { entries } = readDicomdir(sampleBytes('dicomdir-cd/pydicom-dicomdirtests/DICOMDIR'));
    expect(entries[0]).toEqual({ referencedFileId: ['77654033', 'CR1', '6154'], recordType: 'IMAGE' });
  });
});
