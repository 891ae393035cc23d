/**
 * Locking clears the viewer: after clearViewerCaches() (what App calls when the vault locks) the
 * adapter's own stats show no decoded image, no parsed file, no read in flight; decoding works
 * again afterwards (new workers). Runs the production adapter on the test-only decode page.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLES_DIR, samplesPresent } from '../main/test-support/sample-corpus';
import { buildDecodePage, startDecodeServer, type DecodeServer } from './support/decode-server';

/** Instance 4 (the same CT again) is held by the server, so its read stays in flight. */
const FILES = ['ct-series/chest-ct-3slice-ge/01.dcm', 'multiframe/enhanced-mr-small/emri_small.dcm', 'transfer-syntax/misc-pydicom-data/JLSL_RGB_ILV0.dcm', 'ct-series/chest-ct-3slice-ge/02.dcm'].map((f) => path.join(SAMPLES_DIR, f));

test.describe('viewer caches', () => {
  test.skip(!samplesPresent, 'needs ../shared/dicom-samples');
  let server: DecodeServer & { release(): void };
  test.beforeAll(async () => {
    buildDecodePage();
    server = await startDecodeServer(FILES, new Set([4]));
  });
  test.afterAll(async () => server.close());

  test('clearing on lock empties every cache the viewer keeps', async ({ page }) => {
    await page.goto(`${server.origin}/`);
    await page.evaluate(async () => {
      await window.keepSample(1, null, 0);
      await window.keepSample(2, 10, 0);
      await window.keepSample(2, 10, 9);
      await window.keepSample(3, null, 0);
    });
    const before = await page.evaluate(() => window.viewerCacheStats());
    expect(before.imageBytes).toBeGreaterThan(0);
    expect(before.parsedFiles).toBe(3);
    expect(before.pixelOverrides).toBe(1); // the JPEG-LS by-plane frame

    await page.evaluate(() => {
      (window as unknown as { reading: Promise<string> }).reading = window.keepSample(4, null, 0).then(() => 'loaded', () => 'aborted');
    });
    await page.waitForFunction(() => window.viewerCacheStats().readsInFlight === 1);
    const after = await page.evaluate(async () => {
      window.clearViewerCaches();
      const outcome = await (window as unknown as { reading: Promise<string> }).reading;
      return { outcome, stats: window.viewerCacheStats() };
    });
    expect(after.stats).toEqual({ imageBytes: 0, parsedFiles: 0, parsedBytes: 0, readsInFlight: 0, prefetching: 0, pixelOverrides: 0, otherEntries: 0 });
    expect(after.outcome).toBe('aborted');

    // The viewer still works after a purge (its workers are started again).
    const again = await page.evaluate(async () => (await window.decodeSample(1, null, 0)).rows);
    expect(again).toBe(512);
  });
});
