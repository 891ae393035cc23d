/**
 * Writes the DICOMDIR (Media Storage Directory, PS3.3 F, PS3.10) for an exported tree, with the
 * PATIENT / STUDY / SERIES / IMAGE records and keys the general-purpose profile (PS3.11 STD-GEN-*)
 * requires. Values are copied byte for byte from the exported files; a type 1 key a
 * de-identified file no longer holds (Study ID, Study Time...) gets a neutral made-up value, as
 * dcmmkdir --invent would. Offsets count from the first byte of the file (the preamble).
 */
import { randomBytes } from 'node:crypto';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../dicom/transfer-syntax';
import { MEDIA_STORAGE_DIRECTORY_SOP_CLASS } from '../../dicom/tags';
import { IMPLEMENTATION_CLASS_UID } from '../deid/deidentify';
import type { PlacedFile, RecordKeys } from './media-layout';

const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT']);
const SR_PREFIX = '1.2.840.10008.5.1.4.1.1.88.';
const ENCAPSULATED = new Set(['1.2.840.10008.5.1.4.1.1.104.1', '1.2.840.10008.5.1.4.1.1.104.2', '1.2.840.10008.5.1.4.1.1.104.3']);

function pad(text: string, vr: string): Buffer {
  return Buffer.from(text.length % 2 === 1 ? text + (vr === 'UI' ? '\0' : ' ') : text, 'latin1');
}

function element(tag: number, vr: string, value: Uint8Array): Buffer {
  const long = LONG_VRS.has(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(tag >>> 16, 0);
  head.writeUInt16LE(tag & 0xffff, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(value.length, 8);
  else head.writeUInt16LE(value.length, 6);
  return Buffer.concat([head, value]);
}
const ul = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };
const us = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const text = (tag: number, vr: string, value: string) => element(tag, vr, pad(value, vr));

interface RecordNode { type: string; keys: Buffer[]; children: RecordNode[] }

function sortedKeys(parts: [number, Buffer][]): Buffer[] {
  return parts.sort((a, b) => a[0] - b[0]).map(([, b]) => b);
}

function keyOr(tag: number, vr: string, raw: Uint8Array | null, invented: string): [number, Buffer] {
  return [tag, raw !== null ? element(tag, vr, raw) : text(tag, vr, invented)];
}

function optional(tag: number, vr: string, raw: Uint8Array | null): [number, Buffer] {
  return [tag, element(tag, vr, raw ?? new Uint8Array(0))];
}

const withCharset = (k: RecordKeys, parts: [number, Buffer][]): [number, Buffer][] => (k.charset !== null ? [[0x00080005, element(0x00080005, 'CS', k.charset)], ...parts] : parts);

function leafRecord(file: PlacedFile, index: number): RecordNode {
  const k = file.keys;
  const type = k.sopClassUid.startsWith(SR_PREFIX) ? 'SR DOCUMENT' : ENCAPSULATED.has(k.sopClassUid) ? 'ENCAP DOC' : 'IMAGE';
  const parts: [number, Buffer][] = [
    [0x00041500, text(0x00041500, 'CS', file.fileId.join('\\'))],
    [0x00041510, text(0x00041510, 'UI', k.sopClassUid)],
    [0x00041511, text(0x00041511, 'UI', k.sopInstanceUid)],
    [0x00041512, text(0x00041512, 'UI', k.transferSyntaxUid)],
    keyOr(0x00200013, 'IS', k.instanceNumber, String(index)),
  ];
  if (type === 'ENCAP DOC') parts.push(keyOr(0x00420012, 'LO', k.mimeType, 'application/pdf'));
  return { type, keys: sortedKeys(withCharset(k, parts)), children: [] };
}

/** PATIENT > STUDY > SERIES > leaf records, in the order the files were placed. */
function buildTree(files: readonly PlacedFile[]): RecordNode[] {
  const patients = new Map<string, RecordNode>();
  const studies = new Map<string, RecordNode>();
  const series = new Map<string, RecordNode>();
  for (const file of files) {
    const k = file.keys;
    const [, p, s, se] = file.fileId;
    let patient = patients.get(p ?? '');
    if (patient === undefined) {
      patient = { type: 'PATIENT', children: [], keys: sortedKeys(withCharset(k, [optional(0x00100010, 'PN', k.patientName), [0x00100020, text(0x00100020, 'LO', k.patientId || (p ?? 'P1'))]])) };
      patients.set(p ?? '', patient);
    }
    const studyKey = `${p}/${s}`;
    let study = studies.get(studyKey);
    if (study === undefined) {
      study = {
        type: 'STUDY', children: [], keys: sortedKeys(withCharset(k, [
          keyOr(0x00080020, 'DA', k.studyDate, '19000101'), keyOr(0x00080030, 'TM', k.studyTime, '000000'), optional(0x00080050, 'SH', k.accession),
          optional(0x00081030, 'LO', k.studyDescription), [0x0020000d, text(0x0020000d, 'UI', k.studyUid)], keyOr(0x00200010, 'SH', k.studyId, String(patient.children.length + 1)),
        ])),
      };
      patient.children.push(study);
      studies.set(studyKey, study);
    }
    const seriesKey = `${studyKey}/${se}`;
    let one = series.get(seriesKey);
    if (one === undefined) {
      one = {
        type: 'SERIES', children: [], keys: sortedKeys(withCharset(k, [
          keyOr(0x00080060, 'CS', k.modality, 'OT'), [0x0020000e, text(0x0020000e, 'UI', k.seriesUid)], keyOr(0x00200011, 'IS', k.seriesNumber, String(study.children.length + 1)),
        ])),
      };
      study.children.push(one);
      series.set(seriesKey, one);
    }
    one.children.push(leafRecord(file, one.children.length + 1));
  }
  return [...patients.values()];
}

function fileMeta(instanceUid: string): Buffer {
  const body = Buffer.concat([
    element(0x00020001, 'OB', Uint8Array.of(0, 1)),
    text(0x00020002, 'UI', MEDIA_STORAGE_DIRECTORY_SOP_CLASS),
    text(0x00020003, 'UI', instanceUid),
    text(0x00020010, 'UI', EXPLICIT_VR_LITTLE_ENDIAN),
    text(0x00020012, 'UI', IMPLEMENTATION_CLASS_UID),
    text(0x00020013, 'SH', 'SCANVAULT_1'),
  ]);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), element(0x00020000, 'UL', ul(body.length)), body]);
}

