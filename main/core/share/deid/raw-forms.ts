/**
 * The leak guard's raw-byte search: every term's ASCII form, case-insensitively, in one pass over
 * the output bytes. A table of the (lower-cased) first two bytes of every form says where one may
 * start; only there are the forms compared. This replaces lower-casing a copy of the whole file and
 * searching it once per form (most of the guard's time, pixel data included), with the same hits.
 */
import { ownOnly, type Term, type TermKind } from './identifiers';

export interface RawForm { form: Buffer; kind: TermKind }

const LOWER = Uint8Array.from({ length: 256 }, (_, b) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b));
const lower = (byte: number | undefined) => (byte === undefined ? undefined : LOWER[byte]);
const isWordByte = (byte: number | undefined) => byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a));

/** ASCII forms of the terms looked for everywhere, lower case, as raw bytes could hold them (with or without spaces). */
export function rawForms(terms: readonly Term[]): RawForm[] {
  const forms: RawForm[] = [];
  for (const term of terms) {
    if (ownOnly(term) || !/^[\x20-\x7e]+$/.test(term.text)) continue;
    forms.push({ form: Buffer.from(term.text.toLowerCase(), 'latin1'), kind: term.kind });
    if (term.text.includes(' ')) forms.push({ form: Buffer.from(term.text.replace(/ /g, '').toLowerCase(), 'latin1'), kind: term.kind });
  }
  return forms.filter((f) => f.form.length > 0);
}

export interface RawHit { form: RawForm; at: number }

/**
 * Finds, for the earliest form in `forms` that occurs as whole words (not inside a longer run of
 * letters/digits) and is not `ignored`, its first such place: what searching form by form finds.
 */
export function findRawForm(bytes: Uint8Array, forms: readonly RawForm[], ignored: (form: RawForm, at: number) => boolean): RawHit | null {
  if (forms.length === 0) return null;
  const starts = new Map<number, number[]>(); // pair of first bytes -> indexes into forms
  const table = new Uint8Array(65536);
  for (const [index, { form }] of forms.entries()) {
    const first = form[0] ?? 0;
    // A one-byte form may start before any second byte.
    const pairs = form.length > 1 ? [(first << 8) | (form[1] ?? 0)] : Array.from({ length: 256 }, (_, b) => (first << 8) | (LOWER[b] ?? b));
    for (const pair of pairs) {
      table[pair] = 1;
      const list = starts.get(pair) ?? [];
      if (!list.includes(index)) list.push(index);
      starts.set(pair, list);
    }
  }
  let best: RawHit | null = null;
  let bestIndex = forms.length;
  const n = bytes.length;
  let next = LOWER[bytes[0] ?? 0] ?? 0;
  for (let at = 0; at < n; at++) {
    const here = next;
    next = at + 1 < n ? (LOWER[bytes[at + 1] ?? 0] ?? 0) : 0;
    if (table[(here << 8) | next] === 0) continue;
    for (const index of starts.get((here << 8) | next) ?? []) {
      if (index >= bestIndex) continue;
      const entry = forms[index];
      if (entry === undefined || !matchesAt(bytes, entry.form, at)) continue;
      if (isWordByte(lower(bytes[at - 1])) || isWordByte(lower(bytes[at + entry.form.length]))) continue;
      if (ignored(entry, at)) continue;
      best = { form: entry, at };
      bestIndex = index;
      if (index === 0) return best;
    }
  }
  return best;
}

function matchesAt(bytes: Uint8Array, form: Buffer, at: number): boolean {
  if (at + form.length > bytes.length) return false;
  for (let k = 2; k < form.length; k++) if (LOWER[bytes[at + k] ?? 0] !== form[k]) return false;
  return true;
}
