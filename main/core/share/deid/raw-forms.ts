/**
 * The leak guard's raw-byte search: every term's ASCII form, case-insensitively, in one pass over
 * the output bytes (pixel data included, so this is most of the guard's time).
 *
 * It is a Wu-Manber search: a table of every pair of bytes (in both cases) that occurs within the
 * first `m` bytes of some form (`m` the shortest form's length) says how far the window may move on
 * when its last two bytes are that pair. Pixel data rarely holds such pairs, so most windows move
 * on by m - 1 bytes after one table look-up; only where the table says 0 are the forms compared.
 * The positions it skips cannot start any form, so it reports exactly what comparing every form at
 * every position reports (a test checks this against the form-by-form search on random bytes).
 */
import { ownOnly, type Term, type TermKind } from './identifiers';

export interface RawForm { form: Buffer; kind: TermKind }

const LOWER = Uint8Array.from({ length: 256 }, (_, b) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b));
const isWordByte = (byte: number | undefined) => byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a));
/** A lower-case form byte as the raw bytes may hold it. */
const bothCases = (byte: number) => (byte >= 0x61 && byte <= 0x7a ? [byte, byte - 0x20] : [byte]);

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

interface Searcher {
  /** Shortest form's length: the window. */
  m: number;
  /** By the window's last two bytes (as found): how far it may move on; 0 = a form may start at the window. */
  shift: Uint8Array;
  /** By the lower-cased first byte: the forms starting with it, in list order. */
  byFirst: number[][];
}

/**
 * Tables by forms list: an export searches every file for the same (readonly) list, and building
 * the 64 KiB table per file cost a quarter of the search. Weak, so nothing of the person's
 * identifiers outlives the export's context.
 */
const searchers = new WeakMap<readonly RawForm[], Searcher>();

function searcherFor(forms: readonly RawForm[]): Searcher {
  let searcher = searchers.get(forms);
  if (searcher === undefined) {
    searcher = buildSearcher(forms);
    searchers.set(forms, searcher);
  }
  return searcher;
}

function buildSearcher(forms: readonly RawForm[]): Searcher {
  const m = Math.min(...forms.map((f) => f.form.length));
  // No form fits a shift over 255; capping m keeps the table in bytes and only shortens long shifts.
  const window = Math.min(m, 256);
  const shift = new Uint8Array(65536).fill(Math.max(0, window - 1));
  const byFirst = Array.from({ length: 256 }, (): number[] => []);
  for (const [index, { form }] of forms.entries()) {
    byFirst[form[0] ?? 0]?.push(index);
    // The pair ending at j inside the first `window` bytes: a window ending there must stop.
    for (let j = 1; j < window; j++) {
      for (const a of bothCases(form[j - 1] ?? 0)) {
        for (const b of bothCases(form[j] ?? 0)) {
          const pair = (a << 8) | b;
          shift[pair] = Math.min(shift[pair] ?? 0, window - 1 - j);
        }
      }
    }
  }
  return { m: window, shift, byFirst };
}

/**
 * Finds, for the earliest form in `forms` that occurs as whole words (not inside a longer run of
 * letters/digits) and is not `ignored`, its first such place: what searching form by form finds.
 * `forms` must not change after the first search with it (its table is kept).
 */
export function findRawForm(input: Uint8Array, forms: readonly RawForm[], ignored: (form: RawForm, at: number) => boolean): RawHit | null {
  if (forms.length === 0) return null;
  // A plain Uint8Array view: indexing a Buffer subclass in this loop is measurably slower.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.length);
  const { m, shift, byFirst } = searcherFor(forms);
  let best: RawHit | null = null;
  let bestIndex = forms.length;
  const last = bytes.length - m;
  for (let at = 0; at <= last;) {
    if (m >= 2) {
      const step = shift[((bytes[at + m - 2] ?? 0) << 8) | (bytes[at + m - 1] ?? 0)] ?? 0;
      if (step !== 0) {
        at += step;
        continue;
      }
    }
    for (const index of byFirst[LOWER[bytes[at] ?? 0] ?? 0] ?? []) {
      if (index >= bestIndex) break;
      const entry = forms[index];
      if (entry === undefined || !matchesAt(bytes, entry.form, at)) continue;
      if (isWordByte(LOWER[bytes[at - 1] ?? 0x20]) || isWordByte(LOWER[bytes[at + entry.form.length] ?? 0x20])) continue;
      if (ignored(entry, at)) continue;
      best = { form: entry, at };
      bestIndex = index;
      if (index === 0) return best;
      break;
    }
    at++;
  }
  return best;
}

function matchesAt(bytes: Uint8Array, form: Buffer, at: number): boolean {
  if (at + form.length > bytes.length) return false;
  for (let k = 0; k < form.length; k++) if (LOWER[bytes[at + k] ?? 0] !== form[k]) return false;
  return true;
}
