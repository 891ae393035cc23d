/**
 * Display correctness: the 8-bit values the viewer draws (the production stack view at 1:1 zoom,
 * nearest neighbour, read back from its canvas) against dcmtk's dcm2pnm for the same frame and
 * window. Monochrome pictures are drawn in a fixed window centred on their value range and half
 * as wide (both ends clip, the middle is stretched: modality LUT, window and MONOCHROME1 all
 * show); colour pictures as they are.
 *
 * Tolerances: monochrome within 1 grey level (the bound: the viewer's GPU window and
 * dcmtk's integer one round differently at level boundaries); colour within 2 (the YCbCr-to-RGB
 * arithmetic differs, as in the decode spec). Files whose decoded pixels are already known to
 * differ (decode-samples.ts), lossy files (whose stored values differ by up to 2, magnified by the
 * narrow window; the decode spec bounds them), pictures with non-square pixels (drawn at their
 * true aspect ratio, so nothing is 1:1) and files dcm2pnm cannot render are left out and counted,
 * never silently. SHOWN_WRONG and REFERENCE_WRONG state, with reasons, where the two disagree.
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { samplesPresent } from '../main/test-support/sample-corpus';
import { optionalToolPresent } from '../main/test-support/optional-tools';
import { KNOWN_WRONG, LOSSY, samples, UNVIEWABLE } from './support/decode-samples';
import { useDecodePage } from './support/decode-server';
import { dcm2pnm } from './support/display-reference';
import { NO_INDEPENDENT_DECODER } from './support/reference-pixels';

const toolsPresent = samplesPresent && optionalToolPresent('dcm2pnm', 'viewer display values');
const MONO_TOLERANCE = 1;
const COLOUR_TOLERANCE = 2;
/** Larger pictures (mammograms) are left out to keep the canvas and the run small. */
const MAX_SIDE = 2048;

/** The viewer draws these wrongly, and why (checked to still differ, so the list stays true). */
const SHOWN_WRONG: Record<string, string> = {};

/** dcm2pnm renders these wrongly, and why (checked by hand against the stored values). */
const REFERENCE_WRONG: Record<string, string> = {
  'multiframe/enhanced-mr-philips/IM_0027_fMAP.dcm': 'dcmtk 3.6.7 ignores the per-frame Pixel Value Transformation (rescale slope 1.28): its output equals the stored values windowed with slope 1; the viewer applies the slope',
};

/** A top-level attribute's value as dcmdump prints it (an icon image nested in a sequence may have its own). */
function topLevel(file: string, tag: string): string {
  const line = spawnSync('dcmdump', ['-q', '+P', tag, file], { encoding: 'utf8' }).stdout.split('\n').find((l) => l.startsWith(`(${tag})`));
  return /\[([^\]]*)\]/.exec(line ?? '')?.[1]?.trim() ?? '';
}

/** Non-square pixels are drawn at their true aspect ratio, so there is no 1:1 picture to compare. */
function squarePixels(file: string): boolean {
  const ratio = (text: string): number => { const [a, b] = text.split('\\').map(Number); return a && b ? a / b : 1; };
  return Math.abs(ratio(topLevel(file, '0028,0030')) - 1) < 1e-6 && Math.abs(ratio(topLevel(file, '0028,0034')) - 1) < 1e-6;
}

test.describe('viewer display values', () => {
  test.skip(!toolsPresent, 'needs ../shared/dicom-samples and dcmtk');
  // A few minutes alone; on the shared 2-core machine under load (load average 14) a run took 16.
  test.setTimeout(1_800_000);
  const list = toolsPresent ? samples() : [];
  const origin = useDecodePage(list.map((s) => s.file));

  test('what the canvas shows matches dcm2pnm', async ({ page }) => {
    await page.setViewportSize({ width: MAX_SIDE, height: MAX_SIDE });
    await page.goto(`${origin()}/`);
    const tally: Record<string, number> = {};
    const problems: string[] = [];
    const count = (what: string): void => { tally[what] = (tally[what] ?? 0) + 1; };
    for (const [index, s] of list.entries()) {
      if (KNOWN_WRONG[s.rel] !== undefined || UNVIEWABLE[s.rel] !== undefined) { count('left out: pixels known wrong or unviewable'); continue; }
      if (LOSSY.has(s.ts)) { count('left out: lossy'); continue; }
      if (NO_INDEPENDENT_DECODER[s.ts] !== undefined) { count('left out: dcmtk cannot decode the syntax'); continue; }
      if (REFERENCE_WRONG[s.rel] !== undefined) { count('left out: dcm2pnm wrong (stated)'); continue; }
      if (!squarePixels(s.file)) { count('left out: non-square pixels'); continue; }
      const mono = topLevel(s.file, '0028,0004').startsWith('MONOCHROME');
      const shown = await page.evaluate(async ([id, frames, isMono, maxSide]) => {
        try {
          const r = await window.renderDisplay(id, frames, 0, isMono ? 'half-range' : null);
          return r.width > maxSide || r.height > maxSide ? { skipped: true as const } : r;
        } catch (e) {
          return { error: e instanceof Error ? e.message : String(e) };
        }
      }, [index + 1, s.frames, mono, MAX_SIDE] as const);
      if ('skipped' in shown) { count('left out: larger than 2048'); continue; }
      if ('error' in shown) { problems.push(`${s.rel}: the viewer could not draw it: ${shown.error}`); continue; }
      const ref = dcm2pnm(s.file, s.ts, 0, mono ? shown.window : null);
      if ('error' in ref) { count('left out: dcm2pnm cannot render it'); console.log(`dcm2pnm: ${s.rel}: ${ref.error}`); continue; }
      if (ref.width !== shown.width || ref.height !== shown.height) { problems.push(`${s.rel}: canvas ${shown.width}x${shown.height}, dcm2pnm ${ref.width}x${ref.height}`); continue; }
      const rgba = Buffer.from(shown.base64, 'base64');
      let maxDiff = 0;
      let off = 0;
      for (let p = 0; p < ref.width * ref.height; p++) {
        for (let c = 0; c < 3; c++) {
          const expected = ref.values[p * ref.channels + (ref.channels === 1 ? 0 : c)] ?? 0;
          const d = Math.abs((rgba[p * 4 + c] ?? 0) - expected);
          if (d > 0) off++;
          if (d > maxDiff) maxDiff = d;
        }
      }
      const tolerance = mono ? MONO_TOLERANCE : COLOUR_TOLERANCE;
      const within = maxDiff <= tolerance;
      if (SHOWN_WRONG[s.rel] !== undefined) {
        count('shown wrong (stated)');
        if (within) problems.push(`${s.rel}: listed as shown wrong but now matches (update SHOWN_WRONG)`);
      } else if (within) count(mono ? 'monochrome within 1' : 'colour within 2');
      else problems.push(`${s.rel}: differs by up to ${maxDiff} grey levels (${off} of ${ref.width * ref.height * 3} values differ; window ${JSON.stringify(shown.window)})`);
    }
    for (const rel of Object.keys(SHOWN_WRONG)) if (!list.some((s) => s.rel === rel)) problems.push(`${rel}: listed but not checked`);
    console.log(JSON.stringify(tally));
    for (const p of problems) console.log(p);
    expect((tally['monochrome within 1'] ?? 0) + (tally['colour within 2'] ?? 0)).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});
