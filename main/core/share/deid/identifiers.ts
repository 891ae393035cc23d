/**
 * The person's identifiers as search terms, for the leak guard and for Clean Descriptors: names in
 * any order and case (each part of the name on its own), IDs, birth dates in common formats,
 * accession numbers, addresses, phone numbers, institutions. Collected from the headers of the
 * person's records and their profile. Never logged, never put in an error message.
 */
import { readAttributeTree, DEFAULT_TREE_LIMITS } from '../../dicom/attribute-tree';
import { readValue } from '../../dicom/attribute-values';
import { parseCharacterSet, type CharacterSet } from '../../dicom/charset';
import type { DataElement, DicomTree } from './dataset-tree';
import { isOrdinaryNameWord } from './ordinary-words';

export interface PersonIdentifiers {
  names: string[];
  ids: string[];
  /** YYYYMMDD. */
  birthDates: string[];
  accessions: string[];
  addresses: string[];
  phones: string[];
  institutions: string[];
}

export type TermKind = 'name' | 'id' | 'birth-date' | 'accession' | 'address' | 'phone' | 'institution';

export interface Term {
  /** Normalised: upper case, every run of non-letters/digits one space. */
  text: string;
  kind: TermKind;
  /** Looked for only in the attributes it came from: an ordinary word as a name part, or a small number as an ID. */
  ownOnly?: boolean;
}

/** A term shorter than this is only looked for in the attributes it came from. */
export const SHORT_TERM = 4;

/** An all-digit ID or accession shorter than this is a small number (a series or instance number, a count), not a term elsewhere. */
const SHORT_NUMBER = 6;

/** Whether a term is looked for only in its own attributes (see SHORT_TERM, ordinary-words.ts). */
export function ownOnly(term: Term): boolean {
  return term.text.length < SHORT_TERM || term.ownOnly === true;
}

export function emptyIdentifiers(): PersonIdentifiers {
  return { names: [], ids: [], birthDates: [], accessions: [], addresses: [], phones: [], institutions: [] };
}

export function normalise(text: string): string {
  return text.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTH_NAMES = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];

/** YYYYMMDD as people and systems write it: 19800315, 1980-03-15, 15/03/1980, 03/15/1980, 15.03.1980, 15 Mar 1980, March 15 1980. */
export function birthDateForms(ymd: string): string[] {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(ymd);
  if (m === null) return [];
  const [, y = '', mo = '', d = ''] = m;
  const month = Number(mo) - 1;
  const day = String(Number(d));
  return [
    `${y}${mo}${d}`, `${y}-${mo}-${d}`, `${y}/${mo}/${d}`, `${y}.${mo}.${d}`,
    `${d}/${mo}/${y}`, `${mo}/${d}/${y}`, `${d}.${mo}.${y}`, `${d}-${mo}-${y}`, `${mo}-${d}-${y}`,
    `${day} ${MONTHS[month] ?? ''} ${y}`, `${MONTH_NAMES[month] ?? ''} ${day} ${y}`, `${day} ${MONTH_NAMES[month] ?? ''} ${y}`,
  ];
}

/**
 * A name's terms: each part on its own, except an ordinary word (ordinary-words.ts), which is only
 * looked for in the name attributes; and when a name has one, the whole name as written and given
 * name first, so "Head^Phantom" or "Test^Patient" written out in full is still found everywhere.
 */
function nameTerms(name: string): { text: string; own: boolean }[] {
  const [alphabetic = '', ...otherGroups] = name.split('=');
  const components = alphabetic.split('^').map(normalise).filter((c) => c !== '');
  // Split where people split names (spaces, commas); "Smith-Jones" stays one part, as before.
  const parts = alphabetic.split(/[\^\s,]+/).map(normalise).filter((p) => p !== '');
  const terms = parts.map((text) => ({ text, own: isOrdinaryNameWord(text) }));
  if (parts.length > 1 && terms.some((t) => t.own)) {
    const givenFirst = [...components.slice(1), ...components.slice(0, 1)];
    for (const whole of new Set([components.join(' '), givenFirst.join(' ')])) terms.push({ text: whole, own: false });
  }
  // Ideographic and phonetic groups: every part a term, as before.
  for (const group of otherGroups) for (const part of group.split(/[\^\s,]+/)) terms.push({ text: normalise(part), own: false });
  return terms;
}

