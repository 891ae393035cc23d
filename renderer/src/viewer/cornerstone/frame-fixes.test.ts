import { describe, expect, it } from 'vitest';
import { expandYbr422, fixFrame, jpegLsByPlane, swapWords, unpackBits } from './frame-fixes';

describe('frame fixes', () => {
  it('repeats each pair\'s chroma for both pixels of YBR_FULL_422', () => {
    expect([...expandYbr422(Uint8Array.from([10, 20, 100, 200]), 1, 2)]).toEqual([10, 100, 200, 20, 100, 200]);
  });

  it('swaps 16-bit words, keeping an odd length', () => {
    expect([...swapWords(Uint8Array.from([1, 2, 3, 4, 5]))]).toEqual([2, 1, 4, 3, 0]);
  });

  it('unpacks 1-bit data least significant bit first', () => {
    expect([...unpackBits(Uint8Array.from([0b00000101, 0b1]), 9)]).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('tells JPEG-LS interleave mode 0 (one component per scan) from the codestream', () => {
    const sof = [0xff, 0xf7, 0, 17, 8, 0, 2, 0, 2, 3];
    expect(jpegLsByPlane(Uint8Array.from([0xff, 0xd8, ...sof, 0xff, 0xda, 0, 8, 1, 1, 0]))).toBe(true);
    expect(jpegLsByPlane(Uint8Array.from([0xff, 0xd8, ...sof, 0xff, 0xda, 0, 12, 3, 1, 0]))).toBe(false);
  });

  it('decodes 8-bit big endian OW data as little endian after swapping its words', async () => {
    // Three samples in two swapped words: the third sample is the second word's low byte.
    const fix = await fixFrame({ transferSyntax: '1.2.840.10008.1.2.2', pixelData: Uint8Array.from([1, 2, 0]), bitsAllocated: 8, samplesPerPixel: 1, photometric: 'MONOCHROME2', rows: 1, columns: 3, pixelVr: 'OW', pixelElement: Uint8Array.from([1, 2, 0, 3]), frameIndex: 0 });
    expect(fix.transferSyntax).toBe('1.2.840.10008.1.2.1');
    expect([...fix.pixelData]).toEqual([2, 1, 3]);
  });

  it('leaves other frames alone', async () => {
    const pixelData = Uint8Array.from([1, 2]);
    const fix = await fixFrame({ transferSyntax: '1.2.840.10008.1.2.1', pixelData, bitsAllocated: 16, samplesPerPixel: 1, photometric: 'MONOCHROME2', rows: 1, columns: 1, pixelVr: 'OW' });
    expect(fix).toEqual({ transferSyntax: '1.2.840.10008.1.2.1', pixelData, patch: null });
  });
});

