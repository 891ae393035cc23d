/**
 * The image samples the viewer's correctness specs run on, and what they state about the files the
 * viewer shows wrongly or not at all (the decode spec checks each statement stays true).
 */
import path from 'node:path';
import { readManifest, SAMPLES_DIR } from '../../main/test-support/sample-corpus';
import { isImageFile } from './reference-pixels';

/** Lossy transfer syntaxes: JPEG DCT, JPEG-LS near-lossless, JPEG 2000 and HTJ2K irreversible. */
export const LOSSY = new Set(['50', '51', '53', '55', '81', '91', '203'].map((s) => `1.2.840.10008.1.2.4.${s}`));

export interface Sample { file: string; rel: string; ts: string; frames: number | null }

export function samples(): Sample[] {
  return readManifest()
    .filter((r) => !r.modality.startsWith('n/a'))
    .map((r) => ({ file: path.join(SAMPLES_DIR, r.path), rel: r.path, ts: r.transferSyntaxUid.startsWith('(none') ? '' : r.transferSyntaxUid, frames: /^[0-9]+$/.test(r.frames) ? Number(r.frames) : null }))
    .filter((s) => process.env.SAMPLE_FILTER === undefined || s.rel.includes(process.env.SAMPLE_FILTER))
    .filter((s) => isImageFile(s.file));
}

/**
 * 12-bit lossy JPEG goes through the image loader's JavaScript decoder, which the build corrects
 * (scripts/vite/: its level shift was 15 stored units high on every pixel, and progressive
 * refinement added to negative coefficients instead of subtracting). All nine 12-bit files match
 * dcmtk within the lossy tolerance.
 *
 * Files the viewer shows wrongly, and why (the test checks they still differ, so the list stays
 * true). None today: every file the viewer decodes matches its independent decoder.
 */
export const KNOWN_WRONG: Record<string, string> = {};

/** Files the viewer refuses, and why; the test checks it says what UNVIEWABLE_SAYS states. */
export const UNVIEWABLE: Record<string, string> = {
  'malformed/meta_missing_tsyntax.dcm': 'a malformed test file: no image size and two bytes of pixel data',
  'private-tags-sequences/nested_priv_SQ.dcm': 'a test file of nested private sequences: no image size and two bytes of pixel data',
};

/** What the viewer tells the patient about an unviewable file (its plain error, checked by the decode spec). */
export const UNVIEWABLE_SAYS: Record<string, RegExp> = {
  // The image loader's parser refuses both (no transfer syntax in the meta; a sequence it reads past the end).
  'malformed/meta_missing_tsyntax.dcm': /^This file has no picture that can be shown: its layout is damaged or incomplete/,
  'private-tags-sequences/nested_priv_SQ.dcm': /^This file has no picture that can be shown: its layout is damaged or incomplete/,
};
