/**
 * Segmented Palette Color Lookup Tables (PS3.3 C.7.9.2, C.7.6.3.1.6), which the image loader does
 * not read (it expects the plain Red/Green/Blue Palette Color Lookup Table Data and fails without
 * them). A table is a list of segments of 16-bit words: opcode, length, then the segment's data.
 * The adapter expands the three tables and turns the frame into 8-bit RGB before decoding, as
 * rle-colour.ts does for deep colour RLE. Pure: no Cornerstone import.
 */

const DISCRETE = 0;
const LINEAR = 1;
const INDIRECT = 2;

/**
 * Expands `count` segments (all when undefined) from word `start`, continuing from `previous`
 * (a linear segment draws from the value before it). Throws on a malformed table.
 */
function expand(words: ArrayLike<number>, start: number, count: number | undefined, previous: number | undefined, depth: number): number[] {
  if (depth > 8) throw new Error('indirect segments nest too deep');
  const out: number[] = [];
  let at = start;
  let read = 0;
  // A trailing pad word may follow the last segment; every segment is at least three words.
  while (at + 1 < words.length && (count === undefined || read < count)) {
    const opcode = words[at] ?? 0;
    const length = words[at + 1] ?? 0;
    at += 2;
    const last = out.length > 0 ? out[out.length - 1] : previous;
    if (opcode === DISCRETE) {
      if (at + length > words.length) throw new Error('a discrete segment runs past the table');
      for (let i = 0; i < length; i++) out.push(words[at + i] ?? 0);
      at += length;
    } else if (opcode === LINEAR) {
      if (last === undefined) throw new Error('a linear segment cannot come first');
      const y1 = words[at] ?? 0;
      at += 1;
      // n values from just after the previous value up to y1 (the previous value is not repeated).
      for (let i = 1; i <= length; i++) out.push(Math.round(last + ((y1 - last) * i) / length));
    } else if (opcode === INDIRECT) {
      if (last === undefined) throw new Error('an indirect segment cannot come first');
      // A 32-bit byte offset from the table's start, least significant word first.
      const offset = ((words[at] ?? 0) | ((words[at + 1] ?? 0) << 16)) >>> 0;
      at += 2;
      if (offset % 2 !== 0 || offset / 2 >= words.length) throw new Error('an indirect segment points outside the table');
      for (const v of expand(words, offset / 2, length, last, depth + 1)) out.push(v);
    } else {
      throw new Error(`unknown segment opcode ${opcode}`);
    }
    read++;
  }
  return out;
}

/** A segmented table's words expanded into a plain lookup table. */
export function expandSegmentedLut(words: ArrayLike<number>): Uint16Array {
  return Uint16Array.from(expand(words, 0, undefined, undefined, 0));
}

export interface Palette {
  red: Uint16Array;
  green: Uint16Array;
  blue: Uint16Array;
  /** First stored value mapped (descriptor's second value). */
  firstMapped: number;
  /** Bits per table entry (descriptor's third value): 16-bit entries show their top 8 bits. */
  entryBits: number;
}

/**
 * Stored values (8 or 16 bits, little endian) through the palette into 8-bit RGB by pixel. Values
 * below the first mapped one take the first entry, values past the end the last (PS3.3 C.7.6.3.1.5).
 */
export function paletteToRgb(data: Uint8Array, bitsAllocated: number, pixels: number, p: Palette): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  const shift = p.entryBits > 8 ? 8 : 0;
  const tables = [p.red, p.green, p.blue];
  for (let i = 0; i < pixels; i++) {
    const v = bitsAllocated === 8 ? (data[i] ?? 0) : (data[2 * i] ?? 0) | ((data[2 * i + 1] ?? 0) << 8);
    for (let c = 0; c < 3; c++) {
      const table = tables[c] ?? p.red;
      const index = Math.max(0, Math.min(table.length - 1, v - p.firstMapped));
      out[i * 3 + c] = (table[index] ?? 0) >> shift;
    }
  }
  return out;
}
