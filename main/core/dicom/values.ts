/** Turns collected element references into trimmed strings and numbers. */
import { decodeText, type CharacterSet } from './charset';
import { UNDEFINED_LENGTH, type Encoding, type Source } from './element-walker';
import type { ElementRef } from './header';
import { decoderFor } from './text-decoders';

export interface ValueContext {
  src: Source;
  encoding: Encoding;
  elements: Map<number, ElementRef>;
}

function valueBytes(ctx: ValueContext, tag: number): Uint8Array | null {
  const ref = ctx.elements.get(tag);
  if (ref === undefined || ref.length === UNDEFINED_LENGTH || ref.length === 0) return null;
  return ctx.src.bytes.subarray(ref.offset, ref.offset + ref.length);
}

/** Strips DICOM padding (spaces, NULs) and surrounding whitespace; empty becomes null. */
export function trimValue(text: string): string | null {
  const trimmed = text.replace(/^[\s\0]+|[\s\0]+$/g, '');
  return trimmed === '' ? null : trimmed;
}

/** UI, CS, DA, TM, IS: ASCII by definition. */
export function readAscii(ctx: ValueContext, tag: number): string | null {
  const bytes = valueBytes(ctx, tag);
  return bytes === null ? null : trimValue(decoderFor('ascii').decode(bytes));
}

/** PN, LO, SH, ST, LT: decoded with the dataset's Specific Character Set. */
export function readText(ctx: ValueContext, tag: number, charset: CharacterSet): string | null {
  const bytes = valueBytes(ctx, tag);
  return bytes === null ? null : trimValue(decodeText(bytes, charset));
}

/** DA: 'YYYYMMDD'; the old ACR-NEMA 'YYYY.MM.DD' form is normalised to it. */
export function readDate(ctx: ValueContext, tag: number): string | null {
  const value = readAscii(ctx, tag);
  if (value === null) return null;
  const dotted = /^(\d{4})\.(\d{2})\.(\d{2})$/.exec(value);
  return dotted ? `${dotted[1] ?? ''}${dotted[2] ?? ''}${dotted[3] ?? ''}` : value;
}

/** IS: the leading integer of the first value (tolerates padding and junk such as '1A'). */
export function readIntegerString(ctx: ValueContext, tag: number): number | null {
  const value = readAscii(ctx, tag);
  if (value === null) return null;
  const match = /^[+-]?\d+/.exec(value.split('\\')[0]?.trim() ?? '');
  if (match === null) return null;
  const number = Number.parseInt(match[0], 10);
  return Number.isSafeInteger(number) ? number : null;
}

/** US: binary in the dataset's byte order; text-encoded (broken) values are parsed as numbers. */
export function readUint16(ctx: ValueContext, tag: number): number | null {
  const ref = ctx.elements.get(tag);
  if (ref === undefined || ref.length === UNDEFINED_LENGTH || ref.length < 2) return null;
  if (ref.vr === 'IS' || ref.vr === 'DS') return readIntegerString(ctx, tag);
  return ctx.src.view.getUint16(ref.offset, ctx.encoding.littleEndian);
}
