/**
 * One attribute value as readable text, by VR: character-set text decoded (ISO 2022 included),
 * numbers from binary in the dataset's byte order, binary data only as its length. Large values
 * are cut at the caller's limits (a tag browser must not ship a 50 MB value to the screen).
 */
import { decodeText, type CharacterSet } from './charset';
import { decoderFor } from './text-decoders';

/** Text in the default repertoire whatever the Specific Character Set says (PS3.5 6.1.2.3). */
const ASCII_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'TM', 'UI', 'UR']);
/** Text decoded with the Specific Character Set. */
const CHARSET_VRS = new Set(['LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT']);
/** Text VRs whose backslash separates values (LT, ST, UT and UR have one value). */
const MULTI_VALUE_TEXT = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'PN', 'SH', 'TM', 'UC', 'UI']);
const NUMBER_SIZE: Record<string, number> = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8, AT: 4, UV: 8, SV: 8 };

export interface ValueLimits {
  /** Characters of text kept per attribute. */
  maxTextChars: number;
  /** Numbers kept per attribute. */
  maxNumbers: number;
}

export type ReadValue =
  | { kind: 'text'; values: string[]; truncated: boolean }
  | { kind: 'binary'; length: number };

export function isTextVr(vr: string): boolean {
  return ASCII_VRS.has(vr) || CHARSET_VRS.has(vr);
}

export function isNumberVr(vr: string): boolean {
  return NUMBER_SIZE[vr] !== undefined;
}

function trimPadding(text: string): string {
  return text.replace(/[\0 ]+$/, '').replace(/^ +/, '');
}

function readText(bytes: Uint8Array, vr: string, charset: CharacterSet, limits: ValueLimits): ReadValue {
  // Decode at most a little over the limit: a multi-byte character set needs up to 4 bytes a character.
  const cut = bytes.length > limits.maxTextChars * 4;
  const held = cut ? bytes.subarray(0, limits.maxTextChars * 4) : bytes;
  let text = ASCII_VRS.has(vr) ? decoderFor('ascii').decode(held) : decodeText(held, charset);
  let truncated = cut;
  if (text.length > limits.maxTextChars) {
    text = text.slice(0, limits.maxTextChars);
    truncated = true;
  }
  const parts = MULTI_VALUE_TEXT.has(vr) ? text.split('\\') : [text];
  const values = parts.map((part) => (vr === 'LT' || vr === 'ST' || vr === 'UT' ? part.replace(/[\0 ]+$/, '') : trimPadding(part)));
  return { kind: 'text', values, truncated };
}

function readNumbers(bytes: Uint8Array, vr: string, littleEndian: boolean, limits: ValueLimits): ReadValue {
  const size = NUMBER_SIZE[vr] ?? 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.floor(bytes.length / size);
  const values: string[] = [];
  for (let i = 0; i < Math.min(count, limits.maxNumbers); i++) values.push(numberAt(view, i * size, vr, littleEndian));
  return { kind: 'text', values, truncated: count > limits.maxNumbers };
}

function numberAt(view: DataView, at: number, vr: string, le: boolean): string {
  switch (vr) {
    case 'US': return String(view.getUint16(at, le));
    case 'SS': return String(view.getInt16(at, le));
    case 'UL': return String(view.getUint32(at, le));
    case 'SL': return String(view.getInt32(at, le));
    case 'FL': return String(Math.fround(view.getFloat32(at, le)));
    case 'FD': return String(view.getFloat64(at, le));
    case 'UV': return view.getBigUint64(at, le).toString();
    case 'SV': return view.getBigInt64(at, le).toString();
    default: {
      // AT: a tag as two 16-bit numbers.
      const group = view.getUint16(at, le).toString(16).toUpperCase().padStart(4, '0');
      const element = view.getUint16(at + 2, le).toString(16).toUpperCase().padStart(4, '0');
      return `(${group},${element})`;
    }
  }
}

/** Short printable ASCII in an unknown (UN) value is very likely text: private tags often are. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.length > 1024) return false;
  for (const byte of bytes) if ((byte < 0x20 || byte > 0x7e) && byte !== 0) return false;
  return true;
}

export function readValue(bytes: Uint8Array, vr: string, littleEndian: boolean, charset: CharacterSet, limits: ValueLimits): ReadValue {
  if (isTextVr(vr)) return readText(bytes, vr, charset, limits);
  if (isNumberVr(vr)) return readNumbers(bytes, vr, littleEndian, limits);
  if (vr === 'UN' && looksLikeText(bytes)) return readText(bytes, 'LO', charset, limits);
  return { kind: 'binary', length: bytes.length };
}
