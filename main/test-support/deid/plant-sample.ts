/**
 * Test fixture: a copy of a real file with distinctive identifiers planted, written with the
 * engine's own element tree (values of everything else unchanged). Planted:
 * - the person's identifiers (PERSON) in their own attributes, in Other Patient IDs and Request
 *   Attributes Sequences, in descriptions (with the birth date in seven formats and the phone
 *   number), in private attributes with and without a Private Creator and in a private sequence,
 *   and in the File Meta (Private Information);
 * - a marker naming its attribute in every plain Table E.1-1 attribute the dictionary gives a text
 *   or binary VR (`ZQXM<tag>`), in an item added to every E.1-1 sequence (`ZQXS<tag>`), and in the
 *   E.1-1 attributes the file already has inside its own sequences (`ZQXN<tag>`);
 * - dates in every E.1-1 date attribute (none may come out unchanged), a UID in every UID one;
 * - AE titles in the File Meta (`ZQXAE...`).
 * A deflated original stays deflated, the others become explicit VR little endian.
 */
import { deflateRawSync } from 'node:zlib';
import { E1_1_ROWS } from '../../../shared/standards/ps3-15-e1-1';
import { lookupTag } from '../../core/dicom/dictionary';
import { DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, isNativeTransferSyntax } from '../../core/dicom/transfer-syntax';
import { readDicomTree, type DataElement } from '../../core/share/deid/dataset-tree';
import { writeFile } from '../../core/share/deid/serialise';
import { encodeAscii } from '../../core/share/deid/values';
import type { PersonIdentifiers } from '../../core/share/deid';

/** The person: every value a ZQX token except the birth date and phone, which are looked for in their forms. */
export const PERSON = {
  family: 'ZQXFAMILY', given: 'ZQXGIVEN', id: 'ZQXID7731', otherId: 'ZQXOTHERID5', accession: 'ZQXACC9981',
  address: '12 ZQXLANE SPRINGFIELD', phone: '0142 778 9981', birthDate: '19620417',
  institution: 'ZQXHOSPITAL GENERAL', institutionAddress: '1 ZQXROAD', department: 'ZQXDEPT RADIOLOGY',
} as const;

export const BIRTH_DATE_FORMS = ['19620417', '1962-04-17', '17/04/1962', '04/17/1962', '17.04.1962', '17 APR 1962', 'APRIL 17, 1962'];
export const PHONE_FORMS = ['0142 778 9981', '01427789981'];
/** The person's ZQX tokens that belong to the hospital (kept with Retain Institution Identity). */
export const INSTITUTION_TOKENS = ['ZQXHOSPITAL', 'ZQXROAD', 'ZQXDEPT'];
export const PERSON_TOKENS = ['ZQXFAMILY', 'ZQXGIVEN', 'ZQXID7731', 'ZQXOTHERID5', 'ZQXACC9981', 'ZQXLANE', ...INSTITUTION_TOKENS];

/** What the vault knows of the person (their profile), for the leak guard and Clean Descriptors. */
export function plantedPerson(): Partial<PersonIdentifiers> {
  return { phones: [PERSON.phone] };
}

export interface PlantedSample {
  bytes: Uint8Array;
  /** Distinct E.1-1 attributes that got a marker, at the top level, in an added item or nested. */
  attributes: number;
  /** Planted DA/DT values by tag: none may be an output value unless an option keeps it. */
  dates: [number, string][];
  /** Planted UIDs by tag (every E.1-1 UID attribute but the SOP Class): none may survive unless an option keeps it. */
  uids: [number, string][];
  /** The top-level markers (`ZQXM<tag>`) by tag, to check that what an option keeps is kept. */
  markers: [number, string][];
}

