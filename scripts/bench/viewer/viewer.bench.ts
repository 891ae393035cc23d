/// <reference lib="dom" />
/**
 * bench:viewer (run by scripts/bench-viewer.mjs): open-to-first-image and sustained cine fps in
 * Chromium through the browser host, on a 512x512 CT series of BENCH_SLICES images generated from
 * the sample slices with new UIDs. Prints raw per-frame times, then the two summary lines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeCtVolume } from '../../../main/test-support/dicom/ct-volume';
import { sampleBytes } from '../../../main/test-support/sample-corpus';
import { createVault, importPath } from '../../../e2e/support/pages';
import { test, expect } from '../../../e2e/support/serve-fixture';

const SLICES = Number(process.env.BENCH_SLICES ?? 240);
const OPENS = 5;
const CINE_MS = 6000;

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? NaN; };

const getRendererNote = (backend: string | null): string =>
  backend === 'cpu' ? "Cornerstone's CPU path: this browser's WebGL is a software rasteriser" : "Cornerstone's WebGL path";

test('bench:viewer', async ({ app, page }) => {
  test.setTimeout(600_000);
  const dir = path.join(path.dirname(app.vaultDir), 'BENCH_CT');
  mkdirSync(dir, { recursive: true });
  const src = ['01', '02', '03'].map((n) => sampleBytes(`ct-series/chest-ct-3slice-ge/${n}.dcm`));
  makeCtVolume(src, SLICES).forEach((b, i) => writeFileSync(path.join(dir, `IM${String(i).padStart(4, '0')}`), b));
  await createVault(page, app.url);
  await importPath(page, dir, 'Bench');

  const opens: number[] = [];
  for (let k = 0; k < OPENS; k += 1) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    const open = page.getByRole('button', { name: /^Open study:/ }).first();
    await open.waitFor();
    // Timed inside the page: the click, then the first render the viewport reports.
    opens.push(await page.evaluate(() => new Promise<number>((resolve) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label')?.startsWith('Open study:'));
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="viewport-1"][data-rendered-index]')) { observer.disconnect(); resolve(performance.now() - t0); }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered-index'] });
      button?.click();
    })));
    if (k < OPENS - 1) await page.getByRole('button', { name: 'Back to library' }).click();
  }

  // Cine at the highest rate the control allows; frames counted as the viewport reports them.
  await page.getByLabel('Pictures per second').fill('60');
  type Timings = { fetch: number[]; decode: number[]; render: number[] };
  type Hook = { snapshot: () => Timings; clear: () => void };
  const frames = await page.evaluate((ms) => new Promise<{ t: number[]; fetch: number[]; timings: Timings | null }>((resolve) => {
    const hook = (globalThis as { scanvaultViewerTimings?: Hook }).scanvaultViewerTimings;
    hook?.clear();
    performance.clearResourceTimings();
    const vp = document.querySelector('[data-testid="viewport-1"]');
    const t: number[] = [];
    const observer = new MutationObserver(() => t.push(performance.now()));
    if (vp) observer.observe(vp, { attributes: true, attributeFilter: ['data-rendered-index'] });
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Play')?.click();
    setTimeout(() => {
      observer.disconnect();
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Pause')?.click();
      const fetch = performance.getEntriesByType('resource').filter((e) => e.name.includes('/bytes/instance/')).map((e) => e.duration);
      resolve({ t, fetch, timings: hook?.snapshot() ?? null });
    }, ms);
  }), CINE_MS);
  // What cine was drawn with, and proof it drew a picture: a fast path that paints black is no path.
  const vp1 = page.getByTestId('viewport-1');
  const backend = await vp1.getAttribute('data-renderer');
  const lit = await vp1.evaluate((el) => {
    const canvas = el.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if ((px[i] ?? 0) + (px[i + 1] ?? 0) + (px[i + 2] ?? 0) > 30) n += 1;
    return n / (px.length / 4);
  });
  await vp1.screenshot({ path: test.info().outputPath('after-cine.png') });
  expect(lit, 'the viewport shows a picture after cine').toBeGreaterThan(0.05);
  const steady = frames.t.filter((x) => x - (frames.t[0] ?? 0) > 1000);
  const intervals = steady.slice(1).map((x, i) => x - (steady[i] ?? x));
  const fps = intervals.length ? 1000 / (intervals.reduce((a, b) => a + b, 0) / intervals.length) : 0;
  expect(opens.length).toBe(OPENS);

  const r = (x: number): string => x.toFixed(1);
  console.log(`series: ${SLICES} CT images, 512x512, ${OPENS} opens`);
  console.log(`open -> first image (ms): ${opens.map(r).join(' ')}`);
  console.log(`cine frame intervals (ms, render to render, after 1 s warm-up): ${intervals.map(r).join(' ')}`);
  console.log(`byte fetches during cine (ms each, ${frames.fetch.length}): ${frames.fetch.map(r).join(' ')}`);
  // The adapter's own hooks (renderer/src/viewer/cornerstone/timings.ts): fetch and decode per picture
  // loaded (ahead of cine by the prefetch), render per picture shown.
  for (const kind of ['fetch', 'decode', 'render'] as const) {
    const xs = frames.timings?.[kind] ?? [];
    console.log(`${kind} per picture (ms, ${xs.length}, median ${r(median(xs))}): ${xs.map(r).join(' ')}`);
  }
  console.log(`drawn with: ${backend ?? 'unknown'} (${getRendererNote(backend)}), ${Math.round(lit * 100)}% of the viewport lit after cine`);
  console.log(`first image: ${Math.round(median(opens))} ms`);
  console.log(`cine: ${Math.round(fps)} fps`);
});
