/**
 * One image file opened for pixel work: its geometry and a decoder per frame, built on the core's
 * own reader (header, native-frames, rle, decode-compressed). Frames come out in the canonical
 * form (little endian, colour by pixel); native YBR 4:2:2 keeps its two values per pixel.
 * Everything stays in memory.
 */
import { decodeOneFrame, decodeOneFrameIfLoaded, canonicalTarget, isCodecTransferSyntax } from '../../dicom/decode-compressed';
import { compressedFrames } from '../../dicom/compressed-frames';
import { frameGeometry } from '../../dicom/digests';
import { parseHeader, type ParsedHeader } from '../../dicom/header';
import { splitNativeFrames, swapBytes, swapUnitForVr, type FrameGeometry } from '../../dicom/native-frames';
import { readParsed } from '../../dicom/read-dicom';
import { decodeRleFrame } from '../../dicom/rle';
import { Tag } from '../../dicom/tags';
import { DEFLATED_IMAGE_FRAME_COMPRESSION, ENCAPSULATED_UNCOMPRESSED_EXPLICIT_LE, RLE_LOSSLESS } from '../../dicom/transfer-syntax';
import { readUint16 } from '../../dicom/values';
import { inflateRawSync, inflateSync } from 'node:zlib';

export interface ImageInfo {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  signed: boolean;
  photometric: string;
  frames: number;
  transferSyntaxUid: string;
  encapsulated: boolean;
}

export interface OpenImage {
  info: ImageInfo;
  geometry: FrameGeometry;
  header: ParsedHeader;
  /** Canonical frame `index`; rejects (ImageError) when it cannot be decoded. */
  frame(index: number): Promise<Uint8Array>;
  /** The same, synchronously; null when the frame needs a WASM codec not loaded yet (loadCompressedCodecs). */
  frameSync(index: number): Uint8Array | null;
}

/** Why pixels could not be read; the message is plain and carries no patient data. */
export class ImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageError';
  }
}

function inflateFrame(data: Uint8Array, expected: number): Uint8Array {
  const options = { maxOutputLength: expected + 1024 };
  try {
    return inflateRawSync(data, options);
  } catch {
    try {
      return inflateSync(data, options);
    } catch {
      throw new ImageError('The compressed image data is damaged');
    }
  }
}

function infoOf(header: ParsedHeader, g: FrameGeometry, photometric: string | null): ImageInfo {
  const ctx = { src: header.layout.dataset, encoding: header.layout.encoding, elements: header.elements };
  const stored = readUint16(ctx, Tag.bitsStored) ?? g.bitsAllocated;
  return {
    rows: g.rows, columns: g.columns, samplesPerPixel: g.samplesPerPixel, bitsAllocated: g.bitsAllocated,
    bitsStored: stored >= 1 && stored <= g.bitsAllocated ? stored : g.bitsAllocated,
    signed: readUint16(ctx, Tag.pixelRepresentation) === 1,
    photometric: (photometric ?? 'MONOCHROME2').toUpperCase(), frames: g.frames,
    transferSyntaxUid: header.layout.transferSyntaxUid, encapsulated: header.pixelData?.length === null,
  };
}

function nativeFrames(header: ParsedHeader, g: FrameGeometry): Uint8Array[] {
  const pixel = header.pixelData;
  if (pixel === null || pixel.length === null) throw new ImageError('The image data cannot be found');
  const src = header.layout.dataset;
  const raw = src.bytes.subarray(pixel.offset, pixel.offset + pixel.length);
  const unit = header.layout.encoding.littleEndian ? 1 : swapUnitForVr(pixel.vr);
  const split = splitNativeFrames(unit > 1 ? swapBytes(raw, unit) : raw, g);
  if ('reason' in split) throw new ImageError(split.reason);
  return split.frames;
}

function frameBytes(g: FrameGeometry): number {
  const values = g.subsampled422 ? 2 : g.samplesPerPixel;
  return Math.ceil((g.rows * g.columns * values * g.bitsAllocated) / 8);
}

/** Decodes one encapsulated frame synchronously; null when its WASM codec is not loaded yet. */
function decodeEncapsulatedSync(tsUid: string, data: Uint8Array, g: FrameGeometry, header: ParsedHeader): Uint8Array | null {
  if (tsUid === RLE_LOSSLESS) {
    const decoded = decodeRleFrame(data, { ...g, frames: 1 });
    if ('reason' in decoded) throw new ImageError(decoded.reason);
    return decoded.frame;
  }
  if (tsUid === DEFLATED_IMAGE_FRAME_COMPRESSION || tsUid === ENCAPSULATED_UNCOMPRESSED_EXPLICIT_LE) {
    const native = tsUid === DEFLATED_IMAGE_FRAME_COMPRESSION ? inflateFrame(data, frameBytes(g)) : data;
    const split = splitNativeFrames(native, { ...g, frames: 1 });
    if ('reason' in split || split.frames[0] === undefined) throw new ImageError('The image data is damaged');
    return split.frames[0];
  }
  if (!isCodecTransferSyntax(tsUid)) throw new ImageError('This kind of image compression is not supported');
  const decoded = decodeOneFrameIfLoaded(data, canonicalTarget(header, g));
  if (decoded !== null && 'reason' in decoded) throw new ImageError(decoded.reason);
  return decoded?.frame ?? null;
}

export function openImage(bytes: Uint8Array): OpenImage {
  const header = parseHeader(bytes);
  if (header.kind !== 'header') throw new ImageError(header.reason);
  if (header.pixelData === null) throw new ImageError('The file has no image data');
  if (!header.pixelData.complete) throw new ImageError('The image data is incomplete (the file ends early)');
  if (header.pixelData.tag !== Tag.pixelData) throw new ImageError('Images with floating-point pixel values are not supported');
  const read = readParsed(header);
  if (read.kind !== 'instance') throw new ImageError('The file is not an image');
  const geometry = frameGeometry(read.facts, header);
  if (geometry === null) throw new ImageError('The image size is not stated in the file');
  if (![1, 8, 16, 32].includes(geometry.bitsAllocated)) throw new ImageError(`Images with ${geometry.bitsAllocated} bits per sample are not supported`);
  const info = infoOf(header, geometry, read.facts.image.photometric);
  if (!info.encapsulated) {
    const frames = nativeFrames(header, geometry);
    const at = (i: number) => frames[i] ?? (() => { throw new ImageError('The image has fewer frames than stated'); })();
    return { info, geometry, header, frame: (i) => Promise.resolve().then(() => at(i)), frameSync: at };
  }
  const split = compressedFrames(header, header.pixelData.offset, geometry.frames);
  if ('reason' in split) throw new ImageError(split.reason);
  const data = (i: number) => split.frames[i] ?? (() => { throw new ImageError('The image has fewer frames than stated'); })();
  const tsUid = info.transferSyntaxUid;
  const frameSync = (i: number) => decodeEncapsulatedSync(tsUid, data(i), geometry, header);
  const frame = async (i: number): Promise<Uint8Array> => {
    const direct = frameSync(i);
    if (direct !== null) return direct;
    const decoded = await decodeOneFrame(data(i), canonicalTarget(header, geometry));
    if ('reason' in decoded) throw new ImageError(decoded.reason);
    return decoded.frame;
  };
  return { info, geometry, header, frame, frameSync };
}
