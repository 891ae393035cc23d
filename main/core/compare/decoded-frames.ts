/**
 * Every frame of an image decoded into the canonical form the pixel digests hash (see
 * dicom/native-frames.ts and dicom/canonical-samples.ts): native, deflated, RLE and the codecs
 * alike, so a lossless re-encode decodes to the same bytes as its original. In memory only.
 */
import { canonicalTarget, decodeCompressedFrames, isCodecTransferSyntax } from '../dicom/decode-compressed';
import { decodeFrame, decodesItself, extendedOffsets, frameGeometry } from '../dicom/digests';
import { frameData, readEncapsulated } from '../dicom/fragments';
import { parseHeader } from '../dicom/header';
import { splitNativeFrames, swapBytes, swapUnitForVr } from '../dicom/native-frames';
import type { DicomFacts } from '../dicom/types';

export interface FrameShape {
  rows: number;
  columns: number;
  /** Stored values per pixel in a canonical frame (2 for YBR 4:2:2 native data). */
  samples: number;
  bitsAllocated: number;
  signed: boolean;
}

export type DecodedFrames = { frames: Uint8Array[]; shape: FrameShape } | { reason: string };

export async function decodeAllFrames(bytes: Uint8Array, facts: DicomFacts, signal?: AbortSignal): Promise<DecodedFrames> {
  if (facts.image.pixelDataOffset === null) return { reason: 'The file has no image data' };
  const header = parseHeader(bytes);
  if (header.kind !== 'header' || header.pixelData === null) return { reason: 'The image data cannot be found' };
  const pixel = header.pixelData;
  if (!pixel.complete) return { reason: 'The image data is incomplete (the file ends early)' };
  const g = frameGeometry(facts, header);
  if (g === null) return { reason: 'The image size is not stated in the file' };
  const target = canonicalTarget(header, g);
  const shape: FrameShape = { rows: g.rows, columns: g.columns, samples: g.subsampled422 ? 2 : g.samplesPerPixel, bitsAllocated: g.bitsAllocated, signed: target.signed };
  if (pixel.length !== null) {
    const src = header.layout.dataset;
    const raw = src.bytes.subarray(pixel.offset, pixel.offset + pixel.length);
    const unit = header.layout.encoding.littleEndian ? 1 : swapUnitForVr(pixel.vr);
    const split = splitNativeFrames(unit > 1 ? swapBytes(raw, unit) : raw, g);
    return 'frames' in split ? { frames: split.frames, shape } : split;
  }
  if (isCodecTransferSyntax(facts.transferSyntaxUid)) {
    const decoded = await decodeCompressedFrames(bytes, facts, signal === undefined ? {} : { signal });
    // Decoders give colour by pixel with one value per sample (YBR 4:2:2 JPEG comes out as RGB).
    return decoded.status === 'done' ? { frames: decoded.frames, shape: { ...shape, samples: g.samplesPerPixel } } : { reason: decoded.reason };
  }
  if (!decodesItself(facts.transferSyntaxUid)) return { reason: 'This kind of image compression is not supported' };
  const enc = readEncapsulated(header.layout.dataset, pixel.offset);
  const parts = enc === null ? null : frameData(enc, g.frames, extendedOffsets(header));
  if (parts === null) return { reason: 'The compressed image data is damaged' };
  const frames: Uint8Array[] = [];
  for (const part of parts) {
    const decoded = decodeFrame(facts.transferSyntaxUid, part, g);
    if ('reason' in decoded) return decoded;
    frames.push(decoded.frame);
  }
  return { frames, shape };
}
