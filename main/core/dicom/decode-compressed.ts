/**
 * Decodes the frames of a JPEG, JPEG-LS, JPEG 2000 or HTJ2K image into the canonical form that
 * frameDigests uses for native data (see canonical-samples.ts), so the background digest pass can
 * fingerprint compressed images like native ones. Lossless encodings give the native file's exact
 * frames. Lossy ones give whatever the decoder produces (YCbCr JPEG comes out as RGB); those digests
 * only recognise the same lossy file again.
 *
 * The decoder is chosen by the codestream itself (its SOF or SIZ marker), not by the transfer
 * syntax label, and each frame's claimed size is checked against the DICOM header before decoding.
 * RLE, deflated and native data are not handled here: frameDigests digests them at import.
 */
import { createHash } from 'node:crypto';
import { CodecError, type DecodedFrame } from './codecs/decoded-frame';
import { decodeHtj2k, decodeHtj2kIfLoaded, decodeJpeg2000, decodeJpeg2000IfLoaded, loadJpeg2000Codecs } from './codecs/jpeg-2000';
import { decodeJpegDct, decodeJpegDctIfLoaded, loadJpegDctCodec } from './codecs/jpeg-dct';
import { decodeJpegLossless } from './codecs/jpeg-lossless';
import { decodeJpegLs, decodeJpegLsIfLoaded, loadJpegLsCodec } from './codecs/jpeg-ls';
import { canonicalFrame, type CanonicalTarget } from './canonical-samples';
import { readCodestreamInfo, type CodestreamInfo } from './codestream-info';
import { compressedFrames } from './compressed-frames';
import { frameDigests, frameGeometry } from './digests';
import { parseHeader, type ParsedHeader } from './header';
import type { FrameGeometry } from './native-frames';
import { Tag } from './tags';
import type { DicomFacts } from './types';
import { readUint16 } from './values';

export type DecodeCompressedResult = { status: 'done'; frames: Uint8Array[] } | { status: 'none'; reason: string };

export interface DecodeCompressedOptions {
  /** Checked between frames; an aborted decode rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Largest decoded frame accepted, in bytes (default MAX_DECODED_FRAME_BYTES). */
  maxFrameBytes?: number;
}

/** 256 MiB: an 8192 x 8192 RGB or a 11585 x 11585 16-bit frame; real modalities stay far below. */
export const MAX_DECODED_FRAME_BYTES = 256 * 1024 * 1024;

const PREFIX = '1.2.840.10008.1.2.4.';
/** JPEG processes (incl. retired ones: the codestream decides), JPEG-LS, JPEG 2000 and HTJ2K. */
const CODEC_SUFFIXES = new Set([
  ...Array.from({ length: 17 }, (_, i) => String(50 + i)), '70', '80', '81', '90', '91', '92', '93', '201', '202', '203',
]);

export function isCodecTransferSyntax(transferSyntaxUid: string): boolean {
  return transferSyntaxUid.startsWith(PREFIX) && CODEC_SUFFIXES.has(transferSyntaxUid.slice(PREFIX.length));
}

const none = (reason: string): DecodeCompressedResult => ({ status: 'none', reason });

export function declaredFrameBytes(g: FrameGeometry): number {
  return Math.ceil((g.rows * g.columns * g.samplesPerPixel * g.bitsAllocated) / 8);
}

export function canonicalTarget(header: ParsedHeader, g: FrameGeometry): CanonicalTarget {
  const ctx = { src: header.layout.dataset, encoding: header.layout.encoding, elements: header.elements };
  const signed = readUint16(ctx, Tag.pixelRepresentation) === 1;
  return { rows: g.rows, columns: g.columns, samplesPerPixel: g.samplesPerPixel, bitsAllocated: g.bitsAllocated, signed };
}

interface Codec {
  decode(data: Uint8Array): Promise<DecodedFrame>;
  /** Synchronous decoding; null while the codec's WASM module is not loaded. */
  decodeIfLoaded(data: Uint8Array): DecodedFrame | null;
}

const codec = (decode: Codec['decode'], decodeIfLoaded: Codec['decodeIfLoaded']): Codec => ({ decode, decodeIfLoaded });

/** The decoder for a codestream, or why there is none. */
function codecFor(info: CodestreamInfo): Codec | string {
  if (info.family === 'j2k') {
    if (!info.fullResolution) return 'JPEG 2000 images with subsampled colour are not supported';
    return info.highThroughput ? codec(decodeHtj2k, decodeHtj2kIfLoaded) : codec(decodeJpeg2000, decodeJpeg2000IfLoaded);
  }
  switch (info.process) {
    case 'jpeg-ls':
      return codec(decodeJpegLs, decodeJpegLsIfLoaded);
    case 'lossless': {
      const lossless = (data: Uint8Array) => decodeJpegLossless(data, info.precision, info.components);
      return codec((data) => Promise.resolve().then(() => lossless(data)), lossless);
    }
    case 'huffman-dct':
      return info.precision === 8 ? codec(decodeJpegDct, decodeJpegDctIfLoaded) : `Lossy JPEG images with ${info.precision} bits per sample are not supported`;
    default:
      return 'This variant of JPEG compression (arithmetic or hierarchical coding) is not supported';
  }
}

