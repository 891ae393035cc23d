import { describe, expect, it } from 'vitest';
import { isSingleFrameId, planeFromHeader } from './header-planes';

const text = (s: string): number[] => {
  const bytes = [...s].map((c) => c.charCodeAt(0));
  return bytes.length % 2 ? [...bytes, 0x20] : bytes;
};
const u16 = (n: number): number[] => [n & 0xff, n >> 8];
const u32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
const tag = (t: number): number[] => [...u16(t >>> 16), ...u16(t & 0xffff)];

/** Explicit VR little endian element; long VRs get the 4-byte length. */
function el(t: number, vr: string, value: number[], length = value.length): number[] {
  const long = ['OB', 'OW', 'SQ', 'UN'].includes(vr);
  return [...tag(t), vr.charCodeAt(0), vr.charCodeAt(1), ...(long ? [0, 0, ...u32(length)] : u16(length)), ...value];
}
/** Implicit VR little endian element. */
const implicit = (t: number, value: number[], length = value.length): number[] => [...tag(t), ...u32(length), ...value];

function part10(dataset: number[], transferSyntax = '1.2.840.10008.1.2.1'): ArrayBuffer {
  const uid = [...transferSyntax].map((c) => c.charCodeAt(0));
  const ts = el(0x00020010, 'UI', uid.length % 2 ? [...uid, 0] : uid);
  const meta = [...el(0x00020000, 'UL', u32(ts.length)), ...ts];
  return Uint8Array.from([...new Array<number>(128).fill(0), 0x44, 0x49, 0x43, 0x4d, ...meta, ...dataset]).buffer;
}

const PIXELS = 512 * 512 * 2;
const header = (extra: number[] = []): number[] => [
  ...el(0x00200032, 'DS', text('-125.5\\-98\\33.25')),
  ...el(0x00200037, 'DS', text('1\\0\\0\\0\\1\\0')),
  ...el(0x00280010, 'US', u16(512)),
  ...el(0x00280011, 'US', u16(256)),
  ...extra,
];
/** A file's first bytes: the header, then the Pixel Data element's start (its value cut off, as a range read leaves it). */
const firstBytes = (dataset: number[]): ArrayBuffer => part10([...dataset, ...el(0x7fe00010, 'OW', [1, 2, 3, 4], PIXELS)]);

describe('planeFromHeader', () => {
  it('reads size, orientation and position from a header whose pixels are cut off', () => {
    expect(planeFromHeader(firstBytes(header()))).toEqual({ rows: 512, columns: 256, orientation: [1, 0, 0, 0, 1, 0], position: [-125.5, -98, 33.25] });
  });

  it('gives null when the bytes end before Pixel Data (the header did not fit)', () => {
    const whole = new Uint8Array(firstBytes(header()));
    const pixelAt = whole.length - 4 - 12;
    expect(planeFromHeader(whole.slice(0, pixelAt).buffer)).toBeNull();
    expect(planeFromHeader(whole.slice(0, 200).buffer)).toBeNull();
  });

  it('gives null for an enhanced file, whose planes live in functional groups', () => {
    const groups = el(0x52009230, 'SQ', [...tag(0xfffee000), ...u32(0)]);
    expect(planeFromHeader(firstBytes(header(groups)))).toBeNull();
  });

  it('leaves missing or unreadable values null for the volume check to explain', () => {
    const plane = planeFromHeader(firstBytes([...el(0x00200037, 'DS', text('1\\0\\x')), ...el(0x00280010, 'US', u16(64))]));
    expect(plane).toEqual({ rows: 64, columns: null, orientation: null, position: null });
  });

  it('reads implicit VR files and raw datasets without File Meta', () => {
    const dataset = [
      ...implicit(0x00080005, text('ISO_IR 100')),
      ...implicit(0x00200032, text('0\\0\\7.5')),
      ...implicit(0x00200037, text('0\\1\\0\\0\\0\\-1')),
      ...implicit(0x00280010, u16(128)),
      ...implicit(0x00280011, u16(128)),
      ...implicit(0x7fe00010, [0, 0], 128 * 128 * 2),
    ];
    const expected = { rows: 128, columns: 128, orientation: [0, 1, 0, 0, 0, -1], position: [0, 0, 7.5] };
    expect(planeFromHeader(part10(dataset, '1.2.840.10008.1.2'))).toEqual(expected);
    expect(planeFromHeader(Uint8Array.from(dataset).buffer)).toEqual(expected);
  });

  it('gives null for bytes that are not DICOM', () => {
    expect(planeFromHeader(new Uint8Array(300).fill(7).buffer)).toBeNull();
  });
});

describe('isSingleFrameId', () => {
  it('is true only for a whole single-frame file', () => {
    expect(isSingleFrameId('scanvault:/bytes/instance/12')).toBe(true);
    expect(isSingleFrameId('scanvault:/bytes/instance/12?frame=1')).toBe(false);
    expect(isSingleFrameId('wadouri:/x')).toBe(false);
  });
});