/** A UID root for planted UIDs, then the row's number. */
export const PLANTED_UID_ROOT = '1.2.826.0.1.3680043.10.999.5.';
const TEXT_VRS = new Set(['AE', 'CS', 'LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT', 'UR']);
const hex = (tag: number) => tag.toString(16).toUpperCase().padStart(8, '0');
const leaf = (tag: number, vr: string, text: string): DataElement => ({ tag, vr, value: encodeAscii(text, vr), encapsulated: false, items: null });
const binary = (tag: number, vr: string, text: string): DataElement => ({ tag, vr, value: encodeAscii(text, 'OB'), encapsulated: false, items: null });
const sequence = (tag: number, items: DataElement[][]): DataElement => ({ tag, vr: 'SQ', value: new Uint8Array(0), encapsulated: false, items });
const byTag = (a: DataElement, b: DataElement) => a.tag - b.tag;

function plainRows(): { tag: number; vr: string }[] {
  const out: { tag: number; vr: string }[] = [];
  for (const [text] of E1_1_ROWS) {
    if (!/^\([0-9A-F]{4},[0-9A-F]{4}\)$/.test(text)) continue;
    const tag = Number.parseInt(text.slice(1, 5) + text.slice(6, 10), 16) >>> 0;
    const vr = lookupTag(tag)?.vr;
    if (vr !== undefined && tag >>> 16 > 0x0002) out.push({ tag, vr });
  }
  return out;
}

const name = `${PERSON.family}^${PERSON.given}`;
const descriptions = [
  `for ${PERSON.given} ${PERSON.family} born 17/04/1962`, `${PERSON.id} 1962-04-17`, `call ${PERSON.phone} at ${PERSON.address}`,
  `April 17, 1962 ${PERSON.accession}`, '17 Apr 1962 and 04/17/1962', `${PERSON.family}, ${PERSON.given} 17.04.1962 19620417`,
];
const DESCRIPTION_TAGS = [0x00081030, 0x0008103e, 0x00204000, 0x00324000, 0x00400254, 0x00181030];

/** The person's own attributes and the nested and private places identifiers hide. */
function personElements(): DataElement[] {
  return [
    leaf(0x00080050, 'SH', PERSON.accession), leaf(0x00080080, 'LO', PERSON.institution), leaf(0x00080081, 'ST', PERSON.institutionAddress),
    leaf(0x00081040, 'LO', PERSON.department), leaf(0x00100010, 'PN', name), leaf(0x00100020, 'LO', PERSON.id), leaf(0x00100030, 'DA', PERSON.birthDate),
    leaf(0x00101000, 'LO', PERSON.otherId), leaf(0x00101001, 'PN', `${PERSON.given}^${PERSON.family}`), leaf(0x00101040, 'LO', PERSON.address),
    leaf(0x00102154, 'SH', PERSON.phone),
    sequence(0x00101002, [[leaf(0x00100020, 'LO', PERSON.otherId), leaf(0x00100021, 'LO', 'ZQXM00100021')]]),
    sequence(0x00400275, [[leaf(0x00080050, 'SH', PERSON.accession), leaf(0x00321060, 'LO', `${PERSON.family} 19620417`), leaf(0x00401001, 'SH', PERSON.id)]]),
    ...DESCRIPTION_TAGS.map((tag, i) => leaf(tag, lookupTag(tag)?.vr ?? 'LO', `ZQXM${hex(tag)} ${descriptions[i] ?? ''}`)),
    // Private: a block with its creator (and a private sequence), and one without any creator.
    leaf(0x00090010, 'LO', 'ZQXCREATOR'), leaf(0x00091001, 'LO', `${PERSON.family} ${PERSON.id}`),
    sequence(0x00091002, [[leaf(0x00100010, 'PN', name), leaf(0x00081030, 'LO', `born ${PERSON.birthDate}`)]]),
    binary(0x00111001, 'UN', `${PERSON.given} ${PERSON.accession}`),
  ];
}