const ITEM_START = (length: number) => { const b = Buffer.alloc(8); b.writeUInt16LE(0xfffe, 0); b.writeUInt16LE(0xe000, 2); b.writeUInt32LE(length, 4); return b; };

/** The whole DICOMDIR file. `instanceUid` names the file set's directory (a fresh 2.25 UID by default). */
export function writeDicomdir(files: readonly PlacedFile[], instanceUid = `2.25.${BigInt('0x' + randomBytes(16).toString('hex')).toString()}`): Buffer {
  const roots = buildTree(files);
  const head = fileMeta(instanceUid);
  // Fixed-size fields first, so every record's position is known before its offsets are filled in.
  const top = [text(0x00041130, 'CS', ''), element(0x00041200, 'UL', ul(0)), element(0x00041202, 'UL', ul(0)), element(0x00041212, 'US', us(0))];
  const sequenceHeader = Buffer.alloc(12);
  sequenceHeader.writeUInt16LE(0x0004, 0);
  sequenceHeader.writeUInt16LE(0x1220, 2);
  sequenceHeader.write('SQ', 4, 'latin1');
  sequenceHeader.writeUInt32LE(0xffffffff, 8);
  const chunks: Buffer[] = [head, ...top, sequenceHeader];
  let position = chunks.reduce((s, c) => s + c.length, 0);
  const items = new Map<RecordNode, Buffer>();
  const offsetOf = new Map<RecordNode, number>();
  const emit = (node: RecordNode) => {
    const body = Buffer.concat([
      element(0x00041400, 'UL', ul(0)), element(0x00041410, 'US', us(0xffff)), element(0x00041420, 'UL', ul(0)),
      text(0x00041430, 'CS', node.type), ...node.keys,
    ]);
    const item = Buffer.concat([ITEM_START(body.length), body]);
    offsetOf.set(node, position);
    items.set(node, item);
    chunks.push(item);
    position += item.length;
    node.children.forEach(emit);
  };
  roots.forEach(emit);
  const delimiter = Buffer.alloc(8);
  delimiter.writeUInt16LE(0xfffe, 0);
  delimiter.writeUInt16LE(0xe0dd, 2);
  chunks.push(delimiter);
  // Offsets: next sibling (0004,1400) at item+8+8, first child (0004,1420) at item+8+12+10+8.
  const link = (siblings: RecordNode[]) => {
    siblings.forEach((node, i) => {
      const item = items.get(node)!;
      item.writeUInt32LE(i + 1 < siblings.length ? offsetOf.get(siblings[i + 1]!)! : 0, 8 + 8);
      item.writeUInt32LE(node.children.length > 0 ? offsetOf.get(node.children[0]!)! : 0, 8 + 12 + 10 + 8);
      link(node.children);
    });
  };
  link(roots);
  const out = Buffer.concat(chunks);
  const topStart = head.length + top[0]!.length;
  out.writeUInt32LE(roots.length > 0 ? offsetOf.get(roots[0]!)! : 0, topStart + 8);
  out.writeUInt32LE(roots.length > 0 ? offsetOf.get(roots.at(-1)!)! : 0, topStart + 12 + 8);
  return out;
}
