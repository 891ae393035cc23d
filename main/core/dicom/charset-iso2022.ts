/**
 * ISO 2022 code extension decoding for DICOM (PS3.3 Table C.12-3/C.12-4, PS3.5 6.1.2.5).
 * G0 (bytes 0x00-0x7F) and G1 (bytes 0x80-0xFF) are switched by escape sequences inside a value.
 */
import { decoderFor } from './text-decoders';

type G0Set = 'ascii' | 'jisx0201-roman' | 'jisx0208' | 'jisx0212';
type G1Set = 'none' | 'jisx0201-katakana' | 'ksx1001' | 'gb2312' | { singleByte: string };

export interface Iso2022State {
  g0: G0Set;
  g1: G1Set;
}

const SINGLE_BYTE_G1: Record<string, string> = {
  '-A': 'iso-8859-1',
  '-B': 'iso-8859-2',
  '-C': 'iso-8859-3',
  '-D': 'iso-8859-4',
  '-L': 'iso-8859-5',
  '-G': 'iso-8859-6',
  '-F': 'iso-8859-7',
  '-H': 'iso-8859-8',
  '-M': 'iso-8859-9',
  '-T': 'windows-874',
  '-b': 'iso-8859-15',
};

const G0_ESCAPES: Record<string, G0Set> = { '(B': 'ascii', '(J': 'jisx0201-roman', '$B': 'jisx0208', '$@': 'jisx0208', '$(D': 'jisx0212' };
const G1_ESCAPES: Record<string, G1Set> = { ')I': 'jisx0201-katakana', '$)C': 'ksx1001', '$)A': 'gb2312' };

/** The single-byte G1 set that each defined term designates (its escape's final chars). */
const TERM_G1: Record<string, string> = {
  'ISO 2022 IR 100': '-A',
  'ISO 2022 IR 101': '-B',
  'ISO 2022 IR 109': '-C',
  'ISO 2022 IR 110': '-D',
  'ISO 2022 IR 144': '-L',
  'ISO 2022 IR 127': '-G',
  'ISO 2022 IR 126': '-F',
  'ISO 2022 IR 138': '-H',
  'ISO 2022 IR 148': '-M',
  'ISO 2022 IR 166': '-T',
  'ISO 2022 IR 203': '-b',
};
const MULTI_BYTE_TERMS = new Set(['ISO 2022 IR 6', 'ISO 2022 IR 13', 'ISO 2022 IR 87', 'ISO 2022 IR 159', 'ISO 2022 IR 149', 'ISO 2022 IR 58']);

export function isIso2022Term(term: string): boolean {
  return MULTI_BYTE_TERMS.has(term) || TERM_G1[term] !== undefined;
}

/** The code sets in use at the start of every value: those of value 1 of (0008,0005). */
export function initialIso2022State(terms: string[]): Iso2022State {
  const first = (terms[0] ?? '').replace(/^ISO_IR /, 'ISO 2022 IR ');
  if (first === 'ISO 2022 IR 13') return { g0: 'jisx0201-roman', g1: 'jisx0201-katakana' };
  if (first === 'ISO 2022 IR 149') return { g0: 'ascii', g1: 'ksx1001' };
  if (first === 'ISO 2022 IR 58') return { g0: 'ascii', g1: 'gb2312' };
  const g1 = TERM_G1[first];
  const label = g1 === undefined ? undefined : SINGLE_BYTE_G1[g1];
  return { g0: 'ascii', g1: label === undefined ? 'none' : { singleByte: label } };
}

const ESC = 0x1b;

/** Reads ESC + intermediates (0x20-0x2F) + final (0x30-0x7E); returns the chars after ESC. */
function readEscape(bytes: Uint8Array, start: number): { code: string; next: number } {
  let pos = start + 1;
  let code = '';
  while (pos < bytes.length) {
    const byte = bytes[pos] ?? 0;
    code += String.fromCharCode(byte);
    pos++;
    if (byte >= 0x30) break;
  }
  return { code, next: pos };
}

function applyEscape(state: Iso2022State, code: string): void {
  const g0 = G0_ESCAPES[code];
  if (g0 !== undefined) state.g0 = g0;
  const g1 = G1_ESCAPES[code];
  if (g1 !== undefined) state.g1 = g1;
  const single = SINGLE_BYTE_G1[code];
  if (single !== undefined) state.g1 = { singleByte: single };
}

export function decodeIso2022(bytes: Uint8Array, initial: Iso2022State): string {
  const state: Iso2022State = { ...initial };
  let out = '';
  let pos = 0;
  while (pos < bytes.length) {
    const byte = bytes[pos] ?? 0;
    if (byte === ESC) {
      const escape = readEscape(bytes, pos);
      applyEscape(state, escape.code);
      pos = escape.next;
      continue;
    }
    const run = decodeRun(bytes, pos, state);
    out += run.text;
    pos = run.next;
  }
  return out;
}

/** Decodes bytes from `start` that share one code set, up to the next ESC or code-set change. */
function decodeRun(bytes: Uint8Array, start: number, state: Iso2022State): { text: string; next: number } {
  const first = bytes[start] ?? 0;
  if (first >= 0x80) return decodeG1Run(bytes, start, state.g1);
  if ((state.g0 === 'jisx0208' || state.g0 === 'jisx0212') && first > 0x20) return decodeJisRun(bytes, start, state.g0);
  // ASCII and JIS X 0201 Roman are read alike (the Roman set's yen/overline are shown as \ and ~).
  return { text: String.fromCharCode(first), next: start + 1 };
}

function runEnd(bytes: Uint8Array, start: number, belongs: (byte: number) => boolean): number {
  let end = start;
  while (end < bytes.length && belongs(bytes[end] ?? 0)) end++;
  return end;
}

function decodeJisRun(bytes: Uint8Array, start: number, set: 'jisx0208' | 'jisx0212'): { text: string; next: number } {
  const end = runEnd(bytes, start, (byte) => byte > 0x20 && byte < 0x80);
  // JIS X 0208/0212 in G0 are the EUC-JP byte pairs with the high bit cleared.
  const euc: number[] = [];
  for (let i = start; i < end; i++) {
    if (set === 'jisx0212' && (i - start) % 2 === 0) euc.push(0x8f);
    euc.push((bytes[i] ?? 0) | 0x80);
  }
  return { text: decoderFor('euc-jp').decode(Uint8Array.from(euc)), next: end };
}

function decodeG1Run(bytes: Uint8Array, start: number, g1: G1Set): { text: string; next: number } {
  const end = runEnd(bytes, start, (byte) => byte >= 0x80);
  const run = bytes.subarray(start, end);
  if (g1 === 'jisx0201-katakana') {
    let text = '';
    for (const byte of run) text += byte >= 0xa1 && byte <= 0xdf ? String.fromCharCode(0xff61 + byte - 0xa1) : '\ufffd';
    return { text, next: end };
  }
  if (g1 === 'ksx1001') return { text: decoderFor('euc-kr').decode(run), next: end };
  if (g1 === 'gb2312') return { text: decoderFor('gb18030').decode(run), next: end };
  const label = g1 === 'none' ? 'windows-1252' : g1.singleByte;
  return { text: decoderFor(label).decode(run), next: end };
}
