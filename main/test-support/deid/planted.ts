/**
 * Test fixture: a DICOM file carrying every Table E.1-1 attribute the dictionary gives a VR,
 * each planted with its own distinctive value, plus private attributes, nested and private
 * sequences, overlays and curves. Written with dcmjs (explicit VR LE) or by hand in the other
 * native encodings, so the engine's leak and conversion tests can look for every planted value.
 */
import { deflateRawSync } from 'node:zlib';
import dcmjs from 'dcmjs';
import { E1_1_ROWS } from '../../../shared/standards/ps3-15-e1-1';
import { lookupTag } from '../../core/dicom/dictionary';
import type { Encoding } from '../../core/dicom/element-walker';
import { encodeDataset, encodeMeta, part10File, type FixtureElement } from '../dicom/test-fixtures';

const { DicomDict } = dcmjs.data;
dcmjs.log.setLevel('error');

export const CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';

export interface Planted {
  elements: FixtureElement[];
  /** Letter markers ("QZ0001"): none may appear anywhere in the output bytes. */
  markers: string[];
  /** Planted dates, times, numbers: none may be an output value. */
  values: string[];
  /** Every planted UID: none may survive. */
  uids: string[];
  sopInstanceUid: string;
}

const SKIP_VRS = new Set(['SQ', 'US', 'SS', 'UL', 'SL', 'FL', 'FD', 'AT', 'OF', 'OD', 'OL', 'OV', 'SV', 'UV', 'UN']);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

class Planter {
  n = 0;
  readonly markers: string[] = [];
  readonly values: string[] = [];
  readonly uids: string[] = [];

  constructor(private readonly tag: string) {}

  marker(): string {
    const marker = `QZ${this.tag}${pad(++this.n, 4)}`;
    this.markers.push(marker);
    return marker;
  }

  uid(): string {
    const uid = `1.2.826.0.1.3680043.10.999.${this.tag === 'A' ? 1 : 2}.${++this.n}`;
    this.uids.push(uid);
    return uid;
  }

  value(vr: string): string | Uint8Array | null {
    const n = ++this.n;
    const date = `19${pad(1 + (n % 98), 2)}${pad(1 + (n % 12), 2)}${pad(1 + (n % 28), 2)}`;
    const record = (v: string) => (this.values.push(v), v);
    switch (vr) {
      case 'UI': return this.uid();
      case 'DA': return record(date);
      case 'DT': return record(`${date}1${pad(n % 60, 5)}`);
      case 'TM': return record(`1${pad(n % 100000, 5)}`);
      case 'DS': case 'IS': return record(String(70000 + n));
      case 'AS': return record(`${pad(n % 1000, 3)}Y`);
      case 'PN': { const m = this.marker(); return `${m}^${m}`; }
      case 'UR': return `http://example.org/${this.marker()}`;
      case 'OB': case 'OW': return Buffer.from(`${this.marker()}X`, 'latin1');
      default: return this.marker();
    }
  }
}

function tagOf(text: string): number {
  return Number.parseInt(text.slice(1, 5) + text.slice(6, 10), 16) >>> 0;
}

/** One planted element for every plain E.1-1 row (no repeating groups, no meta or command group). */
function tableElements(p: Planter): FixtureElement[] {
  const out: FixtureElement[] = [];
  for (const [tagText] of E1_1_ROWS) {
    if (!/^\([0-9A-F]{4},[0-9A-F]{4}\)$/.test(tagText)) continue;
    const tag = tagOf(tagText);
    const group = tag >>> 16;
    if (group <= 0x0002 || group === 0x7fe0) continue;
    const vr = lookupTag(tag)?.vr;
    if (vr === undefined || SKIP_VRS.has(vr)) continue;
    const value = p.value(vr);
    if (value !== null) out.push({ tag, vr, value });
  }
  return out;
}

