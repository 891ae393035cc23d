/**
 * Corrections the image loader needs for some valid files, applied to a frame before it is
 * decoded. Each was found by the decoding-correctness test (e2e/viewer-decode.spec.ts) against
 * dcmtk/GDCM; each returns the bytes and transfer syntax to decode and metadata to override.
 * Pure functions of the frame: no Cornerstone import.
 */
import { applyModalityLut, storedValues, type ModalityLut } from './modality-lut';
import { decodeRleColour } from './rle-colour';
import { withoutColourTransform } from './jpeg-colour-transform';
import { paletteToRgb, type Palette } from './segmented-palette';

export interface PixelPatch {
  photometricInterpretation?: string;
  samplesPerPixel?: number;
  planarConfiguration?: number;
  bitsAllocated?: number;
  bitsStored?: number;
  highBit?: number;
  pixelRepresentation?: number;
  /** The frame already holds modality values: the metadata reports no rescale and no table. */
  modalityLutApplied?: boolean;
}

export interface FrameInput {
  transferSyntax: string;
  pixelData: Uint8Array;
  bitsAllocated: number;
  samplesPerPixel: number;
  photometric: string;
  rows: number;
  columns: number;
  /** VR of Pixel Data (OB or OW): in big endian files 8-bit samples in OW are byte-swapped words. */
  pixelVr: string | undefined;
  /** The whole native Pixel Data value (a frame of odd length needs its word partner from it). */
  pixelElement?: Uint8Array;
  frameIndex?: number;
  bitsStored?: number;
  pixelRepresentation?: number;
  /** The file's Modality LUT Sequence, when it has one instead of a rescale. */
  modalityLut?: ModalityLut | null;
  /** A segmented palette, expanded (segmented-palette.ts): the loader reads only plain tables. */
  segmentedPalette?: Palette | null;
}

export interface FrameFix {
  transferSyntax: string;
  pixelData: Uint8Array;
  patch: PixelPatch | null;
}

const EXPLICIT_BE = '1.2.840.10008.1.2.2';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const NATIVE = new Set(['1.2.840.10008.1.2', EXPLICIT_LE, EXPLICIT_BE, '1.2.840.10008.1.2.1.99']);
const DEFLATED_FRAME = '1.2.840.10008.1.2.8.1';
const RLE = '1.2.840.10008.1.2.5';
const JPEG_LS = new Set(['1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81']);
/** DCT JPEG, 8 and 12 bit (baseline and extended): both of the loader's decoders read APP14. */
const JPEG_DCT = new Set(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51']);

/** YBR_FULL_422 stores Y0 Y1 Cb Cr for each pair of pixels: repeat the chroma for both (PS3.3 C.7.6.3.1.2). */
export function expandYbr422(data: Uint8Array, rows: number, columns: number): Uint8Array {
  const out = new Uint8Array(rows * columns * 3);
  const pairs = Math.floor(columns / 2);
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < pairs; p++) {
      const from = (r * pairs + p) * 4;
      const to = (r * columns + p * 2) * 3;
      const cb = data[from + 2] ?? 128;
      const cr = data[from + 3] ?? 128;
      out[to] = data[from] ?? 0;
      out[to + 1] = cb;
      out[to + 2] = cr;
      out[to + 3] = data[from + 1] ?? 0;
      out[to + 4] = cb;
      out[to + 5] = cr;
    }
  }
  return out;
}

/**
 * JPEG-LS interleave mode 0 (one scan per component) decodes colour plane by plane, whatever the
 * file's Planar Configuration says: the first start-of-scan names fewer components than the frame.
 */
export function jpegLsByPlane(codestream: Uint8Array): boolean {
  let frameComponents = 0;
  for (let i = 0; i + 4 < codestream.length; i++) {
    if (codestream[i] !== 0xff) continue;
    const marker = codestream[i + 1];
    if (marker === 0xf7) frameComponents = codestream[i + 9] ?? 0; // SOF55: length(2) P(1) Y(2) X(2) Nf(1)
    if (marker === 0xda) return frameComponents > 1 && (codestream[i + 4] ?? 0) < frameComponents; // SOS: length(2) Ns(1)
  }
  return false;
}

/** 16-bit words to little endian (a trailing odd byte is the pad's partner: its word starts with it). */
export function swapWords(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + (data.length % 2));
  for (let i = 0; i < out.length; i += 2) {
    out[i] = data[i + 1] ?? 0;
    out[i + 1] = data[i] ?? 0;
  }
  return out.subarray(0, data.length);
}

