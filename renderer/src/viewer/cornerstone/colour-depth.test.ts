import { describe, expect, it } from 'vitest';
import { colourLevel, colourWindow } from './colour-depth';

describe('colour depth', () => {
  it('opens 16-bit (and 12-bit) colour over its whole range, 8-bit as the loader does', () => {
    expect(colourWindow(16)).toEqual({ width: 65536, center: 32768 });
    expect(colourWindow(12)).toEqual({ width: 4096, center: 2048 });
    expect(colourWindow(32)).toEqual({ width: 2 ** 32, center: 2 ** 31 });
    expect(colourWindow(8)).toBeNull();
  });

  it('shows 16-bit samples by their top 8 bits and 8-bit samples as they are', () => {
    const wide = { width: 65536, center: 32768 };
    expect([0, 255, 256, 0x7fff, 0x8000, 65535].map((v) => colourLevel(v, wide))).toEqual([0, 0, 1, 0x7f, 0x80, 255]);
    const deep = { width: 2 ** 32, center: 2 ** 31 };
    expect([0, 0x00ffffff, 0x01000000, 0x80808080, 0xffffffff].map((v) => colourLevel(v, deep))).toEqual([0, 0, 1, 0x80, 255]);
    const byte = { width: 256, center: 128 };
    expect([0, 1, 128, 255].map((v) => colourLevel(v, byte))).toEqual([0, 1, 128, 255]);
  });
});