const smallNumber = (value: string) => /^\d+$/.test(normalise(value)) && normalise(value).length < SHORT_NUMBER;

/** Every term once; names split into their parts (family, given, middle) so any order matches. */
export function buildTerms(ids: PersonIdentifiers, retainInstitution: boolean): Term[] {
  const terms = new Map<string, Term>();
  const add = (raw: string, kind: TermKind, own = false) => {
    const text = normalise(raw);
    const known = terms.get(text);
    // The same text as a full term of another kind (an ID, say) outranks an own-only one.
    if (text === '' || (known !== undefined && (known.ownOnly !== true || own))) return;
    terms.set(text, own ? { text, kind, ownOnly: true } : { text, kind });
  };
  for (const name of ids.names) for (const part of nameTerms(name)) add(part.text, 'name', part.own);
  for (const id of ids.ids) add(id, 'id', smallNumber(id));
  for (const date of ids.birthDates) for (const form of birthDateForms(date)) add(form, 'birth-date');
  for (const accession of ids.accessions) add(accession, 'accession', smallNumber(accession));
  for (const address of ids.addresses) add(address, 'address');
  for (const phone of ids.phones) add(phone, 'phone');
  if (!retainInstitution) for (const institution of ids.institutions) add(institution, 'institution');
  return [...terms.values()];
}

/** The first term found as whole words in a value, or null. Own-only terms only when `own` (their own attribute). */
export function findTerm(value: string, terms: readonly Term[], own: boolean): Term | null {
  const padded = ` ${normalise(value)} `;
  if (padded.length <= 2) return null;
  for (const term of terms) {
    if (!own && ownOnly(term)) continue;
    if (padded.includes(` ${term.text} `)) return term;
  }
  return null;
}

const SOURCE_TAGS: Record<number, keyof PersonIdentifiers> = {
  0x00100010: 'names', 0x00101001: 'names', 0x00101005: 'names', 0x00101060: 'names',
  0x00100020: 'ids', 0x00101000: 'ids', 0x00101002: 'ids',
  0x00100030: 'birthDates',
  0x00080050: 'accessions',
  0x00101040: 'addresses',
  0x00102154: 'phones',
  // The hospital's name, address and department: kept with Retain Institution Identity, so not looked for then.
  0x00080080: 'institutions', 0x00080081: 'institutions', 0x00081040: 'institutions',
};

const KIND_OF: Record<keyof PersonIdentifiers, TermKind> = {
  names: 'name', ids: 'id', birthDates: 'birth-date', accessions: 'accession', addresses: 'address', phones: 'phone', institutions: 'institution',
};

/** The kind of identifier an attribute holds, if it is one of their sources: an own-only term of that kind is still looked for there. */
export function ownKindOf(tag: number): TermKind | null {
  const source = SOURCE_TAGS[tag];
  return source === undefined ? null : KIND_OF[source];
}

const MANUFACTURER = 0x00080070;
const INSTITUTION_NAME = 0x00080080;

/** What collecting identifiers reads of an attribute: a DicomAttribute, or a DataElement's values decoded alike. */
interface Attr { tag: number; values: string[] | null; items: { attributes: Attr[] }[] | null }

/** Adds the identifiers a file's header holds (nested ones too, e.g. Other Patient IDs Sequence). */
export function addIdentifiersFromFile(into: PersonIdentifiers, bytes: Uint8Array): void {
  const tree = readAttributeTree(bytes, { ...DEFAULT_TREE_LIMITS, maxNodes: 200_000 });
  if (tree !== null) collectIdentifiers(into, tree.dataset);
}

