/**
 * Encapsulated pixel data (PS3.5 A.4): an item holding the Basic Offset Table, then one item per
 * fragment, then a Sequence Delimitation Item. Groups fragments into frames without copying.
 */
import { ITEM, SEQUENCE_DELIMITER, readTag, type Source } from './element-walker';

interface Fragment {
  /** Position of the fragment's item tag, relative to the first fragment's item tag. */
  itemPosition: number;
  data: Uint8Array;
}

interface Encapsulated {
  offsetTable: number[];
  fragments: Fragment[];
}

/** Reads the item structure from `offset` (value of Pixel Data); null when it is malformed. */
export function readEncapsulated(src: Source, offset: number): Encapsulated | null {
  const items: { position: number; data: Uint8Array }[] = [];
  let pos = offset;
  for (;;) {
    if (pos + 8 > src.bytes.length) return null;
    const tag = readTag(src, pos, true);
    const length = src.view.getUint32(pos + 4, true);
    if (tag === SEQUENCE_DELIMITER) break;
    if (tag !== ITEM || pos + 8 + length > src.bytes.length) return null;
    items.push({ position: pos, data: src.bytes.subarray(pos + 8, pos + 8 + length) });
    pos += 8 + length;
  }
  const [table, ...rest] = items;
  if (table === undefined) return null;
  const first = rest[0]?.position ?? 0;
  const offsetTable: number[] = [];
  const view = new DataView(table.data.buffer, table.data.byteOffset, table.data.byteLength);
  for (let i = 0; i + 4 <= table.data.length; i += 4) offsetTable.push(view.getUint32(i, true));
  return { offsetTable, fragments: rest.map((item) => ({ itemPosition: item.position - first, data: item.data })) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0]; // no copy for the usual case
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Each frame's compressed bytes, using (in order) an offset table, one fragment per frame, or all
 * fragments for a single frame. Null when frame boundaries cannot be known.
 */
export function frameData(enc: Encapsulated, frames: number, extendedOffsets: number[] | null): Uint8Array[] | null {
  const offsets = extendedOffsets ?? enc.offsetTable;
  if (offsets.length === frames && frames > 0) {
    // Fragments are in file order, so one pass assigns each to the frame whose range holds it.
    const grouped: Uint8Array[][] = offsets.map(() => []);
    let frame = 0;
    for (const fragment of enc.fragments) {
      while (frame + 1 < offsets.length && fragment.itemPosition >= (offsets[frame + 1] ?? 0)) frame++;
      if (fragment.itemPosition >= (offsets[frame] ?? 0)) grouped[frame]?.push(fragment.data);
    }
    return grouped.map(concat);
  }
  if (enc.fragments.length === frames) return enc.fragments.map((f) => f.data);
  if (frames === 1) return [concat(enc.fragments.map((f) => f.data))];
  return null;
}
