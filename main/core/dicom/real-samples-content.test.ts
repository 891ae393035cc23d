/**
 * Real-file checks of content: character sets against charset/FileInfo.txt, frame digests across
 * the same image in different transfer syntaxes, and a cross-check against dcmjs where it parses.
 */
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { frameDigests } from './digests';
import { readDicom } from './read-dicom';
import { readManifest, sampleBytes, samplesPresent } from '../../test-support/sample-corpus';
import type { DicomFacts } from './types';

function factsOf(relativePath: string): DicomFacts {
  const result = readDicom(sampleBytes(relativePath));
  if (result.kind !== 'instance') throw new Error(`${relativePath}: ${result.kind}`);
  return result.facts;
}

function digestsOf(relativePath: string): string[] {
  const bytes = sampleBytes(relativePath);
  const result = frameDigests(bytes, factsOf(relativePath));
  if (result.status !== 'done') throw new Error(`${relativePath}: ${result.status} ${result.reason}`);
  return result.digests.map((d) => d.toString('hex'));
}

/** Decoded with Python's codecs from the FileInfo.txt bytes (and pydicom for the *Multi files). */
const EXPECTED_NAMES: Record<string, string> = {
  'chrArab.dcm': 'قباني^لنزار',
  'chrFren.dcm': 'Buc^Jérôme',
  'chrFrenMulti.dcm': 'Buc^Jérôme',
  'chrGerm.dcm': 'Äneas^Rüdiger',
  'chrGreek.dcm': 'Διονυσιος',
  'chrH31.dcm': 'Yamada^Tarou=山田^太郎=やまだ^たろう',
  'chrH32.dcm': 'ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう',
  'chrHbrw.dcm': 'שרון^דבורה',
  'chrI2.dcm': 'Hong^Gildong=洪^吉洞=홍^길동',
  'chrRuss.dcm': 'Люкceмбypг',
  'chrX1.dcm': 'Wang^XiaoDong=王^小東=',
  'chrX2.dcm': 'Wang^XiaoDong=王^小东=',
  'chrJapMulti.dcm': 'やまだ^たろう',
  'chrJapMultiExplicitIR6.dcm': 'やまだ^たろう',
  'chrKoreanMulti.dcm': '김희중',
};

