/**
 * Real files (../shared/dicom-samples): every lossless compressed encoding of an image must give
 * the same frame digests as its native encoding; lossy ones decode to the right number of frames;
 * every compressed file of the corpus gets a definite answer.
 */
import { describe, expect, it } from 'vitest';
import { allFrameDigests, decodeCompressedFrames, isCodecTransferSyntax } from './decode-compressed';
import { readDicom } from './read-dicom';
import type { DicomFacts } from './types';
import { readManifest, sampleBytes, samplesPresent } from '../../test-support/sample-corpus';

function read(relativePath: string): { bytes: Buffer; facts: DicomFacts } {
  const bytes = sampleBytes(relativePath);
  const result = readDicom(bytes);
  if (result.kind !== 'instance') throw new Error(`${relativePath}: ${result.kind}`);
  return { bytes, facts: result.facts };
}

async function digestsOf(relativePath: string): Promise<string[]> {
  const { bytes, facts } = read(relativePath);
  const result = await allFrameDigests(bytes, facts);
  if (result.status !== 'done') throw new Error(`${relativePath}: ${result.reason}`);
  return result.digests.map((d) => d.toString('hex'));
}

const CT = 'transfer-syntax/ct-all-syntaxes-cornerstone/CTImage.dcm';
const MR = 'transfer-syntax/mr-small-pydicom/MR_small';
const ECT = 'multiframe/enhanced-ct-ct0012/CT0012';
const EMR = 'multiframe/enhanced-mr-small/emri_small';

/** [name, native file, lossless encodings of the same pixels]. */
const LOSSLESS_SETS: [string, string, string[]][] = [
  ['GE CT: J2K .90, JPEG-LS .80, JPEG lossless .57 and .70, RLE', `${CT}_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm`, [
    `${CT}_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm`, `${CT}_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm`,
    `${CT}_JPEGProcess14TransferSyntax_1.2.840.10008.1.2.4.57.dcm`, `${CT}_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm`,
    `${CT}_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm`,
  ]],
  ['MR_small: J2K .90, JPEG-LS .80, RLE', `${MR}.dcm`, [`${MR}_jp2klossless.dcm`, `${MR}_jpeg_ls_lossless.dcm`, `${MR}_RLE.dcm`]],
  ['enhanced CT, 2 frames: JPEG lossless .70 (fragmented, no offset table), JPEG-LS .80, RLE', `${ECT}.explicit_little_endian.dcm`, [
    `${ECT}.fragmented_no_bot_jpeg_lossless.70.dcm`, `${ECT}.not_fragmented_bot_jpeg_ls.80.dcm`, `${ECT}.not_fragmented_bot_rle.dcm`,
  ]],
  ['enhanced MR, 10 frames: J2K .90, JPEG-LS .80, RLE', `${EMR}.dcm`, [`${EMR}_jpeg_2k_lossless.dcm`, `${EMR}_jpeg_ls_lossless.dcm`, `${EMR}_RLE.dcm`]],
  ['RGB 8-bit: JPEG lossless .70', 'secondary-capture/SC_rgb.dcm', ['transfer-syntax/misc-pydicom/SC_rgb_jpeg_gdcm.dcm']],
  ['1-bit SEG, 3 frames: J2K .90', 'sr-pdf-rt-other/liver.dcm', ['transfer-syntax/misc-pydicom-data/liver_j2k.dcm']],
  ['JPEG-LS RGB, interleave modes 0 and 1 against 2', 'transfer-syntax/misc-pydicom-data/JLSL_RGB_ILV2.dcm', [
    'transfer-syntax/misc-pydicom-data/JLSL_RGB_ILV0.dcm', 'transfer-syntax/misc-pydicom-data/JLSL_RGB_ILV1.dcm',
  ]],
];

