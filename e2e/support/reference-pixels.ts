/**
 * Test-only: the pixels an independent decoder gives for a sample, to hold the viewer's decode
 * path against. dcmtk (dcmconv/dcmdjpeg/dcmdjpls/dcmdrle) or GDCM (gdcmconv --raw, JPEG 2000)
 * turn the file into uncompressed explicit little endian; dcmjs then only reads that plain file.
 * Monochrome: stored values with the modality transform applied, rescale or Modality LUT Sequence
 * (what the viewer's pre-scaled pixel array holds). Colour: dcm2pnm's RGB output (dcmtk's own YBR, palette and planar handling).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dcmjs from 'dcmjs';
import { readPnm } from './pnm';

dcmjs.log.setLevel('error');

type Tool = { cmd: string; args: (input: string, output: string) => string[]; decoder: string };

const GDCM: Tool = { cmd: 'gdcmconv', args: (i, o) => ['--raw', i, o], decoder: 'GDCM gdcmconv --raw' };
const dcmconv: Tool = { cmd: 'dcmconv', args: (i, o) => ['-q', '+te', i, o], decoder: 'dcmtk dcmconv +te' };
const TOOLS: Record<string, Tool> = {
  '': dcmconv,
  '1.2.840.10008.1.2': dcmconv,
  '1.2.840.10008.1.2.1': dcmconv,
  '1.2.840.10008.1.2.2': dcmconv,
  '1.2.840.10008.1.2.1.99': dcmconv,
  '1.2.840.10008.1.2.5': { cmd: 'dcmdrle', args: (i, o) => ['-q', i, o], decoder: 'dcmtk dcmdrle' },
  ...Object.fromEntries(['50', '51', '53', '55', '57', '70'].map((s) => [`1.2.840.10008.1.2.4.${s}`, { cmd: 'dcmdjpeg', args: (i: string, o: string) => ['-q', i, o], decoder: 'dcmtk dcmdjpeg' }])),
  ...Object.fromEntries(['80', '81'].map((s) => [`1.2.840.10008.1.2.4.${s}`, { cmd: 'dcmdjpls', args: (i: string, o: string) => ['-q', i, o], decoder: 'dcmtk dcmdjpls' }])),
  '1.2.840.10008.1.2.4.90': GDCM,
  '1.2.840.10008.1.2.4.91': GDCM,
};

/** Syntaxes no installed independent decoder reads, and why. */
export const NO_INDEPENDENT_DECODER: Record<string, string> = {
  '1.2.840.10008.1.2.4.201': 'HTJ2K: dcmtk 3.6.7 and GDCM 3.0.21 predate it and OpenJPEG opj_decompress is not installed',
  '1.2.840.10008.1.2.4.202': 'HTJ2K: dcmtk 3.6.7 and GDCM 3.0.21 predate it and OpenJPEG opj_decompress is not installed',
  '1.2.840.10008.1.2.4.203': 'HTJ2K: dcmtk 3.6.7 and GDCM 3.0.21 predate it and OpenJPEG opj_decompress is not installed',
  '1.2.840.10008.1.2.8.1': 'Deflated Image Frame Compression: dcmtk 3.6.7 and GDCM 3.0.21 do not read it',
};

export interface Attributes {
  rows: number;
  columns: number;
  frames: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  signed: boolean;
  photometric: string;
}

export type Reference =
  | { kind: 'mono'; decoder: string; attrs: Attributes; float: boolean; frame(i: number): Float64Array }
  | { kind: 'color'; decoder: string; attrs: Attributes; frame(i: number): ArrayLike<number> }
  | { kind: 'none'; reason: string };

type Nat = Record<string, unknown>;
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const num = (v: unknown, fallback: number): number => {
  const x = Number(first(v));
  return Number.isFinite(x) ? x : fallback;
};
const seqItem = (v: unknown): Nat | undefined => first(v) as Nat | undefined;

