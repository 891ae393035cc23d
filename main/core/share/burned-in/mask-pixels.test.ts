import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { decodeAll, type DecodedImage } from '../../../test-support/burned-in/pixel-compare';
import { syntheticCt, syntheticUs } from '../../../test-support/burned-in/synthetic-images';
import { compressedFile, encodeJpegLossless, encodeJpegLs } from '../../../test-support/dicom/compressed-fixtures';
import { multiFrameFile } from '../../../test-support/dicom/multi-frame-fixture';
import { optionalToolPresent } from '../../../test-support/optional-tools';
import { readManifest, sampleBytes, samplesPresent } from '../../../test-support/sample-corpus';
import { flatten, readDicomTree } from '../deid/dataset-tree';
import { ImageError, openImage } from './image-frames';
import { loadMaskCodecs, maskPixels, maskPixelsAsync } from './mask-pixels';
import type { TextRegion } from './types';

/** Elements about the pixel encoding, which masking a compressed image may change. */
const ENCODING_PATHS = new Set(['(7FE0,0010)', '(0028,0004)', '(0028,0006)', '(7FE0,0001)', '(7FE0,0002)']);

function expectOtherAttributesIdentical(original: Uint8Array, masked: Uint8Array) {
  const before = flatten(readDicomTree(original).dataset);
  const after = flatten(readDicomTree(masked).dataset);
  for (const [path, value] of before) {
    if (ENCODING_PATHS.has(path)) continue;
    const now = after.get(path);
    expect(now, `${path} kept`).toBeDefined();
    expect(Buffer.from(now!.value).equals(Buffer.from(value.value)), `${path} unchanged`).toBe(true);
  }
  for (const path of after.keys()) if (!before.has(path)) expect(ENCODING_PATHS.has(path), `${path} added`).toBe(true);
}

const inside = (masks: readonly TextRegion[], f: number, x: number, y: number) =>
  masks.some((m) => (m.frame === null || m.frame === f) && x >= m.x && x < m.x + m.width && y >= m.y && y < m.y + m.height);

function lowest(img: DecodedImage): number {
  let low = Infinity;
  for (let f = 0; f < img.info.frames; f++) {
    for (let y = 0; y < img.info.rows; y++) for (let x = 0; x < img.info.columns; x++) low = Math.min(low, img.at(f, x, y, 0));
  }
  return low;
}

/** Outside the masks: the decoded original; inside: the lowest value (grey), black (RGB) or Y = 0 (YBR). */
async function expectMasked(original: Uint8Array, masked: Uint8Array, masks: readonly TextRegion[]) {
  const before = await decodeAll(original);
  const after = await decodeAll(masked);
  const grey = before.info.samplesPerPixel === 1;
  const low = grey ? lowest(before) : 0;
  let maskedPixels = 0;
  for (let f = 0; f < before.info.frames; f++) {
    for (let y = 0; y < before.info.rows; y++) {
      for (let x = 0; x < before.info.columns; x++) {
        const hidden = inside(masks, f, x, y);
        if (hidden) maskedPixels++;
        // Masked YBR keeps its chroma (only luminance is checked); RGB and grey are checked whole.
        const samples = hidden && before.info.photometric.startsWith('YBR') ? 1 : after.samples;
        for (let s = 0; s < samples; s++) {
          const want = hidden ? (grey ? low : 0) : before.at(f, x, y, s);
          if (after.at(f, x, y, s) !== want) throw new Error(`frame ${f} pixel ${x},${y} sample ${s}: ${after.at(f, x, y, s)} instead of ${want}`);
        }
      }
    }
  }
  expect(maskedPixels).toBeGreaterThan(0);
}

const centre = (bytes: Uint8Array, frame: number | null = null): TextRegion => {
  const { info } = openImage(bytes);
  return { x: Math.floor(info.columns / 4), y: Math.floor(info.rows / 4), width: Math.ceil(info.columns / 3), height: Math.ceil(info.rows / 5), frame };
};

