/**
 * The last look before a file leaves: every attribute of the output (nested, private, read with
 * the core's attribute tree) and then its raw bytes are searched for the person's identifiers.
 * A hit stops the export with LEAK_GUARD and the tag path, never the value.
 */
import { readAttributeTree, type DicomAttribute } from '../../dicom/attribute-tree';
import { tagText } from '../../dicom/dictionary';
import { DeidError } from './deid-error';
import { OWN_TAGS, SHORT_TERM, findTerm, type Term, type TermKind } from './identifiers';
import { flatten, readDicomTree } from './dataset-tree';

const KIND_WORDS: Record<TermKind, string> = {
  name: 'name', id: 'ID', 'birth-date': 'birth date', accession: 'accession number', address: 'address', phone: 'phone number', institution: 'hospital or clinic',
};

const LIMITS = { maxTextChars: 1_000_000, maxNumbers: 64, maxNodes: 1_000_000 };

/** What ScanVault writes itself (the method, its codes): its words ("patient") are not the patient's. */
const OWN_WRITTEN = new Set([0x00120062, 0x00120063, 0x00120064, 0x00280303]);

function scanAttributes(attributes: DicomAttribute[], terms: readonly Term[], prefix: string): string | null {
  for (const attribute of attributes) {
    if (prefix === '' && OWN_WRITTEN.has(attribute.tag)) continue;
    const path = prefix + tagText(attribute.tag);
    if (attribute.items !== null) {
      for (const [i, item] of attribute.items.entries()) {
        const hit = scanAttributes(item.attributes, terms, `${path}[${i}]`);
        if (hit !== null) return hit;
      }
      continue;
    }
    // Code strings come from fixed vocabularies (ORIGINAL, PERFUSION): a name matching one is not a leak.
    const searched = attribute.vr === 'CS' ? terms.filter((t) => t.kind !== 'name') : terms;
    for (const value of attribute.values ?? []) {
      const term = findTerm(value, searched, OWN_TAGS.has(attribute.tag));
      if (term !== null) return `${path} holds the patient's ${KIND_WORDS[term.kind]}`;
    }
  }
  return null;
}

/** ASCII forms of the longer terms, as raw bytes could hold them (original spacing and case vary). */
function rawForms(terms: readonly Term[]): { form: string; kind: TermKind }[] {
  const forms: { form: string; kind: TermKind }[] = [];
  for (const term of terms) {
    if (term.text.length < SHORT_TERM || !/^[\x20-\x7e]+$/.test(term.text)) continue;
    forms.push({ form: term.text.toLowerCase(), kind: term.kind });
    if (term.text.includes(' ')) forms.push({ form: term.text.replace(/ /g, '').toLowerCase(), kind: term.kind });
  }
  return forms;
}

interface Span { path: string; vr: string; start: number; end: number }

/** Where each element's value sits in the output bytes, for a plain "where" and to skip ScanVault's own. */
function valueSpans(bytes: Uint8Array): Span[] {
  const spans: Span[] = [];
  for (const [path, value] of flatten(readDicomTree(bytes).dataset)) {
    if (value.value.buffer !== bytes.buffer) continue;
    const start = value.value.byteOffset - bytes.byteOffset;
    spans.push({ path, vr: value.vr, start, end: start + value.value.length });
  }
  return spans;
}

const isWordByte = (byte: number | undefined) => byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a));
const ownPath = (path: string) => OWN_WRITTEN.has(Number.parseInt(path.slice(1, 5) + path.slice(6, 10), 16));

export function leakGuard(bytes: Uint8Array, terms: readonly Term[]): void {
  const tree = readAttributeTree(bytes, LIMITS);
  if (tree === null || tree.limited) throw new DeidError('LEAK_GUARD', 'The de-identified file could not be read back in full to check it for your details');
  const hit = scanAttributes([...tree.meta, ...tree.dataset], terms, '');
  if (hit !== null) throw new DeidError('LEAK_GUARD', `Stopped: ${hit}`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').toLowerCase();
  let spans: Span[] | null = null; // parsed only when a form is found
  const spanAt = (at: number) => (spans ??= valueSpans(bytes)).find((s) => at >= s.start && at < s.end && !s.path.includes('[')) ?? spans.find((s) => at >= s.start && at < s.end);
  for (const { form, kind } of rawForms(terms)) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (isWordByte(bytes[at - 1]) || isWordByte(bytes[at + form.length])) continue;
      const span = spanAt(at);
      if (span !== undefined && (ownPath(span.path) || (span.vr === 'CS' && kind === 'name'))) continue;
      throw new DeidError('LEAK_GUARD', `Stopped: the file's raw data at ${span?.path ?? `byte ${at}`} holds the patient's ${KIND_WORDS[kind]}`);
    }
  }
}
