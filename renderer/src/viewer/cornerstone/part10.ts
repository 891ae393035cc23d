/**
 * Some files carry no File Meta Information (no preamble, no "DICM", no transfer syntax): a raw
 * dataset, as older modalities wrote them. The image loader's parser refuses those, so a minimal
 * File Meta group (preamble, "DICM", group length, Transfer Syntax UID) is put in front in memory.
 * Raw datasets are little endian; explicit VR is told from the first element's VR bytes.
 */
const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

export function hasPart10Header(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

const isUpper = (b: number | undefined): boolean => b !== undefined && b >= 0x41 && b <= 0x5a;

/** The transfer syntax of a raw dataset, from its first element. */
export function rawTransferSyntax(bytes: Uint8Array): string {
  return isUpper(bytes[4]) && isUpper(bytes[5]) ? EXPLICIT_LE : IMPLICIT_LE;
}

function element(group: number, elementNo: number, vr: string, value: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, group, true);
  view.setUint16(2, elementNo, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  view.setUint16(6, value.length, true);
  out.set(value, 8);
  return out;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** Where the File Meta group ends and whether it names a transfer syntax (group 2 is always explicit VR LE). */
export function scanMetaGroup(bytes: Uint8Array): { end: number; hasTransferSyntax: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 132;
  let hasTransferSyntax = false;
  while (pos + 8 <= bytes.length && view.getUint16(pos, true) === 0x0002) {
    const element = view.getUint16(pos + 2, true);
    const vr = String.fromCharCode(bytes[pos + 4] ?? 0, bytes[pos + 5] ?? 0);
    const long = LONG_VRS.has(vr);
    const length = long ? view.getUint32(pos + 8, true) : view.getUint16(pos + 6, true);
    if (element === 0x0010 && length > 0) hasTransferSyntax = true;
    pos += (long ? 12 : 8) + length;
  }
  return { end: Math.min(pos, bytes.length), hasTransferSyntax };
}

/**
 * The bytes as a Part 10 file the loader's parser accepts: unchanged when they are one, otherwise
 * with a minimal File Meta group in front (raw dataset) or in place of one that names no
 * transfer syntax.
 */
export function asPart10(buffer: ArrayBuffer): ArrayBuffer {
  const whole = new Uint8Array(buffer);
  if (whole.length < 8) return buffer;
  let bytes = whole;
  if (hasPart10Header(whole)) {
    const meta = scanMetaGroup(whole);
    if (meta.hasTransferSyntax) return buffer;
    bytes = whole.subarray(meta.end);
  }
  const uid = rawTransferSyntax(bytes);
  const uidBytes = new TextEncoder().encode(uid.length % 2 === 0 ? uid : `${uid}\0`);
  const ts = element(0x0002, 0x0010, 'UI', uidBytes);
  const lengthValue = new Uint8Array(4);
  new DataView(lengthValue.buffer).setUint32(0, ts.length, true);
  const groupLength = element(0x0002, 0x0000, 'UL', lengthValue);
  const out = new Uint8Array(132 + groupLength.length + ts.length + bytes.length);
  out.set([0x44, 0x49, 0x43, 0x4d], 128);
  out.set(groupLength, 132);
  out.set(ts, 132 + groupLength.length);
  out.set(bytes, 132 + groupLength.length + ts.length);
  return out.buffer;
}
