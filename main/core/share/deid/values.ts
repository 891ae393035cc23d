/** New values for one attribute: made-up (D), cleaned (C), shifted dates, replaced UIDs (U). */
import { decodeText, type CharacterSet } from '../../dicom/charset';
import { isTextVr } from '../../dicom/attribute-values';
import { shiftDate, shiftDateTime } from './dates';
import { findTerm, type Term } from './identifiers';
import { isStandardUid } from './profile';
import type { ShareKeys } from './keyed';

const ascii = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** Pads to even length as PS3.5 7.1.1 requires: UI with NUL, text with a space. */
export function encodeAscii(text: string, vr: string): Uint8Array {
  const padded = text.length % 2 === 1 ? text + (vr === 'UI' ? '\0' : ' ') : text;
  return Buffer.from(padded, 'latin1');
}

function splitValues(bytes: Uint8Array): string[] {
  return ascii(bytes).replace(/[\0 ]+$/, '').split('\\');
}

export function replaceUids(bytes: Uint8Array, keys: ShareKeys): Uint8Array {
  const values = splitValues(bytes).map((v) => {
    const uid = v.trim();
    return uid === '' || isStandardUid(uid) ? uid : keys.uid(uid);
  });
  return encodeAscii(values.join('\\'), 'UI');
}

/** DA/DT values moved by the share's shift; a value that cannot be read is emptied (never kept). */
export function shiftDates(bytes: Uint8Array, vr: 'DA' | 'DT', days: number): Uint8Array {
  const values = splitValues(bytes).map((v) => (vr === 'DA' ? shiftDate(v.trim(), days) : shiftDateTime(v.trim(), days)));
  if (values.includes(null)) return new Uint8Array(0);
  return encodeAscii(values.join('\\'), vr);
}

const DUMMY_TEXT: Record<string, string> = {
  PN: 'REMOVED', LO: 'REMOVED', SH: 'REMOVED', LT: 'REMOVED', ST: 'REMOVED', UT: 'REMOVED', UC: 'REMOVED',
  CS: 'REMOVED', AE: 'REMOVED', DA: '19000101', TM: '000000', DT: '19000101000000', DS: '0', IS: '0', AS: '000Y',
};

/** D: a made-up value of the same kind; binary values become zeros of the same length. */
export function dummyValue(vr: string, bytes: Uint8Array, keys: ShareKeys): Uint8Array {
  if (vr === 'UI') return replaceUids(bytes, keys);
  const text = DUMMY_TEXT[vr];
  if (text !== undefined) return encodeAscii(text, vr);
  if (vr === 'UR') return new Uint8Array(0);
  return new Uint8Array(bytes.length);
}

/** Character sets whose text ScanVault can write back; other values are emptied when they need cleaning. */
function encoderFor(charset: CharacterSet): ((text: string) => Uint8Array) | null {
  if (charset.iso2022 || charset.terms.length > 1) return null;
  const term = charset.terms[0] ?? '';
  if (term === 'ISO_IR 192') return (text) => Buffer.from(text, 'utf8');
  if (term === '' || term === 'ISO_IR 6' || term === 'ISO_IR 100') return (text) => Buffer.from(text, 'latin1');
  return null;
}

/**
 * C on text: every identifier found is replaced with "***"; the rest of the description stays.
 * Returns null when nothing needed cleaning (the value is kept byte for byte).
 */
export function cleanText(bytes: Uint8Array, vr: string, charset: CharacterSet, allTerms: readonly Term[]): Uint8Array | null {
  if (!isTextVr(vr) || vr === 'UI') return null;
  // Ordinary words and small numbers ("Head" of "Head^Phantom", accession "0001") stay, as in the
  // leak guard; short names ("Li") are still taken out of descriptions.
  const terms = allTerms.filter((t) => t.ownOnly !== true);
  const text = decodeText(bytes, charset);
  if (findTerm(text, terms, true) === null) return null;
  const encode = encoderFor(charset);
  if (encode === null) return new Uint8Array(0);
  let cleaned = text;
  for (const term of terms) {
    const pattern = term.text.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+');
    cleaned = cleaned.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu'), '***');
  }
  // Anything the word-by-word replacement could not reach (e.g. split across values) goes whole.
  if (findTerm(cleaned, terms, true) !== null) return new Uint8Array(0);
  const out = encode(cleaned);
  return out.length % 2 === 1 ? Buffer.concat([out, Buffer.from(' ')]) : out;
}