/** FileInfo.txt rows: file name and the raw Patient's Name bytes (Python escapes). */
function fileInfoRows(): [string, Buffer][] {
  const text = sampleBytes('charset/FileInfo.txt').toString('latin1');
  return text.split('\n').flatMap((line) => {
    const match = /^(chr\w+\.dcm)\s.*'(.*)'\s*$/.exec(line);
    if (!match?.[1] || match[2] === undefined) return [];
    const raw = match[2].replace(/\\x([0-9a-f]{2})/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
    return [[match[1], Buffer.from(raw, 'latin1')] as [string, Buffer]];
  });
}

describe.skipIf(!samplesPresent)('real samples: character sets', () => {
  it('FileInfo.txt lists 12 files whose raw name bytes are in the files', () => {
    const rows = fileInfoRows();
    expect(rows.map(([name]) => name)).toEqual(Object.keys(EXPECTED_NAMES).slice(0, 12));
    for (const [name, raw] of rows) expect(sampleBytes(`charset/${name}`).indexOf(raw)).toBeGreaterThan(0);
  });

  it.each(Object.entries(EXPECTED_NAMES))('%s decodes to %s', (name, expected) => {
    expect(factsOf(`charset/${name}`).patient.name).toBe(expected);
  });

  it('decodes other text fields in ISO 2022 files', () => {
    expect(factsOf('charset/chrJapMulti.dcm').study.description).toBe('Chest');
    expect(factsOf('transfer-syntax/misc-pydicom/J2K_pixelrep_mismatch.dcm').specificCharacterSet).toBe('ISO 2022 IR 13\\ISO 2022 IR 87');
  });
});

const CT = 'transfer-syntax/ct-all-syntaxes-cornerstone/CTImage.dcm';
const MR = 'transfer-syntax/mr-small-pydicom/MR_small';
const SAME_IMAGE_SETS: [string, string[]][] = [
  ['GE CT: implicit, explicit, big endian, deflated, RLE', [
    CT, `${CT}_LittleEndianImplicitTransferSyntax_1.2.840.10008.1.2.dcm`, `${CT}_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm`,
    `${CT}_BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2.dcm`, `${CT}_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm`,
    `${CT}_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm`,
  ]],
  ['MR_small: explicit, implicit, two big endian, RLE, padded', [`${MR}.dcm`, `${MR}_implicit.dcm`, `${MR}_bigendian.dcm`, `${MR}_expb.dcm`, `${MR}_RLE.dcm`, `${MR}_padded.dcm`]],
  ['enhanced MR, 10 frames: native, big endian, RLE', ['multiframe/enhanced-mr-small/emri_small.dcm', 'multiframe/enhanced-mr-small/emri_small_big_endian.dcm', 'multiframe/enhanced-mr-small/emri_small_RLE.dcm']],
  ['enhanced CT, 2 frames: native, RLE', ['multiframe/enhanced-ct-ct0012/CT0012.explicit_little_endian.dcm', 'multiframe/enhanced-ct-ct0012/CT0012.not_fragmented_bot_rle.dcm']],
  ['palette US, 2 frames: native, RLE', ['multiframe/palette-us-2frame/OBXXXX1A_2frame.dcm', 'multiframe/palette-us-2frame/OBXXXX1A_rle_2frame.dcm']],
  ['RGB 8-bit: native, big endian, re-wrapped, RLE', ['secondary-capture/SC_rgb.dcm', 'secondary-capture/SC_rgb_expb.dcm', 'secondary-capture/SC_rgb_gdcm2k_uncompressed.dcm', 'transfer-syntax/misc-pydicom/SC_rgb_rle.dcm']],
  ['RGB 16-bit: native, RLE', ['secondary-capture/SC_rgb_16bit.dcm', 'transfer-syntax/misc-pydicom/SC_rgb_rle_16bit.dcm']],
  ['RGB 32-bit: native, RLE', ['secondary-capture/SC_rgb_32bit.dcm', 'transfer-syntax/misc-pydicom/SC_rgb_rle_32bit.dcm']],
  ['1-bit SEG, 3 frames: native, RLE, deflated frames', ['sr-pdf-rt-other/liver.dcm', 'transfer-syntax/misc-pydicom-data/liver_rle.dcm', 'transfer-syntax/misc-pydicom-data/liver_deflate.dcm']],
  ['RGB colour-by-plane and colour-by-pixel', ['color-photometric/color-pl.dcm', 'color-photometric/color-px.dcm']],
  ['3x3 RGB odd length: little and big endian', ['color-photometric/SC_rgb_small_odd.dcm', 'color-photometric/SC_rgb_small_odd_big_endian.dcm']],
  ['Siemens MR, as sent and after a PACS renumbered private tags', ['private-tags-sequences/agfa-renamed-private-tags/Siemens/011-0001.img', 'private-tags-sequences/agfa-renamed-private-tags/Agfa/011-0001.img']],
];

describe.skipIf(!samplesPresent)('real samples: same image, different encodings', () => {
  it.each(SAME_IMAGE_SETS)('%s give identical frame digests', (_name, files) => {
    const [first, ...rest] = files.map(digestsOf);
    expect(first?.length).toBe(factsOf(files[0] ?? '').image.frames);
    for (const digests of rest) expect(digests).toEqual(first);
  });

  it('different images give different digests', () => {
    expect(digestsOf(`${MR}.dcm`)).not.toEqual(digestsOf(CT));
    const frames = digestsOf('multiframe/enhanced-mr-small/emri_small.dcm');
    expect(new Set(frames).size).toBe(10);
  });
});

function dcmjsNaturalized(bytes: Buffer): Record<string, unknown> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const file = dcmjs.data.DicomMessage.readFile(arrayBuffer, { untilTag: '7FE00010' });
  return dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict);
}

/** dcmjs strips non-digits from UI values; this file's UIDs are hex strings (dcmdump agrees with us). */
const DCMJS_ALTERS_UIDS = new Set(['malformed/bad_sequence.dcm']);

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

describe.skipIf(!samplesPresent)('real samples: cross-check against dcmjs', () => {
  it('agrees on identifiers, geometry and patient ID wherever dcmjs parses the file', () => {
    const rows = readManifest().filter((row) => row.parseDcmjs === 'ok' && !row.modality.startsWith('n/a') && !DCMJS_ALTERS_UIDS.has(row.path));
    const disagreements: string[] = [];
    for (const row of rows) {
      const ours = factsOf(row.path);
      const theirs = dcmjsNaturalized(sampleBytes(row.path));
      const pairs: [string, unknown, unknown][] = [
        ['SOPInstanceUID', ours.sopInstanceUid, theirs.SOPInstanceUID ?? null],
        ['StudyInstanceUID', ours.studyInstanceUid, theirs.StudyInstanceUID ?? null],
        ['SeriesInstanceUID', ours.seriesInstanceUid, theirs.SeriesInstanceUID ?? null],
        ['Rows', ours.image.rows, first(theirs.Rows) ?? null],
        ['Columns', ours.image.columns, first(theirs.Columns) ?? null],
        ['Modality', ours.series.modality, theirs.Modality ?? null],
        ['PatientID', ours.patient.id, theirs.PatientID ?? null],
        ['AccessionNumber', ours.study.accession, theirs.AccessionNumber ?? null],
      ];
      for (const [name, a, b] of pairs) {
        const theirsTrimmed = typeof b === 'string' ? b.trim() || null : b;
        if (a !== theirsTrimmed && !(name === 'SOPInstanceUID' && theirsTrimmed === null)) disagreements.push(`${row.path} ${name}`);
      }
    }
    expect(rows.length).toBeGreaterThan(380);
    expect(disagreements).toEqual([]);
  });
});
