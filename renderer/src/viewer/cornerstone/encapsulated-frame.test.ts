import { describe, expect, it } from 'vitest';
import { parseDicom } from 'dicom-parser';
import { encapsulatedFrame, offsetTableIsSound, planFrame } from './encapsulated-frame';

const frag = (offset: number, length: number) => ({ offset, position: 1000 + offset + 8, length });

describe('planFrame', () => {
  const two = [frag(0, 9), frag(17, 9)]; // odd-length items, as a real XA file has them

  it('leaves a sound offset table, or none, to the image loader', () => {
    expect(planFrame([0, 17], two, 2, 1)).toEqual({ kind: 'loader' });
    expect(planFrame([], two, 2, 1)).toEqual({ kind: 'loader' });
  });

  it('sets aside a table off by a byte, or with an entry too many, and takes one fragment per frame', () => {
    expect(offsetTableIsSound([0, 18], two, 2)).toBe(false);
    expect(planFrame([0, 18], two, 2, 1)).toEqual({ kind: 'fragments', fragments: [two[1]] });
    expect(planFrame([0, 18, 36], two, 2, 0)).toEqual({ kind: 'fragments', fragments: [two[0]] });
  });

  it('joins every fragment of a single frame, and finds JPEG starts when frames span fragments', () => {
    expect(planFrame([5], two, 1, 0)).toEqual({ kind: 'fragments', fragments: two });
    expect(planFrame([0, 40], [...two, frag(34, 9)], 2, 1)).toEqual({ kind: 'jpeg-starts' });
  });
});

/** A Part 10 file with two frames of encapsulated Pixel Data and the given offset table. */
function encapsulatedFile(table: number[], frames: Uint8Array[]): Uint8Array {
  const parts: number[] = [];
  const u16 = (v: number) => parts.push(v & 0xff, v >> 8);
  const u32 = (v: number) => { u16(v & 0xffff); u16(v >>> 16); };
  const text = (s: string) => { for (const c of s) parts.push(c.charCodeAt(0)); };
  const element = (group: number, elementNo: number, vr: string, value: string) => {
    const padded = value.length % 2 === 1 ? `${value}${vr === 'UI' ? '\0' : ' '}` : value;
    u16(group); u16(elementNo); text(vr); u16(padded.length); text(padded);
  };
  for (let i = 0; i < 128; i++) parts.push(0);
  text('DICM');
  element(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.4.70');
  element(0x0028, 0x0008, 'IS', String(frames.length));
  u16(0x7fe0); u16(0x0010); text('OB'); u16(0); u32(0xffffffff);
  u16(0xfffe); u16(0xe000); u32(table.length * 4);
  table.forEach(u32);
  for (const f of frames) { u16(0xfffe); u16(0xe000); u32(f.length); parts.push(...f); }
  u16(0xfffe); u16(0xe0dd); u32(0);
  return new Uint8Array(parts);
}

describe('encapsulatedFrame', () => {
  const a = Uint8Array.of(0xff, 0xd8, 1, 2, 3, 4, 5, 0xff, 0xd9);
  const b = Uint8Array.of(0xff, 0xd8, 6, 7, 8, 9, 10, 0xff, 0xd9);

  it('reads each frame\'s own bytes when the offset table is off by a byte', () => {
    const dataSet = parseDicom(encapsulatedFile([0, 18], [a, b]));
    const pixel = dataSet.elements.x7fe00010!;
    expect(encapsulatedFrame(dataSet, pixel, 2, 0)).toEqual(a);
    expect(encapsulatedFrame(dataSet, pixel, 2, 1)).toEqual(b);
  });

  it('returns null for a sound table: the image loader reads it', () => {
    const dataSet = parseDicom(encapsulatedFile([0, 17], [a, b]));
    expect(encapsulatedFrame(dataSet, dataSet.elements.x7fe00010!, 2, 1)).toBeNull();
  });
});
