/**
 * Byte-preserving rewrites for masked files: the File Meta group with a new transfer syntax, and a
 * top-level dataset with a few elements replaced, dropped or added. Every other element is copied
 * from the original bytes as they are (walked with the core's element walker), so nothing the
 * masking is not about can change.
 */
import { EXPLICIT_LE, makeSource, valueEnd, walkElements, type Encoding, type Source } from '../../dicom/element-walker';
import type { DataElement } from '../deid/dataset-tree';
import { encodeElements } from '../deid/serialise';
import { encodeAscii } from '../deid/values';
import { ImageError } from './image-frames';

const GROUP_LENGTH = 0x00020000;
const TRANSFER_SYNTAX = 0x00020010;

function metaStart(file: Uint8Array): number {
  if (file.length >= 132 && Buffer.from(file.subarray(128, 132)).toString('latin1') === 'DICM') return 132;
  return Buffer.from(file.subarray(0, 4)).toString('latin1') === 'DICM' ? 4 : 0;
}

function encoded(element: DataElement): Buffer {
  return encodeElements([element]);
}

/** Preamble, DICM and the meta group with `transferSyntaxUid` (group length recomputed). */
export function rewriteMeta(file: Uint8Array, datasetOffset: number, transferSyntaxUid: string): Buffer {
  const src = makeSource(file);
  const parts: Uint8Array[] = [];
  let wroteSyntax = false;
  const syntax = encoded({ tag: TRANSFER_SYNTAX, vr: 'UI', value: encodeAscii(transferSyntaxUid, 'UI'), encapsulated: false, items: null });
  const walk = walkElements(src, metaStart(file), datasetOffset, EXPLICIT_LE, (h) => {
    if (h.tag === GROUP_LENGTH) return 'continue';
    if (h.tag > TRANSFER_SYNTAX && !wroteSyntax) {
      parts.push(syntax);
      wroteSyntax = true;
    }
    if (h.tag === TRANSFER_SYNTAX) {
      parts.push(syntax);
      wroteSyntax = true;
      return 'continue';
    }
    parts.push(file.subarray(h.headerOffset, valueEnd(src, h, EXPLICIT_LE)));
    return 'continue';
  });
  if (walk.outcome !== 'end') throw new ImageError('The file header block is damaged');
  if (!wroteSyntax) parts.push(syntax);
  const body = Buffer.concat(parts);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length, 0);
  const groupLength = encoded({ tag: GROUP_LENGTH, vr: 'UL', value: length, encapsulated: false, items: null });
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), groupLength, body]);
}

/**
 * The top-level dataset from `start`, with `replace`d elements (null: dropped). A replacement
 * whose tag is absent is added in tag order. The dataset must be explicit VR little endian
 * (compressed pixel data always is), since new elements are written that way.
 */
export function rewriteDataset(src: Source, start: number, enc: Encoding, replace: ReadonlyMap<number, DataElement | null>): Buffer {
  if (!enc.explicitVr || !enc.littleEndian) throw new ImageError('Only explicit VR little endian data can be rewritten');
  const pending = [...replace.entries()].filter(([, e]) => e !== null).sort(([a], [b]) => a - b) as [number, DataElement][];
  const parts: Uint8Array[] = [];
  const flushBefore = (tag: number) => {
    while (pending.length > 0 && (pending[0]?.[0] ?? Infinity) < tag) {
      const next = pending.shift();
      if (next !== undefined) parts.push(encoded(next[1]));
    }
  };
  const walk = walkElements(src, start, src.bytes.length, enc, (h) => {
    flushBefore(h.tag);
    const end = valueEnd(src, h, enc);
    if (replace.has(h.tag)) {
      const element = replace.get(h.tag);
      if (element != null) parts.push(encoded(element));
      if (pending[0]?.[0] === h.tag) pending.shift();
      return 'continue';
    }
    parts.push(src.bytes.subarray(h.headerOffset, end));
    return 'continue';
  });
  if (walk.outcome !== 'end') throw new ImageError('The file is cut short or damaged, so it cannot be masked');
  flushBefore(Infinity);
  return Buffer.concat(parts);
}
