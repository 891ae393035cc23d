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

function scanAttributes(attributes: DicomAttribute[], terms: readonly Term[], prefix: string): string | null {
  for (const attribute of attributes) {
    const path = prefix + tagText(attribute.tag);
    if (attribute.items !== null) {
      for (const [i, item] of attribute.items.entries()) {
        const hit = scanAttributes(item.attributes, terms, `${path}[${i}]`);
        if (hit !== null) return hit;
      }
      continue;
    }
    for (const value of attribute.values ?? []) {
      const term = findTerm(value, terms, OWN_TAGS.has(attribute.tag));
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

/** Which element holds a byte offset, for a plain "where" in the message. */
function elementAt(bytes: Uint8Array, offset: number): string {
  try {
    const tree = readDicomTree(bytes);
    for (const [path, value] of flatten(tree.dataset)) {
      const start = value.value.byteOffset - bytes.byteOffset;
      if (value.value.buffer === bytes.buffer && offset >= start && offset < start + value.value.length) return path;
    }
  } catch {
    // fall through: the offset alone still says where
  }
  return `byte ${offset}`;
}

export function leakGuard(bytes: Uint8Array, terms: readonly Term[]): void {
  const tree = readAttributeTree(bytes, LIMITS);
  if (tree === null || tree.limited) throw new DeidError('LEAK_GUARD', 'The de-identified file could not be read back in full to check it for your details');
  const hit = scanAttributes([...tree.meta, ...tree.dataset], terms, '');
  if (hit !== null) throw new DeidError('LEAK_GUARD', `Stopped: ${hit}`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').toLowerCase();
  for (const { form, kind } of rawForms(terms)) {
    const at = text.indexOf(form);
    if (at >= 0) throw new DeidError('LEAK_GUARD', `Stopped: the file's raw data at ${elementAt(bytes, at)} holds the patient's ${KIND_WORDS[kind]}`);
  }
}
