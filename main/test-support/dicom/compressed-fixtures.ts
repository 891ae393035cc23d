/**
 * Test helper: compressed DICOM files made here, from known pixels, with the encoders that ship in
 * the same codec packages (their full builds). Used only by *.test.ts.
 */
import { loadEmscriptenCodec } from '../../core/dicom/codecs/emscripten-codec';
import { concatBytes, encapsulatedPixels, encodeDataset, encodeMeta, part10File, type FixtureElement } from './test-fixtures';

export interface RawImage {
  width: number;
  height: number;
  components: number;
  bitsPerSample: number;
  signed?: boolean;
  /** Sample values as the encoder takes them: 8-bit bytes or 16-bit little-endian pairs. */
  bytes: Uint8Array;
}

interface WasmEncoder {
  getDecodedBuffer(info: object): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  encode(): void;
  delete(): void;
}

type EncoderModule = Record<string, new () => WasmEncoder>;

async function encodeWith(js: string, wasm: string, className: string, image: RawImage, configure?: (e: WasmEncoder) => void): Promise<Uint8Array> {
  const codec = await loadEmscriptenCodec<EncoderModule>(js, wasm);
  const Encoder = codec[className];
  if (Encoder === undefined) throw new Error(`no ${className}`);
  const encoder = new Encoder();
  try {
    encoder.getDecodedBuffer({
      width: image.width, height: image.height, bitsPerSample: image.bitsPerSample, componentCount: image.components,
      isSigned: image.signed ?? false, isUsingColorTransform: false,
    }).set(image.bytes);
    configure?.(encoder);
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}

/** JPEG-LS; interleave 0 takes the samples by plane, 1 and 2 by pixel (grey images: always 0). */
export function encodeJpegLs(image: RawImage, interleave: 0 | 1 | 2 = image.components === 1 ? 0 : 2, nearLossless = 0): Promise<Uint8Array> {
  return encodeWith('@cornerstonejs/codec-charls/wasmjs', '@cornerstonejs/codec-charls/wasm', 'JpegLSEncoder', image, (e) => {
    (e as WasmEncoder & { setNearLossless(n: number): void; setInterleaveMode(m: number): void }).setNearLossless(nearLossless);
    (e as WasmEncoder & { setInterleaveMode(m: number): void }).setInterleaveMode(interleave);
  });
}

/** Lossless JPEG 2000 (OpenJPEG's default: reversible wavelet). */
export function encodeJ2k(image: RawImage): Promise<Uint8Array> {
  return encodeWith('@cornerstonejs/codec-openjpeg/wasmjs', '@cornerstonejs/codec-openjpeg/wasm', 'J2KEncoder', image);
}

/** Lossless HTJ2K (OpenJPH's default). */
export function encodeHtj2k(image: RawImage): Promise<Uint8Array> {
  return encodeWith('@cornerstonejs/codec-openjph/wasmjs', '@cornerstonejs/codec-openjph/wasm', 'HTJ2KEncoder', image);
}

/** 8-bit baseline JPEG (lossy). */
export function encodeJpegBaseline(image: RawImage): Promise<Uint8Array> {
  return encodeWith('@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs', '@cornerstonejs/codec-libjpeg-turbo-8bit/wasm', 'JPEGEncoder', image);
}

/** Big-endian bit writer with JPEG byte stuffing (0x00 after each 0xFF). */
class JpegBitWriter {
  private readonly out: number[] = [];
  private current = 0;
  private count = 0;

  bits(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >>> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  /** Pads the last byte with 1-bits, as the standard asks. */
  finish(): number[] {
    while (this.count !== 0) this.bits(1, 1);
    return this.out;
  }

  private flushByte(): void {
    this.out.push(this.current);
    if (this.current === 0xff) this.out.push(0);
    this.current = 0;
    this.count = 0;
  }
}

/**
 * Grey lossless JPEG (process 14, selection value 1), the smallest correct encoder: one Huffman
 * table with a 5-bit code for each difference category 0-16.
 */
export function encodeJpegLossless(width: number, height: number, precision: number, values: ArrayLike<number>): Uint8Array {
  const writer = new JpegBitWriter();
  const at = (x: number, y: number) => values[y * width + x] ?? 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const predicted = x === 0 && y === 0 ? 1 << (precision - 1) : x === 0 ? at(0, y - 1) : at(x - 1, y);
      let diff = (at(x, y) - predicted) & 0xffff;
      if (diff > 0x8000) diff -= 0x10000;
      const category = diff === 0 ? 0 : diff === 0x8000 ? 16 : Math.floor(Math.log2(Math.abs(diff))) + 1;
      writer.bits(category, 5);
      if (category > 0 && category < 16) writer.bits(diff > 0 ? diff : diff - 1, category);
    }
  }
  const bitsCounts = [0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const categories = Array.from({ length: 17 }, (_, i) => i);
  return Uint8Array.from([
    0xff, 0xd8,
    0xff, 0xc3, 0, 11, precision, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0,
    0xff, 0xc4, 0, 36, 0x00, ...bitsCounts, ...categories,
    0xff, 0xda, 0, 8, 1, 1, 0x00, 1, 0, 0,
    ...writer.finish(),
    0xff, 0xd9,
  ]);
}

export interface CompressedFileOptions {
  transferSyntaxUid: string;
  rows: number;
  columns: number;
  samplesPerPixel?: number;
  bitsAllocated: number;
  bitsStored?: number;
  signed?: boolean;
  photometric?: string;
  frames?: number;
  fragments: Uint8Array[];
  offsetTable?: number[];
  sopInstanceUid?: string;
}

const us = (value: number) => ({ us: [value] });

/** A Part 10 file with encapsulated Pixel Data made of `fragments`. */
export function compressedFile(o: CompressedFileOptions): Uint8Array {
  const sop = o.sopInstanceUid ?? `2.25.${Math.floor(Math.random() * 1e15)}`;
  const bitsStored = o.bitsStored ?? o.bitsAllocated;
  const elements: FixtureElement[] = [
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.7' },
    { tag: 0x00080018, vr: 'UI', value: sop },
    { tag: 0x00100020, vr: 'LO', value: 'TEST-ID' },
    { tag: 0x0020000d, vr: 'UI', value: '2.25.1111' },
    { tag: 0x0020000e, vr: 'UI', value: '2.25.2222' },
    { tag: 0x00280002, vr: 'US', value: us(o.samplesPerPixel ?? 1) },
    { tag: 0x00280004, vr: 'CS', value: o.photometric ?? ((o.samplesPerPixel ?? 1) === 3 ? 'RGB' : 'MONOCHROME2') },
    { tag: 0x00280008, vr: 'IS', value: String(o.frames ?? 1) },
    { tag: 0x00280010, vr: 'US', value: us(o.rows) },
    { tag: 0x00280011, vr: 'US', value: us(o.columns) },
    { tag: 0x00280100, vr: 'US', value: us(o.bitsAllocated) },
    { tag: 0x00280101, vr: 'US', value: us(bitsStored) },
    { tag: 0x00280102, vr: 'US', value: us(bitsStored - 1) },
    { tag: 0x00280103, vr: 'US', value: us(o.signed === true ? 1 : 0) },
    { tag: 0x7fe00010, vr: 'OB', undefinedLength: true, value: encapsulatedPixels(o.fragments, o.offsetTable) },
  ];
  if ((o.samplesPerPixel ?? 1) > 1) elements.push({ tag: 0x00280006, vr: 'US', value: us(0) });
  const dataset = encodeDataset(elements, { littleEndian: true, explicitVr: true });
  return part10File(encodeMeta(o.transferSyntaxUid, '1.2.840.10008.5.1.4.1.1.7', sop), dataset);
}

/** 16-bit samples as little-endian bytes. */
export function le16(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    out[2 * i] = (values[i] ?? 0) & 0xff;
    out[2 * i + 1] = ((values[i] ?? 0) >>> 8) & 0xff;
  }
  return out;
}

export { concatBytes };