/** Rescale of frame i: top level, else the enhanced functional groups (per frame over shared). */
function rescale(ds: Nat, i: number): { slope: number; intercept: number } {
  if (ds.RescaleSlope !== undefined || ds.RescaleIntercept !== undefined) {
    return { slope: num(ds.RescaleSlope, 1), intercept: num(ds.RescaleIntercept, 0) };
  }
  const perFrame = (ds.PerFrameFunctionalGroupsSequence as Nat[] | undefined)?.[i];
  const shared = seqItem(ds.SharedFunctionalGroupsSequence);
  const pvt = seqItem(perFrame?.PixelValueTransformationSequence) ?? seqItem(shared?.PixelValueTransformationSequence);
  return { slope: num(pvt?.RescaleSlope, 1), intercept: num(pvt?.RescaleIntercept, 0) };
}

/**
 * The Modality LUT Sequence's table when the file has one instead of a rescale (PS3.3 C.11.1):
 * stored value -> modality value, clamped to the table's ends.
 */
function modalityTable(ds: Nat, signed: boolean): ((v: number) => number) | null {
  if (ds.RescaleSlope !== undefined) return null;
  const item = seqItem(ds.ModalityLUTSequence);
  const descriptor = item?.LUTDescriptor as number[] | undefined;
  const raw = item?.LUTData as ArrayBuffer | ArrayBuffer[] | number[] | undefined;
  if (!descriptor || raw === undefined) return null;
  const buffer = Array.isArray(raw) && raw[0] instanceof ArrayBuffer ? raw[0] : raw;
  const table = buffer instanceof ArrayBuffer ? Array.from(new Uint16Array(buffer)) : (buffer as number[]);
  const entries = descriptor[0] === 0 ? 65536 : Number(descriptor[0]);
  const firstRaw = Number(descriptor[1]);
  const first = signed && firstRaw >= 0x8000 ? firstRaw - 0x10000 : firstRaw;
  return (v) => table[Math.max(0, Math.min(entries - 1, v - first))] ?? 0;
}

function storedValues(data: Uint8Array, a: Attributes, i: number): Float64Array {
  const pixels = a.rows * a.columns;
  const out = new Float64Array(pixels);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const mask = a.bitsStored >= 32 ? 0xffffffff : 2 ** a.bitsStored - 1;
  const sign = 2 ** (a.bitsStored - 1);
  for (let p = 0; p < pixels; p++) {
    let v: number;
    if (a.bitsAllocated === 1) {
      const bit = i * pixels + p;
      v = ((data[bit >> 3] ?? 0) >> (bit & 7)) & 1;
    } else {
      const bytes = a.bitsAllocated / 8;
      const at = (i * pixels + p) * bytes;
      v = bytes === 1 ? view.getUint8(at) : bytes === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
      v &= mask;
      if (a.signed && v >= sign) v -= 2 * sign;
    }
    out[p] = v;
  }
  return out;
}

function rgbValues(data: Uint8Array, a: Attributes, i: number, planar: boolean): Float64Array {
  const pixels = a.rows * a.columns;
  const bytes = a.bitsAllocated / 8;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Float64Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < 3; c++) {
      const at = (i * pixels * 3 + (planar ? c * pixels + p : p * 3 + c)) * bytes;
      out[p * 3 + c] = bytes === 1 ? view.getUint8(at) : bytes === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
    }
  }
  return out;
}

export function isImageFile(file: string): boolean {
  return spawnSync('dcmdump', ['-q', '+P', '7fe0,0010', '+P', '7fe0,0008', file], { encoding: 'utf8' }).stdout.trim() !== '';
}

/** Writes `file` as uncompressed explicit little endian with the independent decoder for its syntax. */
export function toPlainFile(file: string, transferSyntax: string, plain: string): { decoder: string } | { reason: string } {
  const tool = TOOLS[transferSyntax];
  if (tool === undefined) return { reason: `no independent decoder set up for ${transferSyntax}` };
  let used = tool;
  let input = file;
  // dcmtk (3.6.7) ignores segmented palettes: GDCM expands them into plain tables first.
  if (spawnSync('dcmdump', ['-q', '+P', '0028,1221', file], { encoding: 'utf8' }).stdout.trim() !== '') {
    const plainLut = `${plain}.lut.dcm`;
    const lut = spawnSync('gdcmconv', ['--decompress-lut', file, plainLut], { encoding: 'utf8' });
    if (lut.status !== 0) return { reason: `GDCM could not expand its segmented palette: ${lut.stderr.trim().split('\n')[0] ?? ''}` };
    input = plainLut;
    used = { ...tool, decoder: `GDCM gdcmconv --decompress-lut + ${tool.decoder}` };
  }
  let run = spawnSync(used.cmd, used.args(input, plain), { encoding: 'utf8' });
  if (run.status !== 0 && tool !== GDCM) {
    // dcmtk refuses some valid files (e.g. RLE with a pixel representation it will not change): GDCM is the second opinion.
    used = GDCM;
    run = spawnSync(GDCM.cmd, GDCM.args(input, plain), { encoding: 'utf8' });
  }
  if (run.status !== 0) return { reason: `${used.decoder} could not decode it: ${run.stderr.trim().split('\n')[0] ?? ''}` };
  return { decoder: used.decoder };
}

