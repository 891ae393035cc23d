import { describe, expect, it } from 'vitest';
import { fixFrame } from './frame-fixes';
import { applyModalityLut, modalityLutFrom, storedValues } from './modality-lut';

const le16 = (values: number[]): Uint8Array => {
  const out = new Uint8Array(values.length * 2);
  values.forEach((v, i) => { out[2 * i] = v & 0xff; out[2 * i + 1] = (v >> 8) & 0xff; });
  return out;
};
const readLe16 = (bytes: Uint8Array): number[] => Array.from({ length: bytes.length / 2 }, (_, i) => (bytes[2 * i] ?? 0) | ((bytes[2 * i + 1] ?? 0) << 8));

describe('Modality LUT Sequence', () => {
  // As in the PS3.3 example and the sample mlut_18: 4096 entries from -2048, 16-bit output, value x16.
  const table = Uint16Array.from({ length: 4096 }, (_, i) => i * 16);

  it('reads the descriptor: a signed first value, 0 entries meaning 65536', () => {
    expect(modalityLutFrom([4096, 0xf800, 16], table, true)).toMatchObject({ firstMapped: -2048, bits: 16 });
    expect(modalityLutFrom([4096, 0xf800, 16], table, false)).toMatchObject({ firstMapped: 0xf800 });
    expect(modalityLutFrom([0, 0, 16], new Uint16Array(65536), false)?.data.length).toBe(65536);
    expect(modalityLutFrom([4096, 0, 16], new Uint16Array(10), false)).toBeNull();
  });

  it('maps stored values through the table, clamping outside it', () => {
    const lut = modalityLutFrom([4096, 0xf800, 16], table, true);
    if (lut === null) throw new Error('no table');
    const values = storedValues(le16([0xf800, 0xffff, 0, 2047, 0x07ff + 1]), 16, 12, true);
    expect(Array.from(values)).toEqual([-2048, -1, 0, 2047, -2048]);
    expect(readLe16(applyModalityLut(Int32Array.from([-2048, -1, 0, 2047, -5000, 5000]), lut))).toEqual([0, 2047 * 16, 2048 * 16, 4095 * 16, 0, 4095 * 16]);
  });

  it('fixFrame hands the decoder modality values and says so in the patch', async () => {
    const lut = modalityLutFrom([4096, 0xf800, 16], table, true);
    const fix = await fixFrame({
      transferSyntax: '1.2.840.10008.1.2', pixelData: le16([0xf800, 0]), bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 1,
      samplesPerPixel: 1, photometric: 'MONOCHROME2', rows: 1, columns: 2, pixelVr: 'OW', modalityLut: lut,
    });
    expect(fix.transferSyntax).toBe('1.2.840.10008.1.2.1');
    expect(readLe16(fix.pixelData)).toEqual([0, 2048 * 16]);
    expect(fix.patch).toEqual({ bitsAllocated: 16, bitsStored: 16, highBit: 15, pixelRepresentation: 0, modalityLutApplied: true });
  });
});
