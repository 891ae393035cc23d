/**
 * Decoding correctness: for every image in ../shared/dicom-samples, the pixel array the viewer's
 * decode path yields (the production adapter in Chromium: byte channel, loader, web workers, WASM
 * codecs, under the app's CSP) equals an independent decoder's (e2e/support/reference-pixels.ts).
 * Tolerances are per syntax family, stated in TOLERANCE below.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLES_DIR, samplesPresent } from '../main/test-support/sample-corpus';
import { optionalToolPresent } from '../main/test-support/optional-tools';
import { useDecodePage } from './support/decode-server';
import { KNOWN_WRONG, LOSSY, samples, UNVIEWABLE, UNVIEWABLE_SAYS } from './support/decode-samples';
import { NO_INDEPENDENT_DECODER, referencePixels, type Reference } from './support/reference-pixels';

const toolsPresent = samplesPresent && optionalToolPresent('dcmdump', 'viewer decoding correctness') && optionalToolPresent('gdcminfo', 'viewer decoding correctness');

/**
 * Files encoded losslessly from another sample in the corpus (the same pixels, re-encoded): the
 * original, decoded by dcmtk, is the reference where no independent decoder reads the encoding
 * itself. Never a lossy re-encoding: its own compression error would count against the viewer.
 */
const SIBLINGS: Record<string, string> = {
  'transfer-syntax/misc-pydicom-data/liver_deflate.dcm': 'sr-pdf-rt-other/liver.dcm',
  'transfer-syntax/misc-pydicom-data/liver_rle.dcm': 'sr-pdf-rt-other/liver.dcm',
};

const TYPED: Record<string, (b: Buffer) => ArrayLike<number>> = {
  Uint8Array: (b) => new Uint8Array(b.buffer, b.byteOffset, b.length),
  Uint8ClampedArray: (b) => new Uint8Array(b.buffer, b.byteOffset, b.length),
  Int8Array: (b) => new Int8Array(b.buffer, b.byteOffset, b.length),
  Uint16Array: (b) => new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)),
  Int16Array: (b) => new Int16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)),
  Uint32Array: (b) => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)),
  Int32Array: (b) => new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)),
  Float32Array: (b) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)),
};

interface Outcome { rel: string; ts: string; frame: number; status: string; maxDiff?: number; off?: number; detail?: string; tolerance?: number }

/**
 * Largest difference allowed from the reference, per value:
 * - lossless syntaxes, monochrome: 0.01 (float32 rounding of rescaled values; stored values are exact);
 * - colour converted from YBR_FULL / YBR_FULL_422 (native or RLE): 2 (Cornerstone's and dcmtk's
 *   YCbCr-to-RGB arithmetic round differently; no decoding is involved);
 * - lossy syntaxes (JPEG DCT, JPEG-LS near-lossless, JPEG 2000 irreversible): 2 stored values,
 *   times the rescale slope in modality units (libjpeg-turbo/OpenJPEG in the viewer against IJG in
 *   dcmtk/GDCM: IDCT rounding).
 */
function tolerance(ts: string, ref: Reference, slope: number): number {
  if (LOSSY.has(ts)) return 2 * Math.max(1, Math.abs(slope));
  if (ref.kind === 'color' && ref.attrs.photometric.startsWith('YBR')) return 2;
  return 0.01;
}

/** Files with no reference, besides the syntaxes in NO_INDEPENDENT_DECODER. */
const NO_REFERENCE: Record<string, string> = {
  'malformed/JPEG2000-embedded-sequence-delimiter.dcm': 'a damaged codestream GDCM refuses (the viewer shows what OpenJPEG recovers)',
};

function compare(ref: Reference, frame: number, decoded: { rows: number; columns: number; channels: number; arrayType: string; base64: string }): { maxDiff: number; off: number; detail?: string } {
  if (ref.kind === 'none') return { maxDiff: NaN, off: NaN };
  if (decoded.rows !== ref.attrs.rows || decoded.columns !== ref.attrs.columns) return { maxDiff: Infinity, off: NaN, detail: `size ${decoded.columns}x${decoded.rows}` };
  const values = TYPED[decoded.arrayType]?.(Buffer.from(decoded.base64, 'base64'));
  if (values === undefined) return { maxDiff: Infinity, off: NaN, detail: `array ${decoded.arrayType}` };
  const expected = ref.frame(frame);
  const pixels = decoded.rows * decoded.columns;
  const channels = ref.kind === 'mono' ? 1 : 3;
  if (decoded.channels !== channels && !(channels === 3 && decoded.channels === 4)) return { maxDiff: Infinity, off: NaN, detail: `channels ${decoded.channels}` };
  let maxDiff = 0;
  let off = 0;
  let sum = 0;
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < channels; c++) {
      const d = Math.abs((values[p * decoded.channels + c] ?? NaN) - (expected[p * channels + c] ?? NaN));
      if (!(d <= 1e-3)) off++;
      sum += (values[p * decoded.channels + c] ?? 0) - (expected[p * channels + c] ?? 0);
      if (!(d <= maxDiff)) maxDiff = Number.isNaN(d) ? Infinity : d;
    }
  }
  return { maxDiff, off, detail: `mean ${(sum / (pixels * channels)).toFixed(3)}` };
}

