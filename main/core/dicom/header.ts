/**
 * Reads a file's header: layout (meta, encoding), then the top-level dataset elements the vault
 * needs, stopping at Pixel Data. Values are referenced by offset, never copied.
 */
import { UNDEFINED_LENGTH, WalkError, skipUndefinedSequence, walkElements, type Source, type WalkOutcome } from './element-walker';
import { detectLayout, type FileLayout } from './file-layout';
import { knownNonDicomReason, unrecognisedReason } from './sniff';
import { COLLECTED_TAGS, PIXEL_DATA_TAGS } from './tags';

export interface ElementRef {
  vr: string | null;
  offset: number;
  /** UNDEFINED_LENGTH for undefined-length sequences. */
  length: number;
}

export interface PixelDataRef {
  tag: number;
  vr: string | null;
  offset: number;
  /** null = undefined length (encapsulated). */
  length: number | null;
  /** False when the file ends before the pixel data does. */
  complete: boolean;
}

export interface ParsedHeader {
  kind: 'header';
  layout: FileLayout;
  /** Collected top-level elements whose values lie fully inside the data. */
  elements: Map<number, ElementRef>;
  pixelData: PixelDataRef | null;
  /** 'end' or 'stopped' (at pixel data) mean the header was read completely. */
  outcome: WalkOutcome;
}

export type HeaderResult = ParsedHeader | { kind: 'not-dicom'; reason: string } | { kind: 'damaged'; reason: string };

/**
 * `extent` is where the data really ends: the file's size when only its start is held (streamed
 * import). An undefined-length value running past a held prefix cannot be judged here; it counts
 * as complete (the stored file is whole; the frame digests judge it later).
 */
function describePixelData(src: Source, tag: number, vr: string | null, offset: number, length: number, layout: FileLayout, extent: number): PixelDataRef {
  if (length !== UNDEFINED_LENGTH) {
    return { tag, vr, offset, length, complete: offset + length <= extent };
  }
  try {
    skipUndefinedSequence(src, offset, layout.encoding, 1);
    return { tag, vr, offset, length: null, complete: true };
  } catch (error) {
    if (error instanceof WalkError || error instanceof RangeError) return { tag, vr, offset, length: null, complete: extent > src.bytes.length };
    throw error;
  }
}

/** `fileSize` larger than bytes.length: `bytes` is only the start of the file (see describePixelData). */
export function parseHeader(bytes: Uint8Array, fileSize: number = bytes.length): HeaderResult {
  const hasDicmPrefix = bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
  if (!hasDicmPrefix) {
    const reason = knownNonDicomReason(bytes);
    if (reason !== null) return { kind: 'not-dicom', reason };
  }
  const detected = detectLayout(bytes);
  if (detected.kind === 'damaged') return detected;
  if (detected.kind === 'unrecognised') return { kind: 'not-dicom', reason: unrecognisedReason(bytes) };
  const layout = detected.layout;
  const src = layout.dataset;
  const elements = new Map<number, ElementRef>();
  let pixelData: PixelDataRef | null = null;
  const walk = walkElements(src, layout.datasetStart, src.bytes.length, layout.encoding, (header) => {
    if (PIXEL_DATA_TAGS.has(header.tag)) {
      // A deflated dataset was inflated whole (it is never streamed): its own length is its end.
      const extent = src.bytes === bytes ? Math.max(fileSize, bytes.length) : src.bytes.length;
      pixelData = describePixelData(src, header.tag, header.vr, header.valueOffset, header.length, layout, extent);
      return 'stop';
    }
    // Undefined-length values (sequences) are kept as a reference to where their items start.
    const fits = header.length === UNDEFINED_LENGTH || header.valueOffset + header.length <= src.bytes.length;
    if (fits && COLLECTED_TAGS.has(header.tag)) {
      elements.set(header.tag, { vr: header.vr, offset: header.valueOffset, length: header.length });
    }
    return 'continue';
  });
  return { kind: 'header', layout, elements, pixelData, outcome: walk.outcome };
}