/** [file, frames]: lossy encodings the decoders handle. */
const LOSSY_DECODED: [string, number][] = [
  [`${CT}_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm`, 1],
  [`${CT}_JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91.dcm`, 1],
  [`${CT}_JPEGLSLossyTransferSyntax_1.2.840.10008.1.2.4.81.dcm`, 1],
  [`${ECT}.fragmented_no_bot_jpeg_ls.81.dcm`, 2],
  ['multiframe/us-cine-acuson-8frames/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm', 8],
  ['multiframe/us-cine-sonosite-30frames/examples_ybr_color.dcm', 30],
  ['transfer-syntax/misc-pydicom-data/HTJ2K_08_RGB.dcm', 1],
  ['transfer-syntax/misc-pydicom-data/HTJ2KLossless_08_RGB.dcm', 1],
];

const TWELVE_BIT = 'Lossy JPEG images with 12 bits per sample are not supported';
/** Files whose frames get no digests, and why. */
const NOT_DECODED: Record<string, string> = {
  [`${CT}_JPEGProcess2_4TransferSyntax_1.2.840.10008.1.2.4.51.dcm`]: TWELVE_BIT,
  [`${CT}_JPEGProcess6_8TransferSyntax_1.2.840.10008.1.2.4.53.dcm`]: TWELVE_BIT,
  [`${CT}_JPEGProcess10_12TransferSyntax_1.2.840.10008.1.2.4.55.dcm`]: TWELVE_BIT,
  [`${ECT}.fragmented_no_bot_jpeg_baseline.51.dcm`]: TWELVE_BIT,
  'transfer-syntax/misc-pydicom/JPEG-lossy.dcm': TWELVE_BIT,
  'transfer-syntax/misc-pydicom/JPGExtended.dcm': TWELVE_BIT,
  'xray-cr-dx-mg/MG1_JPLY': TWELVE_BIT,
  'xray-cr-dx-mg/RG2_JPLY': TWELVE_BIT,
  'malformed/JPEG2000-embedded-sequence-delimiter.dcm': 'The size of the compressed image differs from the size stated in the file',
  'malformed/emri_small_jpeg_2k_lossless_too_short.dcm': 'The image data is incomplete (the file ends early)',
  // A test file for a private VR UN sequence: it names JPEG lossless but holds no Pixel Data.
  'private-tags-sequences/UN_sequence.dcm': 'The file has no image data',
};

describe.skipIf(!samplesPresent)('real samples: lossless compressed frames digest like native ones', () => {
  it.each(LOSSLESS_SETS)('%s', async (_name, native, encodings) => {
    const expected = await digestsOf(native);
    expect(expected.length).toBe(read(native).facts.image.frames);
    for (const file of encodings) expect({ file, digests: await digestsOf(file) }).toEqual({ file, digests: expected });
  });

  it('lossy and lossless encodings of the CT differ (the lossy ones are not mistaken for the original)', async () => {
    const native = await digestsOf(`${CT}_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm`);
    expect(await digestsOf(`${CT}_JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91.dcm`)).not.toEqual(native);
  });
});

describe.skipIf(!samplesPresent)('real samples: lossy and unsupported compressed files', () => {
  it.each(LOSSY_DECODED)('%s decodes to %i frame(s)', async (file, frames) => {
    const { bytes, facts } = read(file);
    const result = await decodeCompressedFrames(bytes, facts);
    expect(result.status === 'done' ? result.frames.length : result.reason).toBe(frames);
  });

  it.each(Object.entries(NOT_DECODED))('%s: %s', async (file, reason) => {
    const { bytes, facts } = read(file);
    expect(await decodeCompressedFrames(bytes, facts)).toEqual({ status: 'none', reason });
  });

  it('gives every other JPEG, JPEG-LS, JPEG 2000 and HTJ2K file of the corpus frame digests', async () => {
    const rows = readManifest().filter((r) => isCodecTransferSyntax(r.transferSyntaxUid));
    expect(rows.length).toBe(59);
    const failures: string[] = [];
    for (const row of rows) {
      const read = readDicom(sampleBytes(row.path));
      if (read.kind !== 'instance') continue;
      const result = await allFrameDigests(sampleBytes(row.path), read.facts);
      const expected = NOT_DECODED[row.path];
      const outcome = result.status === 'done' ? 'done' : result.reason;
      if (outcome !== (expected ?? 'done')) failures.push(`${row.path}: ${outcome}`);
    }
    expect(failures).toEqual([]);
  });
});
