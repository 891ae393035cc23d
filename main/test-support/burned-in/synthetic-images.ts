/**
 * Test and bench helper: small uncompressed images that look roughly like their modality (a body
 * with noise on CT, a head on MR, a chest on CR, an ultrasound sector on colour cine), with no
 * Burned In Annotation attribute. Deterministic for a given seed.
 */
import { encodeDataset, encodeMeta, part10File, type FixtureElement } from '../dicom/test-fixtures';

export interface SyntheticOptions {
  seed?: number;
  frames?: number;
  rows?: number;
  columns?: number;
  sopInstanceUid?: string;
}

const us = (value: number) => ({ us: [value] });
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const SOP_CLASS: Record<string, string> = {
  CT: '1.2.840.10008.5.1.4.1.1.2', MR: '1.2.840.10008.5.1.4.1.1.4', CR: '1.2.840.10008.5.1.4.1.1.1', US: '1.2.840.10008.5.1.4.1.1.3.1',
};

function random(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

interface Geometry { modality: string; rows: number; columns: number; bits: 8 | 16; stored: number; signed: boolean; photometric: string; spp: 1 | 3; frames: number }

function file(g: Geometry, pixels: Uint8Array, o: SyntheticOptions): Uint8Array {
  const sop = o.sopInstanceUid ?? `2.25.${Math.floor(random((o.seed ?? 0) + 99)() * 1e15)}${g.modality.length}`;
  const elements: FixtureElement[] = [
    { tag: 0x00080016, vr: 'UI', value: SOP_CLASS[g.modality] ?? '1.2.840.10008.5.1.4.1.1.7' },
    { tag: 0x00080018, vr: 'UI', value: sop },
    { tag: 0x00080060, vr: 'CS', value: g.modality },
    { tag: 0x00100010, vr: 'PN', value: 'DOE^JANE' },
    { tag: 0x00100020, vr: 'LO', value: 'MRN-0001' },
    { tag: 0x0020000d, vr: 'UI', value: '2.25.1111' },
    { tag: 0x0020000e, vr: 'UI', value: '2.25.2222' },
    { tag: 0x00280002, vr: 'US', value: us(g.spp) },
    { tag: 0x00280004, vr: 'CS', value: g.photometric },
    { tag: 0x00280010, vr: 'US', value: us(g.rows) },
    { tag: 0x00280011, vr: 'US', value: us(g.columns) },
    { tag: 0x00280100, vr: 'US', value: us(g.bits) },
    { tag: 0x00280101, vr: 'US', value: us(g.stored) },
    { tag: 0x00280102, vr: 'US', value: us(g.stored - 1) },
    { tag: 0x00280103, vr: 'US', value: us(g.signed ? 1 : 0) },
    { tag: 0x7fe00010, vr: g.bits === 16 ? 'OW' : 'OB', value: pixels },
  ];
  if (g.frames > 1) elements.push({ tag: 0x00280008, vr: 'IS', value: String(g.frames) });
  if (g.spp === 3) elements.push({ tag: 0x00280006, vr: 'US', value: us(0) });
  const dataset = encodeDataset(elements, { littleEndian: true, explicitVr: true });
  return part10File(encodeMeta(EXPLICIT_LE, SOP_CLASS[g.modality] ?? '1.2.840.10008.5.1.4.1.1.7', sop), dataset);
}

function grey16(g: Geometry, value: (x: number, y: number, rnd: () => number) => number, seed: number): Uint8Array {
  const rnd = random(seed);
  const out = new Uint8Array(g.rows * g.columns * 2);
  for (let y = 0; y < g.rows; y++) {
    for (let x = 0; x < g.columns; x++) {
      const v = Math.round(value(x, y, rnd));
      const i = (y * g.columns + x) * 2;
      out[i] = v & 0xff;
      out[i + 1] = (v >> 8) & 0xff;
    }
  }
  return out;
}

/** CT: 16-bit signed, air -1024, soft tissue about 40 HU with noise, a spine and ribs near 1000 HU. */
export function syntheticCt(o: SyntheticOptions = {}): Uint8Array {
  const g: Geometry = { modality: 'CT', rows: o.rows ?? 512, columns: o.columns ?? 512, bits: 16, stored: 16, signed: true, photometric: 'MONOCHROME2', spp: 1, frames: 1 };
  const cx = g.columns / 2, cy = g.rows / 2, seed = o.seed ?? 1;
  return file(g, grey16(g, (x, y, rnd) => {
    const r = Math.hypot((x - cx) / (g.columns * 0.42), (y - cy) / (g.rows * 0.32));
    if (r > 1) return -1024 + rnd() * 20;
    const lung = Math.hypot((Math.abs(x - cx) - g.columns * 0.18) / (g.columns * 0.12), (y - cy) / (g.rows * 0.2)) < 1;
    const spine = Math.hypot(x - cx, y - cy - g.rows * 0.2) < g.rows * 0.05;
    const rib = r > 0.9 && Math.sin(Math.atan2(y - cy, x - cx) * 12 + seed) > 0.7;
    return (lung ? -850 : spine || rib ? 1000 : 40) + (rnd() - 0.5) * 60;
  }, seed), o);
}

/** MR: 12 bits stored in 16, unsigned, a bright-rimmed head on a dark background. */
export function syntheticMr(o: SyntheticOptions = {}): Uint8Array {
  const g: Geometry = { modality: 'MR', rows: o.rows ?? 256, columns: o.columns ?? 256, bits: 16, stored: 12, signed: false, photometric: 'MONOCHROME2', spp: 1, frames: 1 };
  const cx = g.columns / 2, cy = g.rows / 2;
  return file(g, grey16(g, (x, y, rnd) => {
    const r = Math.hypot((x - cx) / (g.columns * 0.38), (y - cy) / (g.rows * 0.45));
    const base = r > 1 ? 5 : r > 0.9 ? 1400 : 600 + 200 * Math.sin(x / 9) * Math.cos(y / 11);
    return Math.max(0, base + (rnd() - 0.5) * 80);
  }, o.seed ?? 2), o);
}

/** CR: MONOCHROME1 (low values display white), 12 bits stored, a chest-like gradient. */
export function syntheticCr(o: SyntheticOptions = {}): Uint8Array {
  const g: Geometry = { modality: 'CR', rows: o.rows ?? 512, columns: o.columns ?? 420, bits: 16, stored: 12, signed: false, photometric: 'MONOCHROME1', spp: 1, frames: 1 };
  const cx = g.columns / 2;
  return file(g, grey16(g, (x, y, rnd) => {
    const lungs = Math.abs(Math.abs(x - cx) - g.columns * 0.2) < g.columns * 0.13 && y > g.rows * 0.15 && y < g.rows * 0.8;
    return (lungs ? 3000 : 1800) + 400 * Math.sin(y / 23) + (rnd() - 0.5) * 120;
  }, o.seed ?? 3), o);
}

/** US: RGB cine, a grey speckled sector on black, a colour bar at the right; every frame differs. */
export function syntheticUs(o: SyntheticOptions = {}): Uint8Array {
  const frames = o.frames ?? 8;
  const g: Geometry = { modality: 'US', rows: o.rows ?? 240, columns: o.columns ?? 320, bits: 8, stored: 8, signed: false, photometric: 'RGB', spp: 3, frames };
  const rnd = random(o.seed ?? 4);
  const out = new Uint8Array(frames * g.rows * g.columns * 3);
  const apexX = g.columns / 2, apexY = 30;
  for (let f = 0; f < frames; f++) {
    for (let y = 0; y < g.rows; y++) {
      for (let x = 0; x < g.columns; x++) {
        const angle = Math.atan2(x - apexX, y - apexY);
        const depth = Math.hypot(x - apexX, y - apexY);
        const inSector = Math.abs(angle) < 0.6 && depth > 10 && depth < g.rows - 40;
        const v = inSector ? Math.min(200, 40 + rnd() * 120 * (1 + 0.5 * Math.sin(depth / 7 + f))) : 0;
        const i = ((f * g.rows + y) * g.columns + x) * 3;
        const bar = x > g.columns - 12 && y > 40 && y < 160;
        out[i] = bar ? 255 - y : v;
        out[i + 1] = bar ? 40 : v;
        out[i + 2] = bar ? y : v;
      }
    }
  }
  return file(g, out, o);
}

/**
 * PALETTE COLOR, 8-bit: the palette runs from white (index 0) to black (255), so text drawn with a
 * LOW index shows white on the dark background the high indices make. A screener reading indices
 * as brightness sees dark text on a light picture and misses it.
 */
export function syntheticPalette(text: { ink: Uint8Array; width: number; height: number }, at: { x: number; y: number }): Uint8Array {
  const rows = 240;
  const columns = 320;
  const pixels = new Uint8Array(rows * columns).fill(230);
  for (let y = 0; y < text.height; y++) {
    for (let x = 0; x < text.width; x++) if (text.ink[y * text.width + x] === 1) pixels[(at.y + y) * columns + at.x + x] = 5;
  }
  const lut = new Uint8Array(512);
  for (let i = 0; i < 256; i++) {
    const v = (255 - i) * 257;
    lut[2 * i] = v & 0xff;
    lut[2 * i + 1] = v >> 8;
  }
  const sop = '2.25.424242';
  const descriptor = { us: [256, 0, 16] };
  const elements: FixtureElement[] = [
    { tag: 0x00080016, vr: 'UI', value: SOP_CLASS.US ?? '' },
    { tag: 0x00080018, vr: 'UI', value: sop },
    { tag: 0x00080060, vr: 'CS', value: 'US' },
    { tag: 0x00280002, vr: 'US', value: us(1) },
    { tag: 0x00280004, vr: 'CS', value: 'PALETTE COLOR' },
    { tag: 0x00280010, vr: 'US', value: us(rows) },
    { tag: 0x00280011, vr: 'US', value: us(columns) },
    { tag: 0x00280100, vr: 'US', value: us(8) },
    { tag: 0x00280101, vr: 'US', value: us(8) },
    { tag: 0x00280102, vr: 'US', value: us(7) },
    { tag: 0x00280103, vr: 'US', value: us(0) },
    ...[0x00281101, 0x00281102, 0x00281103].map((tag) => ({ tag, vr: 'US', value: descriptor })),
    ...[0x00281201, 0x00281202, 0x00281203].map((tag) => ({ tag, vr: 'OW', value: lut })),
    { tag: 0x7fe00010, vr: 'OB', value: pixels },
  ];
  return part10File(encodeMeta(EXPLICIT_LE, SOP_CLASS.US ?? '', sop), encodeDataset(elements, { littleEndian: true, explicitVr: true }));
}