/** Native 1-bit data packed LSB first, one byte per pixel after (as the loader unpacks native 1-bit frames). */
export function unpackBits(data: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  for (let i = 0; i < pixels; i++) out[i] = ((data[i >> 3] ?? 0) >> (i & 7)) & 1;
  return out;
}

async function inflateRawStrict(data: Uint8Array): Promise<Uint8Array> {
  // A stream made from the bytes themselves: a Blob could be spilled to the profile folder.
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  const stream = source.pipeThrough(new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Fragments are padded to even length (PS3.5 A.4); the browser's inflater rejects that byte as junk. */
async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  try {
    return await inflateRawStrict(data);
  } catch (error) {
    if (data.length % 2 === 0 && data[data.length - 1] === 0) return inflateRawStrict(data.subarray(0, data.length - 1));
    throw error;
  }
}

export async function fixFrame(f: FrameInput): Promise<FrameFix> {
  const keep: FrameFix = { transferSyntax: f.transferSyntax, pixelData: f.pixelData, patch: null };
  if (f.transferSyntax === EXPLICIT_BE && f.bitsAllocated === 8) {
    // The loader reads 8-bit big endian samples as they lie; in OW they sit in swapped 16-bit words.
    if (f.pixelVr !== 'OW' || f.pixelElement === undefined) return { ...keep, transferSyntax: EXPLICIT_LE };
    const start = (f.frameIndex ?? 0) * f.pixelData.length;
    return { ...keep, transferSyntax: EXPLICIT_LE, pixelData: swapWords(f.pixelElement).slice(start, start + f.pixelData.length) };
  }
  if (f.transferSyntax === DEFLATED_FRAME && f.bitsAllocated === 1) {
    // The loader inflates these frames but leaves 1-bit data packed (its native path unpacks it).
    return { ...keep, transferSyntax: EXPLICIT_LE, pixelData: unpackBits(await inflateRaw(f.pixelData), f.rows * f.columns) };
  }
  if (NATIVE.has(f.transferSyntax) && f.photometric === 'YBR_FULL_422' && f.bitsAllocated === 8 && f.samplesPerPixel === 3) {
    return { ...keep, pixelData: expandYbr422(f.pixelData, f.rows, f.columns), patch: { photometricInterpretation: 'YBR_FULL', planarConfiguration: 0 } };
  }
  if (f.segmentedPalette && NATIVE.has(f.transferSyntax) && f.transferSyntax !== EXPLICIT_BE && f.samplesPerPixel === 1 && (f.bitsAllocated === 8 || f.bitsAllocated === 16)) {
    return {
      transferSyntax: EXPLICIT_LE,
      pixelData: paletteToRgb(f.pixelData, f.bitsAllocated, f.rows * f.columns, f.segmentedPalette),
      patch: { photometricInterpretation: 'RGB', samplesPerPixel: 3, planarConfiguration: 0, bitsAllocated: 8, bitsStored: 8, highBit: 7, pixelRepresentation: 0 },
    };
  }
  if (f.modalityLut && NATIVE.has(f.transferSyntax) && f.transferSyntax !== EXPLICIT_BE && f.samplesPerPixel === 1 && (f.bitsAllocated === 8 || f.bitsAllocated === 16)) {
    const values = storedValues(f.pixelData, f.bitsAllocated, f.bitsStored ?? f.bitsAllocated, f.pixelRepresentation === 1);
    const bits = f.modalityLut.bits;
    return {
      transferSyntax: EXPLICIT_LE,
      pixelData: applyModalityLut(values, f.modalityLut),
      patch: { bitsAllocated: 16, bitsStored: bits, highBit: bits - 1, pixelRepresentation: 0, modalityLutApplied: true },
    };
  }
  if (f.transferSyntax === RLE && f.samplesPerPixel === 3 && (f.bitsAllocated === 16 || f.bitsAllocated === 32)) {
    const native = decodeRleColour(f.pixelData, f.rows * f.columns, 3, f.bitsAllocated / 8);
    if (native !== null) return { transferSyntax: EXPLICIT_LE, pixelData: native, patch: { planarConfiguration: 0 } };
  }
  if (JPEG_DCT.has(f.transferSyntax) && f.samplesPerPixel === 3) {
    const marked = withoutColourTransform(f.pixelData, f.photometric);
    if (marked !== null) return { ...keep, pixelData: marked };
  }
  if (JPEG_LS.has(f.transferSyntax) && f.samplesPerPixel === 3 && jpegLsByPlane(f.pixelData)) {
    return { ...keep, patch: { planarConfiguration: 1 } };
  }
  return keep;
}