/** E.1-1 attributes already inside the file's own sequences get a marker naming them. */
function markNested(elements: readonly DataElement[], rows: ReadonlyMap<number, string>, seen: Set<number>, depth: number): DataElement[] {
  return elements.map((e) => {
    if (e.items !== null) return { ...e, items: e.items.map((item) => markNested(item, rows, seen, depth + 1)) };
    const vr = rows.get(e.tag);
    if (depth === 0 || vr === undefined || !TEXT_VRS.has(e.vr) || e.tag === 0x00100010) return e;
    seen.add(e.tag);
    return leaf(e.tag, e.vr, `ZQXN${hex(e.tag)}`);
  });
}

export function plantSample(original: Uint8Array): PlantedSample {
  const tree = readDicomTree(original);
  const rows = plainRows();
  const covered = new Set<number>();
  const dates: [number, string][] = [];
  const uids: [number, string][] = [];
  const planted = new Map<number, DataElement>();
  rows.forEach(({ tag, vr }, n) => {
    const date = `1931${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}`;
    let element: DataElement | null = null;
    if (TEXT_VRS.has(vr)) element = leaf(tag, vr, vr === 'UR' ? `http://x.org/ZQXM${hex(tag)}` : `ZQXM${hex(tag)}`);
    else if (vr === 'OB') element = binary(tag, vr, `ZQXM${hex(tag)}`);
    else if (vr === 'DA' || vr === 'DT') element = leaf(tag, vr, vr === 'DA' ? date : `${date}101112`);
    else if (vr === 'SQ') element = sequence(tag, [[leaf(0x00100010, 'PN', name), leaf(0x00204000, 'LT', `ZQXS${hex(tag)}`)]]);
    else if (vr === 'UI' && tag !== 0x00080016) element = leaf(tag, vr, `${PLANTED_UID_ROOT}${n}`);
    if (element === null) return;
    if (vr === 'DA' || vr === 'DT') dates.push([tag, Buffer.from(element.value).toString('latin1').trim()]);
    if (vr === 'UI') uids.push([tag, `${PLANTED_UID_ROOT}${n}`]);
    covered.add(tag);
    planted.set(tag, element);
  });
  const markers = [...planted.values()].filter((e) => TEXT_VRS.has(e.vr) || e.vr === 'OB').map((e): [number, string] => [e.tag, `ZQXM${hex(e.tag)}`]);
  const person = personElements();
  const personTags = new Set(person.map((e) => e.tag));
  for (const element of person) planted.set(element.tag, element);
  const rowVrs = new Map(rows.map((r) => [r.tag, r.vr]));
  const own = markNested(tree.dataset.filter((e) => !planted.has(e.tag)), rowVrs, covered, 0);
  const dataset = [...own, ...planted.values()].sort(byTag);

  const deflated = tree.transferSyntaxUid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
  const syntax = deflated ? tree.transferSyntaxUid : isNativeTransferSyntax(tree.transferSyntaxUid) ? EXPLICIT_VR_LITTLE_ENDIAN : tree.transferSyntaxUid;
  const metaPlanted = [
    leaf(0x00020010, 'UI', syntax), leaf(0x00020016, 'AE', 'ZQXAESOURCE'), leaf(0x00020017, 'AE', 'ZQXAESENDING'), leaf(0x00020018, 'AE', 'ZQXAERECEIVE'),
    leaf(0x00020100, 'UI', '1.2.826.0.1.3680043.10.999.77'), binary(0x00020102, 'OB', `${PERSON.family} ${PERSON.id}`),
  ];
  const meta = [...tree.meta.filter((e) => !metaPlanted.some((p) => p.tag === e.tag)), ...metaPlanted].sort(byTag);
  let bytes: Uint8Array = writeFile(meta, dataset);
  if (deflated) {
    const head = writeFile(meta, []);
    bytes = Buffer.concat([head, deflateRawSync(bytes.subarray(head.length))]);
  }
  return { bytes, attributes: covered.size, dates, uids, markers: markers.filter(([tag]) => !personTags.has(tag) || DESCRIPTION_TAGS.includes(tag)) };
}
