/**
 * Test helper: builds DICOM bytes by hand, in any of the three native encodings, with or without
 * preamble/meta, including sequences of defined or undefined length. Used only by *.test.ts.
 */
import type { Encoding } from '../../core/dicom/element-walker';

export type FixtureValue = string | Uint8Array | { us: number[] } | { items: FixtureElement[][]; undefinedLength?: boolean };

export interface FixtureElement {
  tag: number;
  vr: string;
  value: FixtureValue;
  /** Write 0xFFFFFFFF as the length (for SQ, UN and encapsulated pixel data given as raw bytes). */
  undefinedLength?: boolean;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

class ByteSink {
  private readonly parts: number[] = [];

  u16(value: number, le: boolean): void {
    if (le) this.parts.push(value & 0xff, value >>> 8);
    else this.parts.push(value >>> 8, value & 0xff);
  }

  u32(value: number, le: boolean): void {
    if (le) this.parts.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
    else this.parts.push(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
  }

  bytes(data: Uint8Array | number[]): void {
    for (const byte of data) this.parts.push(byte);
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function textBytes(text: string, vr: string): Uint8Array {
  const ascii = [...text].every((c) => c.charCodeAt(0) < 0x80);
  const bytes = ascii ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
  if (bytes.length % 2 === 0) return bytes;
  const padded = new Uint8Array(bytes.length + 1);
  padded.set(bytes);
  padded[bytes.length] = vr === 'UI' ? 0 : 0x20;
  return padded;
}

function valueBytes(element: FixtureElement, enc: Encoding): Uint8Array {
  const { value } = element;
  if (typeof value === 'string') return textBytes(value, element.vr);
  if (value instanceof Uint8Array) return value;
  if ('us' in value) {
    const sink = new ByteSink();
    for (const number of value.us) sink.u16(number, enc.littleEndian);
    return sink.toBytes();
  }
  const sink = new ByteSink();
  for (const item of value.items) {
    const content = encodeDataset(item, enc);
    sink.u16(0xfffe, enc.littleEndian);
    sink.u16(0xe000, enc.littleEndian);
    sink.u32(value.undefinedLength === true ? 0xffffffff : content.length, enc.littleEndian);
    sink.bytes(content);
    if (value.undefinedLength === true) {
      sink.u16(0xfffe, enc.littleEndian);
      sink.u16(0xe00d, enc.littleEndian);
      sink.u32(0, enc.littleEndian);
    }
  }
  return sink.toBytes();
}

export function encodeElement(element: FixtureElement, enc: Encoding): Uint8Array {
  const sink = new ByteSink();
  const value = valueBytes(element, enc);
  const isSequence = typeof element.value === 'object' && !(element.value instanceof Uint8Array) && 'items' in element.value;
  const undefinedLength = element.undefinedLength === true;
  const length = undefinedLength ? 0xffffffff : value.length;
  sink.u16(element.tag >>> 16, enc.littleEndian);
  sink.u16(element.tag & 0xffff, enc.littleEndian);
  if (enc.explicitVr) {
    sink.bytes([element.vr.charCodeAt(0), element.vr.charCodeAt(1)]);
    if (LONG_VRS.has(element.vr)) {
      sink.u16(0, enc.littleEndian);
      sink.u32(length, enc.littleEndian);
    } else {
      sink.u16(length, enc.littleEndian);
    }
  } else {
    sink.u32(length, enc.littleEndian);
  }
  sink.bytes(value);
  if (undefinedLength && isSequence) {
    sink.u16(0xfffe, enc.littleEndian);
    sink.u16(0xe0dd, enc.littleEndian);
    sink.u32(0, enc.littleEndian);
  }
  return sink.toBytes();
}

export function encodeDataset(elements: FixtureElement[], enc: Encoding): Uint8Array {
  return concatBytes([...elements].sort((a, b) => a.tag - b.tag).map((element) => encodeElement(element, enc)));
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const EXPLICIT_LE_META: Encoding = { littleEndian: true, explicitVr: true };

/** File Meta group (with group length) for the given transfer syntax. */
export function encodeMeta(transferSyntaxUid: string | null, sopClassUid: string, sopInstanceUid: string): Uint8Array {
  const elements: FixtureElement[] = [
    { tag: 0x00020001, vr: 'OB', value: Uint8Array.from([0, 1]) },
    { tag: 0x00020002, vr: 'UI', value: sopClassUid },
    { tag: 0x00020003, vr: 'UI', value: sopInstanceUid },
    { tag: 0x00020012, vr: 'UI', value: '1.2.826.0.1.3680043.9.9999' },
  ];
  if (transferSyntaxUid !== null) elements.push({ tag: 0x00020010, vr: 'UI', value: transferSyntaxUid });
  const body = encodeDataset(elements, EXPLICIT_LE_META);
  const groupLength = encodeElement({ tag: 0x00020000, vr: 'UL', value: Uint8Array.from([body.length & 0xff, (body.length >>> 8) & 0xff, 0, 0]) }, EXPLICIT_LE_META);
  return concatBytes([groupLength, body]);
}

/** A Part 10 file: 128-byte preamble, 'DICM', meta, then the (already encoded) dataset. */
export function part10File(meta: Uint8Array, dataset: Uint8Array): Uint8Array {
  return concatBytes([new Uint8Array(128), Uint8Array.from([0x44, 0x49, 0x43, 0x4d]), meta, dataset]);
}

/** Encapsulated pixel data value: empty offset table item, fragments, sequence delimiter (LE). */
export function encapsulatedPixels(fragments: Uint8Array[], offsetTable: number[] = []): Uint8Array {
  const sink = new ByteSink();
  const item = (data: Uint8Array | number[], length: number) => {
    sink.u16(0xfffe, true);
    sink.u16(0xe000, true);
    sink.u32(length, true);
    sink.bytes(data);
  };
  const table = new ByteSink();
  for (const offset of offsetTable) table.u32(offset, true);
  item(table.toBytes(), offsetTable.length * 4);
  for (const fragment of fragments) item(fragment, fragment.length);
  sink.u16(0xfffe, true);
  sink.u16(0xe0dd, true);
  sink.u32(0, true);
  return sink.toBytes();
}
