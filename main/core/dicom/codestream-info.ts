/**
 * Reads a frame's codestream header before it is decoded: which coding process it uses and the
 * size it claims, so the caller can pick a decoder and refuse a frame whose size disagrees with
 * the DICOM header (a decoder must never be asked to allocate what the header did not promise).
 */

export type JpegProcess = 'huffman-dct' | 'lossless' | 'jpeg-ls' | 'arithmetic' | 'hierarchical';

export interface CodestreamInfo {
  family: 'jpeg' | 'j2k';
  /** For 'jpeg' only. */
  process: JpegProcess | null;
  /** For 'j2k': High-Throughput block coding (Rsiz bit 14) needs the HTJ2K decoder. */
  highThroughput: boolean;
  width: number;
  height: number;
  components: number;
  /** Bits per sample (largest over components). */
  precision: number;
  /** For 'j2k': false when a component is subsampled, which the canonical form cannot express. */
  fullResolution: boolean;
}

const SOI = 0xffd8;
const SOC_SIZ = 0xff4fff51;
/** JP2 signature box: length 12, type 'jP  '. */
const JP2_SIGNATURE = 0x0000000c;
const JP2C = 0x6a703263; // 'jp2c'

function sofProcess(marker: number): JpegProcess | null {
  if (marker === 0xf7) return 'jpeg-ls'; // SOF55
  if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) return 'huffman-dct';
  if (marker === 0xc3) return 'lossless';
  if (marker === 0xc5 || marker === 0xc6 || marker === 0xc7 || marker === 0xcd || marker === 0xce || marker === 0xcf) return 'hierarchical';
  if (marker === 0xc9 || marker === 0xca || marker === 0xcb) return 'arithmetic';
  return null;
}

function readJpegInfo(data: Uint8Array, view: DataView): CodestreamInfo | null {
  let pos = 2;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) return null;
    const marker = data[pos + 1] ?? 0;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan or end before any frame header
    const length = view.getUint16(pos + 2);
    const process = sofProcess(marker);
    if (process !== null) {
      if (length < 8 || pos + 2 + length > data.length) return null;
      return {
        family: 'jpeg', process, highThroughput: false, fullResolution: true,
        precision: data[pos + 4] ?? 0, height: view.getUint16(pos + 5), width: view.getUint16(pos + 7), components: data[pos + 9] ?? 0,
      };
    }
    pos += 2 + length;
  }
  return null;
}

function readSiz(data: Uint8Array, view: DataView, at: number): CodestreamInfo | null {
  // SOC, SIZ marker, Lsiz, Rsiz, then Xsiz Ysiz XOsiz YOsiz and four tile values (32 bits each), Csiz.
  if (at + 42 > data.length || view.getUint32(at) !== SOC_SIZ) return null;
  const rsiz = view.getUint16(at + 6);
  const width = view.getUint32(at + 8) - view.getUint32(at + 16);
  const height = view.getUint32(at + 12) - view.getUint32(at + 20);
  const components = view.getUint16(at + 40);
  if (at + 42 + components * 3 > data.length) return null;
  let precision = 0;
  let fullResolution = true;
  for (let c = 0; c < components; c++) {
    const ssiz = data[at + 42 + c * 3] ?? 0;
    precision = Math.max(precision, (ssiz & 0x7f) + 1);
    if (data[at + 43 + c * 3] !== 1 || data[at + 44 + c * 3] !== 1) fullResolution = false;
  }
  return { family: 'j2k', process: null, highThroughput: (rsiz & 0x4000) !== 0, width, height, components, precision, fullResolution };
}

/** Where the codestream starts inside a JP2 file (some writers wrap it, against the standard). */
function jp2CodestreamOffset(data: Uint8Array, view: DataView): number | null {
  let pos = 0;
  while (pos + 8 <= data.length) {
    const length = view.getUint32(pos);
    if (view.getUint32(pos + 4) === JP2C) return pos + 8;
    if (length < 8) return null;
    pos += length;
  }
  return null;
}

export function readCodestreamInfo(data: Uint8Array): CodestreamInfo | null {
  if (data.length < 4) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint16(0) === SOI) return readJpegInfo(data, view);
  if (view.getUint32(0) === SOC_SIZ) return readSiz(data, view, 0);
  if (view.getUint32(0) === JP2_SIGNATURE) {
    const at = jp2CodestreamOffset(data, view);
    return at === null ? null : readSiz(data, view, at);
  }
  return null;
}

/** True when `data` begins a new frame's codestream (for frames split without an offset table). */
export function startsCodestream(data: Uint8Array): boolean {
  if (data.length < 4) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return view.getUint16(0) === SOI || view.getUint32(0) === SOC_SIZ || view.getUint32(0) === JP2_SIGNATURE;
}