const CHARSET = 0x00080005;
const NEEDED = new Set([...Object.keys(SOURCE_TAGS).map(Number), MANUFACTURER, CHARSET]);

/** The attributes collecting reads, from a tree: only the values it looks at are decoded, as the attribute reader decodes them. */
function attrsOf(elements: readonly DataElement[], inherited: CharacterSet): Attr[] {
  let charset = inherited;
  const out: Attr[] = [];
  for (const element of elements) {
    if (element.items !== null) {
      const at = charset; // an item starts with the character set in force where its sequence is
      out.push({ tag: element.tag, values: null, items: element.items.map((item) => ({ attributes: attrsOf(item, at) })) });
      continue;
    }
    const value = NEEDED.has(element.tag) && !element.encapsulated ? readValue(element.value, element.vr, true, charset, DEFAULT_TREE_LIMITS) : null;
    const values = value?.kind === 'text' ? value.values : null;
    out.push({ tag: element.tag, values, items: null });
    // An item may declare its own character set (PS3.3 C.12.1.1.2): it applies from here down.
    if (element.tag === CHARSET) charset = parseCharacterSet(values?.join('\\') ?? null);
  }
  return out;
}

/**
 * The same from the tree prepare has already parsed (readDicomTree): the file was parsed twice
 * before, once for the header rules and once here (a tenth of prepare's time). A test checks both
 * give the same identifiers on the fixtures and the sample corpus.
 */
export function addIdentifiersFromTree(into: PersonIdentifiers, tree: DicomTree): string[] {
  return collectIdentifiers(into, attrsOf(tree.dataset, parseCharacterSet(null)));
}

/**
 * Whether a hospital name is only a maker's name: vendor and test files, and scanners left at
 * their factory settings, put it in the hospital field ("TOSHIBA" made by "TOSHIBA_MEC", "SIEMENS"
 * made by "SIEMENS"). That names the maker, which every share keeps in Manufacturer, not a hospital.
 */
export function isMakerName(value: string, makers: readonly string[]): boolean {
  const words = ` ${normalise(value)} `;
  return words.trim() !== '' && makers.some((maker) => ` ${normalise(maker)} `.includes(words));
}

/** Collects the file's identifiers into `into`; returns its makers (Manufacturer values). */
function collectIdentifiers(into: PersonIdentifiers, dataset: Attr[]): string[] {
  const institutionNames = new Set<string>();
  const visit = (attributes: Attr[], inherited: keyof PersonIdentifiers | null, into: PersonIdentifiers) => {
    for (const attribute of attributes) {
      const kind = SOURCE_TAGS[attribute.tag] ?? null;
      if (attribute.items !== null) {
        // Inside Other Patient IDs Sequence the Patient ID items are IDs too.
        for (const item of attribute.items) visit(item.attributes, kind ?? inherited, into);
        continue;
      }
      const target = kind ?? (inherited !== null && attribute.tag === 0x00100020 ? inherited : null);
      if (target === null || attribute.values === null) continue;
      for (const raw of attribute.values) {
        const value = raw.trim();
        if (value === '') continue;
        if (attribute.tag === INSTITUTION_NAME) institutionNames.add(value);
        if (!into[target].includes(value)) into[target].push(value);
      }
    }
  };
  const found = emptyIdentifiers();
  visit(dataset, null, found);
  const makers = dataset.filter((a) => a.tag === MANUFACTURER).flatMap((a) => a.values ?? []).map((v) => v.trim()).filter((v) => v !== '');
  for (const [key, values] of Object.entries(found) as [keyof PersonIdentifiers, string[]][]) {
    for (const value of values) {
      if (key === 'institutions' && institutionNames.has(value) && isMakerName(value, makers)) continue;
      if (!into[key].includes(value)) into[key].push(value);
    }
  }
  return makers;
}
