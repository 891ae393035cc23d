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

/** The bytes as a Part 10 file: unchanged when they already are one, otherwise with a File Meta group in front. */
export function asPart10(buffer: ArrayBuffer): ArrayBuffer {
  const bytes = new Uint8Array(buffer);
  if (hasPart10Header(bytes) || bytes.length < 8) return buffer;
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