/** The codestream's codec after the size checks against the DICOM header, or why it cannot be decoded. */
function checkedCodec(data: Uint8Array, target: CanonicalTarget): Codec | { reason: string } {
  const info = readCodestreamInfo(data);
  if (info === null) return { reason: 'The compressed image data is damaged' };
  if (info.width !== target.columns || info.height !== target.rows || info.components !== target.samplesPerPixel) {
    return { reason: 'The size of the compressed image differs from the size stated in the file' };
  }
  if (info.precision > target.bitsAllocated) return { reason: 'The bit depth of the compressed image differs from the one stated in the file' };
  const found = codecFor(info);
  return typeof found === 'string' ? { reason: found } : found;
}

export async function decodeOneFrame(data: Uint8Array, target: CanonicalTarget): Promise<{ frame: Uint8Array } | { reason: string }> {
  const found = checkedCodec(data, target);
  if ('reason' in found) return found;
  try {
    return canonicalFrame(await found.decode(data), target);
  } catch (error) {
    if (error instanceof CodecError) return { reason: error.message };
    throw error;
  }
}

/**
 * decodeOneFrame, synchronously, for callers that cannot wait (masking inside a synchronous
 * export step): null while the codec's WASM module is not loaded yet (see loadCompressedCodecs).
 */
export function decodeOneFrameIfLoaded(data: Uint8Array, target: CanonicalTarget): { frame: Uint8Array } | { reason: string } | null {
  const found = checkedCodec(data, target);
  if ('reason' in found) return found;
  try {
    const decoded = found.decodeIfLoaded(data);
    return decoded === null ? null : canonicalFrame(decoded, target);
  } catch (error) {
    if (error instanceof CodecError) return { reason: error.message };
    throw error;
  }
}

/** Loads every WASM codec, so decodeOneFrameIfLoaded can decode any codestream the core reads. */
export async function loadCompressedCodecs(): Promise<void> {
  await Promise.all([loadJpegDctCodec(), loadJpegLsCodec(), loadJpeg2000Codecs()]);
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type FrameSplit = { target: CanonicalTarget; frames: Uint8Array[] } | { reason: string };

/** Each frame's compressed bytes and the form to decode them into, or why that cannot be done. */
function prepareFrames(bytes: Uint8Array, facts: DicomFacts, maxFrameBytes: number): FrameSplit {
  if (facts.image.pixelDataOffset === null) return { reason: 'The file has no image data' };
  if (!isCodecTransferSyntax(facts.transferSyntaxUid)) return { reason: 'This kind of image compression is not supported' };
  const header = parseHeader(bytes);
  if (header.kind !== 'header' || header.pixelData === null) return { reason: 'The image data cannot be found' };
  if (header.pixelData.length !== null) return { reason: 'The image data is not compressed' };
  if (!header.pixelData.complete) return { reason: 'The image data is incomplete (the file ends early)' };
  const g = frameGeometry(facts, header);
  if (g === null) return { reason: 'The image size is not stated in the file' };
  if (declaredFrameBytes(g) > maxFrameBytes) return { reason: 'The image is too large to fingerprint' };
  const split = compressedFrames(header, header.pixelData.offset, g.frames);
  return 'reason' in split ? split : { target: canonicalTarget(header, g), frames: split.frames };
}

/** Decodes frame by frame, handing each canonical frame to `visit`; the reason if one fails. */
async function forEachFrame(bytes: Uint8Array, facts: DicomFacts, options: DecodeCompressedOptions, visit: (frame: Uint8Array) => void): Promise<string | null> {
  const prepared = prepareFrames(bytes, facts, options.maxFrameBytes ?? MAX_DECODED_FRAME_BYTES);
  if ('reason' in prepared) return prepared.reason;
  for (const data of prepared.frames) {
    options.signal?.throwIfAborted();
    const decoded = await decodeOneFrame(data, prepared.target);
    if ('reason' in decoded) return decoded.reason;
    visit(decoded.frame);
    await nextTurn(); // a long multi-frame decode must not starve the event loop
  }
  return null;
}

export async function decodeCompressedFrames(bytes: Uint8Array, facts: DicomFacts, options: DecodeCompressedOptions = {}): Promise<DecodeCompressedResult> {
  const frames: Uint8Array[] = [];
  const reason = await forEachFrame(bytes, facts, options, (frame) => frames.push(frame));
  return reason === null ? { status: 'done', frames } : none(reason);
}

/** The first frame only (for previews): decodes nothing beyond it. */
export async function decodeFirstCompressedFrame(bytes: Uint8Array, facts: DicomFacts): Promise<Uint8Array | null> {
  const prepared = prepareFrames(bytes, facts, MAX_DECODED_FRAME_BYTES);
  const first = 'reason' in prepared ? undefined : prepared.frames[0];
  if (first === undefined || 'reason' in prepared) return null;
  const decoded = await decodeOneFrame(first, prepared.target);
  return 'reason' in decoded ? null : decoded.frame;
}

export type AllFrameDigests = { status: 'done'; digests: Buffer[] } | { status: 'none'; reason: string };

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/**
 * Frame digests of any image: what frameDigests computes at import (native, deflated, RLE) and,
 * where it defers, the digests of the decoded frames, hashed one at a time so a long multi-frame
 * image never has all its decoded frames in memory. The background pass stores these.
 */
export async function allFrameDigests(bytes: Uint8Array, facts: DicomFacts, options: DecodeCompressedOptions = {}): Promise<AllFrameDigests> {
  const direct = frameDigests(bytes, facts);
  if (direct.status === 'done') return direct;
  if (direct.status === 'none') return { status: 'none', reason: direct.reason };
  const digests: Buffer[] = [];
  const reason = await forEachFrame(bytes, facts, options, (frame) => digests.push(sha256(frame)));
  return reason === null ? { status: 'done', digests } : { status: 'none', reason };
}