test.describe('viewer decoding correctness', () => {
  test.skip(!toolsPresent, 'needs ../shared/dicom-samples, dcmtk and GDCM');
  test.setTimeout(900_000);
  const list = toolsPresent ? samples() : [];
  const origin = useDecodePage(list.map((s) => s.file));

  test('every image sample decodes to the independent decoder\'s pixels', async ({ page }) => {
    await page.goto(`${origin()}/`);
    const outcomes: Outcome[] = [];
    for (const [index, s] of list.entries()) {
      const ref = referencePixels(s.file, s.ts);
      const siblingRel = SIBLINGS[s.rel];
      const sibling = siblingRel === undefined ? null : referencePixels(path.join(SAMPLES_DIR, siblingRel), '1.2.840.10008.1.2.1');
      const frameCount = s.frames ?? 1;
      for (const frame of [...new Set([0, frameCount - 1])]) {
        const decoded = await page.evaluate(async ([id, frames, f]) => {
          try {
            return await window.decodeSample(id, frames, f);
          } catch (e) {
            const err = (e as { error?: unknown }).error ?? e;
            return { error: err instanceof Error ? err.message : String(err) };
          }
        }, [index + 1, s.frames, frame] as const);
        if ('error' in decoded) {
          outcomes.push({ rel: s.rel, ts: s.ts, frame, status: 'viewer-error', detail: decoded.error.slice(0, 120) });
          continue;
        }
        // The sibling (the same pixels before re-encoding) when there is one, else the direct reference.
        const chosen = sibling ?? ref;
        if (chosen.kind === 'none') {
          outcomes.push({ rel: s.rel, ts: s.ts, frame, status: 'no-reference', detail: chosen.reason.slice(0, 120) });
          continue;
        }
        const c = compare(chosen, frame, decoded);
        outcomes.push({ rel: s.rel, ts: s.ts, frame, status: `${sibling ? 'sibling-' : ''}${chosen.kind}`, maxDiff: c.maxDiff, off: c.off, tolerance: tolerance(s.ts, chosen, decoded.slope), ...(c.detail ? { detail: c.detail } : {}) });
      }
    }
    const problems: string[] = [];
    const tally: Record<string, number> = {};
    for (const o of outcomes) {
      const where = `${o.rel} frame ${o.frame + 1}`;
      let verdict: string;
      if (o.status === 'viewer-error') {
        const says = UNVIEWABLE_SAYS[o.rel];
        if (UNVIEWABLE[o.rel] === undefined) verdict = 'UNEXPECTED ERROR';
        else verdict = says === undefined || says.test(o.detail ?? '') ? 'unviewable (stated)' : `UNEXPECTED: unviewable, but the viewer does not say ${String(says)}`;
      }
      else if (o.status === 'no-reference') verdict = (NO_INDEPENDENT_DECODER[o.ts] ?? NO_REFERENCE[o.rel]) !== undefined ? 'no reference (stated)' : 'UNEXPECTED: no reference';
      else {
        const within = (o.maxDiff ?? Infinity) <= (o.tolerance ?? 0);
        if (KNOWN_WRONG[o.rel] !== undefined) verdict = within ? 'UNEXPECTED: known-wrong file now matches (update KNOWN_WRONG)' : 'known wrong (stated)';
        else verdict = within ? 'matches' : `UNEXPECTED: differs by ${o.maxDiff} (${o.off} values; tolerance ${o.tolerance})`;
      }
      tally[verdict] = (tally[verdict] ?? 0) + 1;
      if (verdict.startsWith('UNEXPECTED')) problems.push(`${where}: ${verdict} ${o.detail ?? ''}`);
      if (verdict !== 'matches') console.log(`${verdict}\t${where}\t${o.maxDiff ?? ''}\t${o.detail ?? ''}`);
    }
    for (const rel of Object.keys({ ...UNVIEWABLE, ...KNOWN_WRONG })) {
      if (!outcomes.some((o) => o.rel === rel)) problems.push(`${rel}: listed but not checked`);
    }
    console.log(JSON.stringify(tally));
    expect(outcomes.filter((o) => o.status === 'mono' || o.status === 'color' || o.status.startsWith('sibling')).length).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });
});
