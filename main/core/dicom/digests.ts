/**
 * Fingerprints used to recognise the same image again: the dataset without its File Meta group,
 * and each frame's decoded pixels in a canonical form (survives lossless re-encoding).
 */
import { createHash } from 'node:crypto';
import { inflateRawSync, inflateSync } from 'node:zlib';
import type { Source } from './element-walker';
import { frameData, readEncapsulated } from './fragments';
import { parseHeader, type ParsedHeader, type PixelDataRef } from './header';
import { maskTrailingBits, splitNativeFrames, swapBytes, swapUnitForVr, frameBitLength, type FrameGeometry } from './native-frames';
import { decodeRleFrame } from './rle';
import { DEFLATED_IMAGE_FRAME_COMPRESSION, ENCAPSULATED_UNCOMPRESSED_EXPLICIT_LE, RLE_LOSSLESS } from './transfer-syntax';
import { Tag } from './tags';
import type { DicomFacts } from './types';
import { readUint16 } from './values';

export type FrameDigestResult = { status: 'done'; digests: Buffer[] } | { status: 'pending' | 'none'; reason: string };

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** SHA-256 of the bytes from the dataset start to the end: the dataset without the File Meta group. */
export function datasetDigest(bytes: Uint8Array, facts: DicomFacts): Buffer {
  return sha256(bytes.subarray(facts.datasetOffset));
}

export function frameGeometry(facts: DicomFacts, header: ParsedHeader): FrameGeometry | null {
  const { rows, columns, bitsAllocated } = facts.image;
  if (rows === null || columns === null || bitsAllocated === null || rows * columns === 0 || bitsAllocated === 0) return null;
  const ctx = { src: header.layout.dataset, encoding: header.layout.encoding, elements: header.elements };
  const photometric = facts.image.photometric ?? '';
  return {
    rows,
    columns,
    bitsAllocated,
    samplesPerPixel: facts.image.samplesPerPixel ?? 1,
    frames: facts.image.frames,
    colourByPlane: readUint16(ctx, Tag.planarConfiguration) === 1,
    subsampled422: photometric === 'YBR_FULL_422' || photometric === 'YBR_PARTIAL_422',
  };
}

function nativeFrames(src: Source, pixel: PixelDataRef, g: FrameGeometry, littleEndian: boolean) {
  const raw = src.bytes.subarray(pixel.offset, pixel.offset + (pixel.length ?? 0));
  const unit = littleEndian ? 1 : swapUnitForVr(pixel.vr);
  return splitNativeFrames(unit > 1 ? swapBytes(raw, unit) : raw, g);
}

const NATIVE_IN_FRAGMENTS = new Set([DEFLATED_IMAGE_FRAME_COMPRESSION, ENCAPSULATED_UNCOMPRESSED_EXPLICIT_LE]);

/** Transfer syntaxes whose frames this module decodes itself; others wait for the background pass. */
export function decodesItself(transferSyntaxUid: string): boolean {
  return transferSyntaxUid === RLE_LOSSLESS || NATIVE_IN_FRAGMENTS.has(transferSyntaxUid);
}

/** Inflates one frame; the output is capped near the frame's known size (no inflation bombs). */
function inflateFrame(data: Uint8Array, g: FrameGeometry): Uint8Array | null {
  const maxOutputLength = Math.ceil(frameBitLength(g) / 8) + 1024;
  try {
    return inflateRawSync(data, { maxOutputLength });
  } catch {
    try {
      return inflateSync(data, { maxOutputLength });
    } catch {
      return null;
    }
  }
}

/** Decodes one encapsulated frame into canonical native bytes (fresh or unmodified input bytes). */
export function decodeFrame(transferSyntaxUid: string, data: Uint8Array, g: FrameGeometry): { frame: Uint8Array } | { reason: string } {
  if (transferSyntaxUid === RLE_LOSSLESS) {
    const decoded = decodeRleFrame(data, g);
    return 'frame' in decoded ? { frame: maskTrailingBits(decoded.frame, frameBitLength(g)) } : decoded;
  }
  const native = transferSyntaxUid === DEFLATED_IMAGE_FRAME_COMPRESSION ? inflateFrame(data, g) : data;
  if (native === null) return { reason: 'The compressed image data is damaged' };
  const split = splitNativeFrames(native, { ...g, frames: 1 });
  if ('reason' in split) return split;
  return split.frames[0] === undefined ? { reason: 'The image data is damaged' } : { frame: split.frames[0] };
}

const PENDING = 'The image is compressed; its frame fingerprints are computed later in the background';

/** Extended Offset Table (7FE0,0001): 64-bit offsets, used instead of the Basic Offset Table. */
export function extendedOffsets(header: ParsedHeader): number[] | null {
  const ref = header.elements.get(Tag.extendedOffsetTable);
  if (ref === undefined || ref.length === 0 || ref.length % 8 !== 0) return null;
  const view = header.layout.dataset.view;
  const offsets: number[] = [];
  for (let at = ref.offset; at < ref.offset + ref.length; at += 8) offsets.push(Number(view.getBigUint64(at, true)));
  return offsets;
}

function encapsulatedDigests(header: ParsedHeader, pixel: PixelDataRef, g: FrameGeometry, transferSyntaxUid: string): FrameDigestResult {
  if (!decodesItself(transferSyntaxUid)) return { status: 'pending', reason: PENDING };
  const enc = readEncapsulated(header.layout.dataset, pixel.offset);
  if (enc === null) return { status: 'none', reason: 'The compressed image data is damaged' };
  const framesData = frameData(enc, g.frames, extendedOffsets(header));
  if (framesData === null) return { status: 'none', reason: 'Where each frame starts in the compressed image data cannot be told' };
  const digests: Buffer[] = [];
  for (const data of framesData) {
    const decoded = decodeFrame(transferSyntaxUid, data, g);
    if ('reason' in decoded) return { status: 'none', reason: decoded.reason };
    digests.push(sha256(decoded.frame));
  }
  return { status: 'done', digests };
}

export function frameDigests(bytes: Uint8Array, facts: DicomFacts): FrameDigestResult {
  if (facts.image.pixelDataOffset === null) return { status: 'none', reason: 'The file has no image data' };
  const header = parseHeader(bytes);
  if (header.kind !== 'header' || header.pixelData === null) return { status: 'none', reason: 'The image data cannot be found' };
  const pixel = header.pixelData;
  if (!pixel.complete) return { status: 'none', reason: 'The image data is incomplete (the file ends early)' };
  const g = frameGeometry(facts, header);
  if (g === null) return { status: 'none', reason: 'The image size is not stated in the file' };
  if (pixel.length !== null) {
    const split = nativeFrames(header.layout.dataset, pixel, g, header.layout.encoding.littleEndian);
    return 'frames' in split ? { status: 'done', digests: split.frames.map(sha256) } : { status: 'none', reason: split.reason };
  }
  return encapsulatedDigests(header, pixel, g, facts.transferSyntaxUid);
}
