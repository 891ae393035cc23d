/**
 * The person's identifiers as search terms, for the leak guard and for Clean Descriptors: names in
 * any order and case (each part of the name on its own), IDs, birth dates in common formats,
 * accession numbers, addresses, phone numbers, institutions. Collected from the headers of the
 * person's records and their profile. Never logged, never put in an error message.
 */
import { readAttributeTree, DEFAULT_TREE_LIMITS, type DicomAttribute } from '../../dicom/attribute-tree';

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
}

/** A term shorter than this is only looked for in the attributes it came from. */
export const SHORT_TERM = 4;

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

/** Every term once; names split into their parts (family, given, middle) so any order matches. */
export function buildTerms(ids: PersonIdentifiers, retainInstitution: boolean): Term[] {
  const terms = new Map<string, Term>();
  const add = (raw: string, kind: TermKind) => {
    const text = normalise(raw);
    if (text !== '' && !terms.has(text)) terms.set(text, { text, kind });
  };
  for (const name of ids.names) for (const part of name.split(/[\^=\s,]+/)) add(part, 'name');
  for (const id of ids.ids) add(id, 'id');
  for (const date of ids.birthDates) for (const form of birthDateForms(date)) add(form, 'birth-date');
  for (const accession of ids.accessions) add(accession, 'accession');
  for (const address of ids.addresses) add(address, 'address');
  for (const phone of ids.phones) add(phone, 'phone');
  if (!retainInstitution) for (const institution of ids.institutions) add(institution, 'institution');
  return [...terms.values()];
}

/** The first term found as whole words in a value, or null. Short terms only when `own` (their own attribute). */
export function findTerm(value: string, terms: readonly Term[], own: boolean): Term | null {
  const padded = ` ${normalise(value)} `;
  if (padded.length <= 2) return null;
  for (const term of terms) {
    if (term.text.length < SHORT_TERM && !own) continue;
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

/** The tags each kind comes from: a short term is still looked for there. */
export const OWN_TAGS: ReadonlySet<number> = new Set(Object.keys(SOURCE_TAGS).map(Number));

/** Adds the identifiers a file's header holds (nested ones too, e.g. Other Patient IDs Sequence). */
export function addIdentifiersFromFile(into: PersonIdentifiers, bytes: Uint8Array): void {
  const tree = readAttributeTree(bytes, { ...DEFAULT_TREE_LIMITS, maxNodes: 200_000 });
  if (tree === null) return;
  const visit = (attributes: DicomAttribute[], inherited: keyof PersonIdentifiers | null) => {
    for (const attribute of attributes) {
      const kind = SOURCE_TAGS[attribute.tag] ?? null;
      if (attribute.items !== null) {
        // Inside Other Patient IDs Sequence the Patient ID items are IDs too.
        for (const item of attribute.items) visit(item.attributes, kind ?? inherited);
        continue;
      }
      const target = kind ?? (inherited !== null && attribute.tag === 0x00100020 ? inherited : null);
      if (target === null || attribute.values === null) continue;
      for (const value of attribute.values) if (value.trim() !== '' && !into[target].includes(value.trim())) into[target].push(value.trim());
    }
  };
  visit(tree.dataset, null);
}
