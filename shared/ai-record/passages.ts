/**
 * Consent-form reader, part 1: find the passages a patient should read first.
 *
 * Entry point: `findPassages(pages: readonly string[]): Passage[]` — `pages` is the text of each
 * page (from `extractDocumentText` in main/core/ai-record/document-text/), the result is sorted by
 * page, then position. The term groups, their labels and plain explanations are in
 * ./passage-terms.ts (`TERM_GROUPS`, `termGroup(term)`).
 *
 * Pure: no Node, DOM or I/O. The page text is cleaned before matching (a word split by a hyphen at
 * a line break is joined, soft hyphens dropped, ligatures such as "ﬁ" from PDF text resolved,
 * whitespace collapsed), while `start`/`end`/`phrase` still point into the page text as given.
 * A word split across two pages is not joined (each page is read on its own).
 */
import { PASSAGE_TERMS, TERM_GROUPS, type PassageTerm } from './passage-terms';

export { PASSAGE_TERMS, TERM_GROUPS, termGroup, type PassageTerm, type TermGroup } from './passage-terms';

export interface Passage {
  /** 1-based page number. */
  page: number;
  term: PassageTerm;
  /** The matched text exactly as it is in the page text (line breaks and hyphens included). */
  phrase: string;
  /** Offsets into the page text: `pageText.slice(start, end) === phrase`. */
  start: number;
  end: number;
  /** The sentence holding the phrase (cleaned), or about 200 characters around it when the sentence is long. */
  context: string;
}

/** Cleaned text plus, for each cleaned character, where it came from in the original. */
interface Cleaned {
  text: string;
  from: number[];
  to: number[];
}

const LETTER = /\p{L}/u;

/** Joins "de-\nidentified", drops soft hyphens, expands ligatures (NFKC), collapses whitespace. */
export function cleanPageText(original: string): Cleaned {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (ch === '\u00AD') { i = next; continue; }
    if (/\s/u.test(ch)) {
      let j = next;
      while (j < original.length && /\s/u.test(original[j] ?? '')) j++;
      if (text !== '' && !text.endsWith(' ')) { text += ' '; from.push(i); to.push(j); }
      i = j;
      continue;
    }
    if ((ch === '-' || ch === '\u2010') && LETTER.test(text.at(-1) ?? '')) {
      // A hyphen, then a line break, then a letter: a word split at the end of a line.
      const m = /^[ \t]*\r?\n\s*/u.exec(original.slice(next, next + 40));
      if (m && LETTER.test(original[next + m[0].length] ?? '')) { i = next + m[0].length; continue; }
    }
    for (const out of ch.normalize('NFKC')) { text += out; from.push(i); to.push(next); }
    i = next;
  }
  return { text, from, to };
}

/** Letters or digits may not touch a match; on the left a hyphen may not either ("colour-coded"). */
const compiled = TERM_GROUPS.map((group) => ({
  term: group.term,
  regexes: group.patterns.map((p) => new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${p})(?![\p{L}\p{N}])`, 'giu')),
}));

const CONTEXT_RADIUS = 100;
const LONG_SENTENCE = 300;

function contextAround(text: string, start: number, end: number): string {
  // Sentence ends: . ! ? followed by a space and a capital or digit (so "e.g. the" stays inside).
  let s = start;
  while (s > 0 && !/[.!?;:]\s$/u.test(text.slice(Math.max(0, s - 2), s)) ) s--;
  let e = end;
  while (e < text.length && !/[.!?]/u.test(text[e] ?? '')) e++;
  if (e < text.length) e++;
  if (e - s <= LONG_SENTENCE) return text.slice(s, e).trim();
  const a = Math.max(s, start - CONTEXT_RADIUS);
  const b = Math.min(e, end + CONTEXT_RADIUS);
  return `${a > s ? '…' : ''}${text.slice(a, b).trim()}${b < e ? '…' : ''}`;
}

export function findPassages(pages: readonly string[]): Passage[] {
  const passages: Passage[] = [];
  pages.forEach((original, index) => {
    const cleaned = cleanPageText(original);
    for (const { term, regexes } of compiled) {
      const hits: { s: number; e: number }[] = [];
      for (const re of regexes) {
        re.lastIndex = 0;
        for (const m of cleaned.text.matchAll(re)) hits.push({ s: m.index, e: m.index + m[0].length });
      }
      // Within one group, overlapping hits are one passage: keep the earliest, longest one.
      hits.sort((x, y) => x.s - y.s || y.e - x.e);
      let lastEnd = -1;
      for (const hit of hits) {
        if (hit.s < lastEnd) continue;
        lastEnd = hit.e;
        const start = cleaned.from[hit.s] ?? 0;
        const end = cleaned.to[hit.e - 1] ?? start;
        passages.push({
          page: index + 1, term, phrase: original.slice(start, end), start, end,
          context: contextAround(cleaned.text, hit.s, hit.e),
        });
      }
    }
  });
  const order = (t: PassageTerm) => PASSAGE_TERMS.indexOf(t);
  return passages.sort((a, b) => a.page - b.page || a.start - b.start || order(a.term) - order(b.term));
}
