import { describe, expect, it } from 'vitest';
import { expandSegmentedLut, paletteToRgb } from './segmented-palette';

describe('segmented palette lookup tables', () => {
  it('expands discrete, linear and indirect segments', () => {
    const table = [
      0, 3, 10, 20, 30, // discrete: 10 20 30 (words 0..4)
      1, 4, 70, //         linear from 30 to 70 in 4 steps: 40 50 60 70 (words 5..7)
      2, 2, 0, 0, //       indirect: copy 2 segments from byte 0: 10 20 30, then 40..70 drawn from 30
    ];
    expect([...expandSegmentedLut(table)]).toEqual([10, 20, 30, 40, 50, 60, 70, 10, 20, 30, 40, 50, 60, 70]);
  });

  it('rounds linear segments and follows a byte offset past the first segment', () => {
    // discrete 0 100; linear to 0 in 3 steps; discrete 5; indirect: 1 segment from byte 8 (word 4, the linear one)
    const table = [0, 2, 0, 100, 1, 3, 0, 0, 1, 5, 2, 1, 8, 0];
    // 100 -> 0 in 3: 67 33 0; then 5; then the linear segment again, from 5: 3 2 0
    expect([...expandSegmentedLut(table)]).toEqual([0, 100, 67, 33, 0, 5, 3, 2, 0]);
  });

  it('refuses malformed tables', () => {
    expect(() => expandSegmentedLut([1, 2, 5])).toThrow(/first/);
    expect(() => expandSegmentedLut([0, 9, 1])).toThrow(/past/);
    expect(() => expandSegmentedLut([7, 1, 1])).toThrow(/opcode/);
    expect(() => expandSegmentedLut([0, 1, 1, 2, 1, 6, 0])).toThrow(/deep/); // an indirect segment that copies itself
  });

  it('maps 16-bit stored values through 16-bit entries to their top 8 bits, clamped to the table', () => {
    const palette = { red: Uint16Array.from([0x0000, 0xff00, 0x1234]), green: Uint16Array.from([0x0100, 0x0200, 0x0300]), blue: Uint16Array.from([0xffff, 0x8000, 0x0000]), firstMapped: 1, entryBits: 16 };
    const data = new Uint8Array([0, 0, 2, 0, 9, 0]); // 0 (below first mapped), 2, 9 (past the end)
    expect([...paletteToRgb(data, 16, 3, palette)]).toEqual([0x00, 0x01, 0xff, 0xff, 0x02, 0x80, 0x12, 0x03, 0x00]);
  });
});