describe('maskPixels', () => {
  test('uncompressed CT: edited in place, same transfer syntax, every other byte unchanged', async () => {
    const file = syntheticCt({ rows: 128, columns: 128 });
    const masks = [{ x: 5, y: 6, width: 40, height: 12, frame: null }, { x: 120, y: 120, width: 30, height: 30, frame: null }];
    const out = maskPixels(file, masks);
    expect(out.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(out.bytes.length).toBe(file.length);
    const pixel = openImage(file).header.pixelData!;
    expect(Buffer.from(out.bytes.subarray(0, pixel.offset)).equals(Buffer.from(file.subarray(0, pixel.offset)))).toBe(true);
    await expectMasked(file, out.bytes, masks);
  });

  test('big endian multi-frame stays big endian', async () => {
    const file = multiFrameFile({ frames: 3, rows: 32, columns: 32, bigEndian: true });
    const masks = [{ x: 2, y: 2, width: 10, height: 5, frame: 1 }];
    const out = maskPixels(file, masks);
    expect(out.transferSyntaxUid).toBe('1.2.840.10008.1.2.2');
    await expectMasked(file, out.bytes, masks);
    expectOtherAttributesIdentical(file, out.bytes);
  });

  test('colour cine: a frame-null mask covers every frame, a frame mask only its frame', async () => {
    const file = syntheticUs({ frames: 4, rows: 60, columns: 80 });
    const masks = [{ x: 0, y: 0, width: 80, height: 10, frame: null }, { x: 30, y: 30, width: 8, height: 8, frame: 2 }];
    await expectMasked(file, maskPixels(file, masks).bytes, masks);
  });

  test('compressed (JPEG-LS): written as explicit VR little endian, by either form', async () => {
    const base = syntheticCt({ rows: 64, columns: 64 });
    const frame = await openImage(base).frame(0);
    const jls = await encodeJpegLs({ width: 64, height: 64, components: 1, bitsPerSample: 16, signed: true, bytes: frame });
    const file = compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.80', rows: 64, columns: 64, bitsAllocated: 16, signed: true, fragments: [jls] });
    const masks = [{ x: 3, y: 3, width: 20, height: 9, frame: null }];
    const out = await maskPixelsAsync(file, masks);
    await loadMaskCodecs();
    expect(Buffer.from(maskPixels(file, masks).bytes).equals(Buffer.from(out.bytes))).toBe(true); // the synchronous form, once the decoders are loaded
    expect(out.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    expect(out.conversions[0]).toMatch(/^JPEG-LS decoded and written uncompressed/);
    await expectMasked(file, out.bytes, masks);
    expectOtherAttributesIdentical(file, out.bytes);
  });

  test('JPEG lossless is masked synchronously too (a JavaScript decoder)', async () => {
    const values = Array.from({ length: 40 * 30 }, (_, i) => (i * 37) % 4000);
    const file = compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.70', rows: 30, columns: 40, bitsAllocated: 16, bitsStored: 12, fragments: [encodeJpegLossless(40, 30, 12, values)] });
    const masks = [{ x: 1, y: 2, width: 11, height: 7, frame: null }];
    const out = maskPixels(file, masks);
    expect(out.conversions[0]).toMatch(/^JPEG lossless decoded/);
    await expectMasked(file, out.bytes, masks);
  });

  test('images it cannot work on are refused plainly', () => {
    const noPixels = Uint8Array.from(compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.70', rows: 4, columns: 4, bitsAllocated: 8, fragments: [Uint8Array.of(1, 2)] }));
    expect(() => maskPixels(noPixels, [{ x: 0, y: 0, width: 2, height: 2, frame: null }])).toThrow(ImageError);
  });

  const SAMPLE_FOLDERS = /^(transfer-syntax|multiframe|us|xray-cr-dx-mg)\//;
  // One file per transfer syntax and modality (the first in the manifest), to keep the test short.
  const samples = samplesPresent
    ? [...new Map(readManifest()
      .filter((r) => SAMPLE_FOLDERS.test(r.path) && !/^(SR|ECG)$/.test(r.modality) && !/J2K_pixelrep_mismatch|NearLossless|MG1_JPLY|RG2_JPLY|RG3_J2KI|IM_0027/.test(r.path))
      .map((r) => [`${r.transferSyntaxUid} ${r.modality}`, r] as const)).values()]
    : [];
  test.skipIf(samples.length === 0)('every transfer syntax in the samples: pixels equal outside the masks, masked inside, other attributes identical', async () => {
    const dcmdump = optionalToolPresent('dcmdump', 'masked samples parse with dcmdump');
    const done: string[] = [];
    const undecodable: string[] = [];
    for (const row of samples) {
      const file = sampleBytes(row.path);
      if (file.length > 1_000_000) continue; // large images only slow the comparison down
      const decodable = await decodeAll(file).then(() => true, (error: unknown) => {
        if (error instanceof ImageError) return false;
        throw error;
      });
      if (!decodable) {
        // The core cannot decode it (e.g. 12-bit lossy JPEG); masking must then refuse, not guess.
        await expect(maskPixelsAsync(file, [centre(file)])).rejects.toThrow(ImageError);
        undecodable.push(row.path);
        continue;
      }
      const masks = [centre(file)];
      const out = await maskPixelsAsync(file, masks);
      await loadMaskCodecs();
      expect(Buffer.from(maskPixels(file, masks).bytes).equals(Buffer.from(out.bytes)), `${row.path}: synchronous form`).toBe(true);
      try {
        await expectMasked(file, out.bytes, masks);
        expectOtherAttributesIdentical(file, out.bytes);
      } catch (error) {
        throw new Error(`${row.path}: ${(error as Error).message}`);
      }
      if (dcmdump) {
        const r = spawnSync('dcmdump', ['-q', '+E', '-'], { input: out.bytes });
        expect(r.status, `${row.path}: dcmdump ${r.stderr.toString()}`).toBe(0);
      }
      done.push(row.transferSyntaxUid);
    }
    process.stdout.write(`masked ${done.length} sample files in ${new Set(done).size} transfer syntaxes; ${undecodable.length} the core cannot decode (refused)\n`);
    expect(new Set(done).size).toBeGreaterThanOrEqual(10);
  }, 240_000);
});
