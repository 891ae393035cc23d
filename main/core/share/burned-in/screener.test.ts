import { existsSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { ocrPaths } from '../../ocr/offline-worker';
import { realClean, realPlanted, syntheticPlanted, type PlantedCase } from '../../../test-support/burned-in/fixtures';
import { plantText } from '../../../test-support/burned-in/planted-text';
import { syntheticCt, syntheticPalette, syntheticUs } from '../../../test-support/burned-in/synthetic-images';
import { renderText } from '../../../test-support/burned-in/text-bitmap';
import { compressedFile, encodeJpegLs } from '../../../test-support/dicom/compressed-fixtures';
import { ImageError, openImage } from './image-frames';
import { combineFrames, createScreener, sampleFrames } from './screener';
import type { TextReader } from './ocr-pool';
import type { TextRegion } from './types';

const screener = createScreener();
afterAll(() => screener.close());

const overlaps = (a: TextRegion, b: TextRegion) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const covers = (outer: TextRegion, inner: TextRegion) =>
  outer.x <= inner.x && outer.y <= inner.y && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;

async function expectFound(c: PlantedCase) {
  const result = await screener.screen(c.bytes);
  expect(result.textFound, c.name).toBe(true);
  for (const box of c.boxes) {
    expect(result.regions.some((r) => overlaps(r, box)), `${c.name}: text at ${box.x},${box.y}`).toBe(true);
    expect(result.regions.some((r) => covers(r, box)), `${c.name}: suggested mask covers ${box.x},${box.y}`).toBe(true);
  }
  return result;
}

describe('screening for burned-in text', () => {
  for (const c of syntheticPlanted()) {
    test(`finds every planted text: ${c.name}`, async () => { await expectFound(c); }, 30_000);
  }

  test('a PALETTE COLOR picture is read through its palette: light text at a low index is found', async () => {
    const text = renderText('DOE JANE MRN 0001', 18);
    const result = await screener.screen(syntheticPalette(text, { x: 20, y: 12 }));
    expect(result.textFound).toBe(true);
    expect(result.regions.some((r) => r.x <= 20 && r.y <= 12 && r.x + r.width >= 20 + text.width && r.y + r.height >= 12 + text.height)).toBe(true);
  }, 30_000);

  test('OCR ran offline with its images in memory: its cache folder was never made', async () => {
    await expectFound(syntheticPlanted()[0]!);
    expect(existsSync(ocrPaths().cachePath)).toBe(false);
  }, 30_000);

  test('ultrasound: the header band on every frame is one region for every frame (frame null)', async () => {
    const c = syntheticPlanted().find((p) => p.name.startsWith('US'))!;
    const result = await expectFound(c);
    expect(result.framesScreened).toBe(5);
    const band = result.regions.find((r) => overlaps(r, c.boxes[0]!));
    expect(band?.frame).toBeNull();
  }, 30_000);

  test('text on one frame of a cine is reported for that frame', async () => {
    const { bytes, boxes } = plantText(syntheticUs({ frames: 9 }), [{ text: 'ID 4711', x: 4, y: 150, px: 12, frame: 4 }]);
    const result = await screener.screen(bytes);
    const region = result.regions.find((r) => overlaps(r, boxes[0]!));
    expect(region?.frame).toBe(4);
  }, 30_000);

  test('compressed pixels are decoded first (JPEG-LS CT)', async () => {
    const planted = plantText(syntheticCt({ rows: 256, columns: 256 }), [{ text: 'DOE^JANE', x: 12, y: 12, px: 14 }]);
    const image = openImage(planted.bytes);
    const frame = await image.frame(0);
    const jls = await encodeJpegLs({ width: 256, height: 256, components: 1, bitsPerSample: 16, signed: true, bytes: frame });
    const file = compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.80', rows: 256, columns: 256, bitsAllocated: 16, signed: true, fragments: [jls] });
    await expectFound({ name: 'JPEG-LS CT', bytes: file, boxes: planted.boxes });
  }, 30_000);

  const real = realPlanted();
  test.skipIf(real.length === 0)('finds the name and ID burned into real CT and MR slices', async () => {
    for (const c of real) await expectFound(c);
  }, 60_000);

  const clean = realClean();
  test.skipIf(clean.length === 0)('does not flag clean real CT and MR images (false positive rate)', async () => {
    const flagged: string[] = [];
    for (const c of clean) if ((await screener.screen(c.bytes)).textFound) flagged.push(c.name);
    process.stdout.write(`burned-in false positives: ${flagged.length} of ${clean.length} clean CT/MR images\n`);
    expect(flagged).toEqual([]);
  }, 120_000);

  test('pixels it cannot decode are a plain ImageError, so the caller can hold the image back', async () => {
    const cut = syntheticCt({ rows: 64, columns: 64 }).subarray(0, 2000);
    await expect(screener.screen(cut)).rejects.toThrow(ImageError);
    const twelveBitLossy = compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.51', rows: 8, columns: 8, bitsAllocated: 16, bitsStored: 12, fragments: [Uint8Array.of(0xff, 0xd8, 0xff, 0xc1, 0, 11, 12, 0, 8, 0, 8, 1, 1, 0x11, 0, 0xff, 0xd9)] });
    await expect(screener.screen(twelveBitLossy)).rejects.toThrow(ImageError);
  });

  test('an image without candidates never reaches OCR', async () => {
    let reads = 0;
    const reader: TextReader = { read: () => { reads++; return Promise.resolve({ text: '', confidence: 0 }); }, close: () => Promise.resolve() };
    const quiet = createScreener({ reader });
    expect((await quiet.screen(syntheticCt({ seed: 7 }))).textFound).toBe(false);
    expect(reads).toBe(0);
    await quiet.close();
  });

  test('candidates OCR cannot read are not text', async () => {
    const reader: TextReader = { read: () => Promise.resolve({ text: '~ .', confidence: 20 }), close: () => Promise.resolve() };
    const doubting = createScreener({ reader });
    const c = syntheticPlanted()[0]!;
    expect((await doubting.screen(c.bytes)).textFound).toBe(false);
    await doubting.close();
  });
});

describe('frame sampling', () => {
  test('first, quarter, middle, three-quarter and last frame', () => {
    expect(sampleFrames(1)).toEqual([0]);
    expect(sampleFrames(3)).toEqual([0, 1, 2]);
    expect(sampleFrames(100)).toEqual([0, 24, 49, 74, 99]);
  });

  test('a region repeated on sampled frames applies to every frame', () => {
    const box = { x: 0, y: 0, width: 10, height: 5 };
    const regions = combineFrames(new Map([[0, [box]], [4, [{ ...box, x: 1 }]], [9, [{ x: 50, y: 50, width: 5, height: 5 }]]]), 10);
    expect(regions).toEqual([{ x: 0, y: 0, width: 11, height: 5, frame: null }, { x: 50, y: 50, width: 5, height: 5, frame: 9 }]);
  });
});