/** The independent decoder's pixels for a sample, or why there are none. */
export function referencePixels(file: string, transferSyntax: string): Reference {
  const reason = NO_INDEPENDENT_DECODER[transferSyntax];
  if (reason !== undefined) return { kind: 'none', reason };
  const tool = TOOLS[transferSyntax];
  if (tool === undefined) return { kind: 'none', reason: `no independent decoder set up for ${transferSyntax}` };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-ref-'));
  try {
    const plain = path.join(dir, 'plain.dcm');
    const converted = toPlainFile(file, transferSyntax, plain);
    if ('reason' in converted) return { kind: 'none', reason: converted.reason };
    const used = { decoder: converted.decoder };
    const bytes = readFileSync(plain);
    const dict = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { ignoreErrors: true });
    const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict);
    const attrs: Attributes = {
      rows: num(ds.Rows, 0), columns: num(ds.Columns, 0), frames: num(ds.NumberOfFrames, 1),
      samplesPerPixel: num(ds.SamplesPerPixel, 1), bitsAllocated: num(ds.BitsAllocated, 16), bitsStored: num(ds.BitsStored, num(ds.BitsAllocated, 16)),
      signed: num(ds.PixelRepresentation, 0) === 1, photometric: typeof first(ds.PhotometricInterpretation) === 'string' ? (first(ds.PhotometricInterpretation) as string) : '',
    };
    if (attrs.samplesPerPixel === 1 && attrs.photometric.startsWith('MONOCHROME')) {
      const float = ds.PixelData === undefined && ds.FloatPixelData !== undefined;
      const raw = first(ds.PixelData ?? ds.FloatPixelData) as ArrayBuffer | undefined;
      if (raw === undefined) return { kind: 'none', reason: 'no pixel data after decoding' };
      const data = new Uint8Array(raw);
      if (float) return { kind: 'mono', decoder: used.decoder, attrs, float, frame: (i) => Float64Array.from(new Float32Array(raw, i * attrs.rows * attrs.columns * 4, attrs.rows * attrs.columns)) };
      return {
        kind: 'mono', decoder: used.decoder, attrs, float,
        frame: (i) => {
          const table = modalityTable(ds, attrs.signed);
          if (table !== null) return storedValues(data, attrs, i).map(table);
          const { slope, intercept } = rescale(ds, i);
          return storedValues(data, attrs, i).map((v) => v * slope + intercept);
        },
      };
    }
    if (attrs.photometric === 'RGB') {
      // Stored values as they are (any bit depth), colour by pixel.
      const raw = new Uint8Array(first(ds.PixelData) as ArrayBuffer);
      const planar = num(ds.PlanarConfiguration, 0) === 1;
      return { kind: 'color', decoder: used.decoder, attrs, frame: (i) => rgbValues(raw, attrs, i, planar) };
    }
    const frames = attrs.frames;
    const ppms: Uint8Array[] = [];
    for (let i = 0; i < frames; i++) {
      const out = path.join(dir, `f${i}.ppm`);
      const r = spawnSync('dcm2pnm', ['-q', '+op', '+F', String(i + 1), plain, out], { encoding: 'utf8' });
      if (r.status !== 0) return { kind: 'none', reason: `dcm2pnm could not render it: ${r.stderr.trim().split('\n')[0] ?? ''}` };
      ppms.push(readPnm(readFileSync(out)).values);
    }
    return { kind: 'color', decoder: `${used.decoder} + dcm2pnm`, attrs, frame: (i) => ppms[i] ?? new Uint8Array() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