export function plantedElements(tag = 'A'): Planted {
  const p = new Planter(tag);
  const sopInstanceUid = p.uid();
  const studyUid = p.uid();
  const nested = (): FixtureElement[] => [
    { tag: 0x00081150, vr: 'UI', value: CT_IMAGE },
    { tag: 0x00081155, vr: 'UI', value: sopInstanceUid },
    { tag: 0x00100010, vr: 'PN', value: `${p.marker()}^NESTED` },
    { tag: 0x00081030, vr: 'LO', value: p.marker() },
  ];
  const elements: FixtureElement[] = [
    ...tableElements(p).filter((e) => ![0x00080018, 0x0020000d, 0x00080016].includes(e.tag)),
    { tag: 0x00080016, vr: 'UI', value: CT_IMAGE },
    { tag: 0x00080018, vr: 'UI', value: sopInstanceUid },
    { tag: 0x0020000d, vr: 'UI', value: studyUid },
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    // Referenced Series Sequence, nested twice, with a private sequence inside an item.
    { tag: 0x00081115, vr: 'SQ', value: { items: [[
      { tag: 0x0020000e, vr: 'UI', value: p.uid() },
      { tag: 0x00081140, vr: 'SQ', value: { items: [nested(), nested()], undefinedLength: true }, undefinedLength: true },
      { tag: 0x00290010, vr: 'LO', value: 'PLANTCO' },
      { tag: 0x00291001, vr: 'SQ', value: { items: [nested()] } },
    ]] } },
    // Private: an unknown maker block and a known-safe GE block.
    { tag: 0x00090010, vr: 'LO', value: 'PLANTCO' },
    { tag: 0x00091001, vr: 'LO', value: p.marker() },
    { tag: 0x00091002, vr: 'SQ', value: { items: [nested()] } },
    { tag: 0x00190010, vr: 'LO', value: 'GEMS_ACQU_01' },
    { tag: 0x00191023, vr: 'DS', value: '1.5 ' },
    { tag: 0x00191099, vr: 'LO', value: p.marker() },
    // Curve and overlay groups.
    { tag: 0x50000010, vr: 'US', value: { us: [4] } },
    { tag: 0x50003000, vr: 'OB', value: Buffer.from(`${p.marker()}Y`, 'latin1') },
    { tag: 0x60000010, vr: 'US', value: { us: [4] } },
    { tag: 0x60000011, vr: 'US', value: { us: [4] } },
    { tag: 0x60003000, vr: 'OW', value: Buffer.from(`${p.marker()}Y`, 'latin1') },
    { tag: 0x60004000, vr: 'LT', value: p.marker() },
    // A small image; its pixels must come out byte-identical.
    { tag: 0x00280002, vr: 'US', value: { us: [1] } },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280010, vr: 'US', value: { us: [4] } },
    { tag: 0x00280011, vr: 'US', value: { us: [4] } },
    { tag: 0x00280100, vr: 'US', value: { us: [16] } },
    { tag: 0x00280101, vr: 'US', value: { us: [12] } },
    { tag: 0x00280102, vr: 'US', value: { us: [11] } },
    { tag: 0x00280103, vr: 'US', value: { us: [0] } },
    { tag: 0x7fe00010, vr: 'OW', value: { us: Array.from({ length: 16 }, (_, i) => 0x0100 * i + 7) } },
  ];
  return { elements, markers: p.markers, values: p.values, uids: p.uids, sopInstanceUid };
}

/** Hand-encoded in any native encoding (implicit VR LE and explicit VR BE need this: dcmjs writes neither reliably). */
export function plantedFile(planted: Planted, transferSyntaxUid: string, enc: Encoding): Uint8Array {
  return part10File(encodeMeta(transferSyntaxUid, CT_IMAGE, planted.sopInstanceUid), encodeDataset(planted.elements, enc));
}

export function plantedDeflated(planted: Planted): Uint8Array {
  const dataset = deflateRawSync(encodeDataset(planted.elements, { littleEndian: true, explicitVr: true }));
  return part10File(encodeMeta('1.2.840.10008.1.2.1.99', CT_IMAGE, planted.sopInstanceUid), dataset);
}

type DcmjsEntry = { vr: string; Value: unknown[] };

function toDcmjs(elements: FixtureElement[]): Record<string, DcmjsEntry> {
  const dict: Record<string, DcmjsEntry> = {};
  for (const { tag, vr, value } of elements) {
    const key = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
    let values: unknown[];
    if (typeof value === 'string') values = vr === 'PN' ? [{ Alphabetic: value }] : value.split('\\');
    else if (value instanceof Uint8Array) values = [value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)];
    else if ('us' in value) values = vr === 'OW' ? [Uint16Array.from(value.us).buffer] : value.us;
    else values = value.items.map(toDcmjs);
    dict[key] = { vr, Value: values };
  }
  return dict;
}

/** The explicit VR little endian file, written by dcmjs. */
export function plantedDcmjs(planted: Planted): Uint8Array {
  const meta = {
    '00020001': { vr: 'OB', Value: [Uint8Array.of(0, 1).buffer] },
    '00020002': { vr: 'UI', Value: [CT_IMAGE] },
    '00020003': { vr: 'UI', Value: [planted.sopInstanceUid] },
    '00020010': { vr: 'UI', Value: ['1.2.840.10008.1.2.1'] },
    '00020012': { vr: 'UI', Value: ['2.25.1'] },
  };
  const dict = new DicomDict(meta);
  dict.dict = toDcmjs(planted.elements);
  return new Uint8Array(dict.write({ allowInvalidVRLength: true }));
}
