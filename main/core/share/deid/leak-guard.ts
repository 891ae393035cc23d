/**
 * The last look before a file leaves: every attribute of the output (nested, private, each text
 * decoded in its own character set) and then its raw bytes are searched for the person's
 * identifiers. A hit stops the export with LEAK_GUARD and the tag path, never the value.
 * It reads the output as re-parsed for the post-flight check, so the file is parsed once.
 */
import { isTextVr } from '../../dicom/attribute-values';
import { decodeText, parseCharacterSet, type CharacterSet } from '../../dicom/charset';
import { tagText } from '../../dicom/dictionary';
import { DeidError } from './deid-error';
import { findTerm, ownKindOf, ownOnly, type Term, type TermKind } from './identifiers';
import { flatten, readDicomTree, type DataElement, type DicomTree } from './dataset-tree';
import { findRawForm, rawForms, type RawForm } from './raw-forms';

const KIND_WORDS: Record<TermKind, string> = {
  name: 'name', id: 'ID', 'birth-date': 'birth date', accession: 'accession number', address: 'address', phone: 'phone number', institution: 'hospital or clinic',
};

/** What ScanVault writes itself (the method, its codes): its words ("patient") are not the patient's. */
const OWN_WRITTEN = new Set([0x00120062, 0x00120063, 0x00120064, 0x00280303]);
const CHARSET = 0x00080005;

/** The terms to look for in one attribute: everywhere-terms, plus own-only ones of the kind the attribute holds. */
type Searched = (tag: number, vr: string) => readonly Term[];

function searcher(terms: readonly Term[]): Searched {
  const everywhere = terms.filter((t) => !ownOnly(t));
  const cache = new Map<string, readonly Term[]>();
  return (tag, vr) => {
    const kind = ownKindOf(tag);
    const key = `${kind ?? ''}|${vr === 'CS' ? 'CS' : ''}`;
    let found = cache.get(key);
    if (found === undefined) {
      found = [...everywhere, ...terms.filter((t) => ownOnly(t) && t.kind === kind)]
        // Code strings come from fixed vocabularies (ORIGINAL, PERFUSION): a name matching one is not a leak.
        .filter((t) => vr !== 'CS' || t.kind !== 'name');
      cache.set(key, found);
    }
    return found;
  };
}

function scanElements(elements: readonly DataElement[], terms: Searched, prefix: string, inherited: CharacterSet): string | null {
  let charset = inherited;
  for (const element of elements) {
    if (prefix === '' && OWN_WRITTEN.has(element.tag)) continue;
    const path = prefix + tagText(element.tag);
    if (element.tag === CHARSET) charset = parseCharacterSet(Buffer.from(element.value).toString('latin1').replace(/[\0 ]+$/, ''));
    if (element.items !== null) {
      for (const [i, item] of element.items.entries()) {
        const hit = scanElements(item, terms, `${path}[${i}]`, charset);
        if (hit !== null) return hit;
      }
      continue;
    }
    if (element.encapsulated || element.value.length === 0) continue;
    const text = isTextVr(element.vr) ? decodeText(element.value, charset) : element.vr === 'UN' ? Buffer.from(element.value).toString('latin1') : null;
    if (text === null) continue;
    const term = findTerm(text, terms(element.tag, element.vr), true);
    if (term !== null) return `${path} holds the patient's ${KIND_WORDS[term.kind]}`;
  }
  return null;
}

interface Span { path: string; vr: string; start: number; end: number }

/** Where each element's value sits in the output bytes, for a plain "where" and to skip ScanVault's own. */
function valueSpans(bytes: Uint8Array, tree: DicomTree): Span[] {
  const spans: Span[] = [];
  for (const [path, value] of flatten(tree.dataset)) {
    if (value.value.buffer !== bytes.buffer) continue;
    const start = value.value.byteOffset - bytes.byteOffset;
    spans.push({ path, vr: value.vr, start, end: start + value.value.length });
  }
  return spans;
}

const ownPath = (path: string) => OWN_WRITTEN.has(Number.parseInt(path.slice(1, 5) + path.slice(6, 10), 16));

/** Raw forms by terms list: the same (readonly) list is searched for in every file of an export; weak, so they go with it. */
const formsOfTerms = new WeakMap<readonly Term[], RawForm[]>();

function formsFor(terms: readonly Term[]): RawForm[] {
  let forms = formsOfTerms.get(terms);
  if (forms === undefined) {
    forms = rawForms(terms);
    formsOfTerms.set(terms, forms);
  }
  return forms;
}

/** `tree` is `bytes` as re-read (readDicomTree); pass it when already parsed. */
export function leakGuard(bytes: Uint8Array, terms: readonly Term[], tree: DicomTree = readDicomTree(bytes)): void {
  const hit = scanElements([...tree.meta, ...tree.dataset], searcher(terms), '', parseCharacterSet(null));
  if (hit !== null) throw new DeidError('LEAK_GUARD', `Stopped: ${hit}`);
  let spans: Span[] | null = null; // worked out only when a form is found
  const spanAt = (at: number) => (spans ??= valueSpans(bytes, tree)).find((s) => at >= s.start && at < s.end && !s.path.includes('[')) ?? spans.find((s) => at >= s.start && at < s.end);
  const ignored = ({ kind }: RawForm, at: number) => {
    const span = spanAt(at);
    return span !== undefined && (ownPath(span.path) || (span.vr === 'CS' && kind === 'name'));
  };
  const found = findRawForm(bytes, formsFor(terms), ignored);
  if (found !== null) {
    throw new DeidError('LEAK_GUARD', `Stopped: the file's raw data at ${spanAt(found.at)?.path ?? `byte ${found.at}`} holds the patient's ${KIND_WORDS[found.form.kind]}`);
  }
}
