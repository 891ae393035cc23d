import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPassages } from '../../../../shared/ai-record/passages';
import { drawText, soften } from '../../../test-support/documents/bitmap-font';
import { buildPdf } from '../../../test-support/documents/minimal-pdf';
import { encodeJpeg } from '../../../test-support/documents/jpeg';
import { encodePng } from '../../../test-support/documents/png';
import { DocumentTextError, extractDocumentText } from './index';
import { ocrPaths } from './ocr';

const FORM_LINES = ['CONSENT FOR IMAGING', 'YOUR IMAGES MAY BE DE-IDENTIFIED AND', 'SHARED WITH A THIRD PARTY CLOUD VENDOR', 'TO TRAIN AI MODELS. YOU MAY OPT OUT.'];
const photo = () => encodePng(soften(drawText(FORM_LINES, 4), 2));

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DocumentTextError);
  return (err as DocumentTextError).reason;
};

// OCR must not leave anything of the document on disk: run it with a temp folder of its own and
// look inside afterwards (tesseract.js is told not to cache; the folder must stay empty).
let ownTmp = '';
const savedTmp = process.env.TMPDIR;
beforeAll(() => { ownTmp = mkdtempSync(join(tmpdir(), 'sv-doctext-')); process.env.TMPDIR = ownTmp; });
afterAll(() => { if (savedTmp === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = savedTmp; rmSync(ownTmp, { recursive: true, force: true }); });

describe('extractDocumentText: PDF with a text layer', () => {
  it('gives the text of each page, in order, and the passages land on the right pages', async () => {
    const pdf = buildPdf([
      { text: ['Northfield Imaging Associates', 'Notice of Privacy Practices'] },
      { text: ['We use your information for treatment, payment and health care operations.'] },
      { text: ['Your images may be de-', 'identified and shared with a third party (a cloud vendor)', 'to train AI models. You may opt out in writing.'] },
    ]);
    const progress: [number, number][] = [];
    const result = await extractDocumentText(pdf, 'application/pdf', (d, t) => progress.push([d, t]));
    expect(result.method).toBe('pdf-text');
    expect(result.pages).toHaveLength(3);
    expect(result.pages[0]).toBe('Northfield Imaging Associates\nNotice of Privacy Practices');
    expect(result.pages[2]).toContain('de-\nidentified and shared with a third party (a cloud vendor)');
    expect(progress).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);
    const found = findPassages(result.pages).map((p) => [p.page, p.term, p.phrase]);
    expect(found).toContainEqual([2, 'operations', 'health care operations']);
    expect(found).toContainEqual([3, 'de-identified', 'de-\nidentified']);
    expect(found).toContainEqual([3, 'cloud', 'cloud']);
    expect(found).toContainEqual([3, 'training', 'train AI']);
    expect(found).toContainEqual([3, 'opt-out', 'opt out']);
    expect(found.filter((f) => f[0] === 1)).toEqual([]);
  });

  it('says damaged for a cut or garbled PDF, and unsupported for other kinds of file', async () => {
    const pdf = buildPdf([{ text: ['Consent'] }]);
    expect(await failure(extractDocumentText(pdf.subarray(0, 60), 'application/pdf'))).toBe('damaged');
    expect(await failure(extractDocumentText(new TextEncoder().encode('not a pdf at all'), 'application/pdf'))).toBe('damaged');
    expect(await failure(extractDocumentText(new TextEncoder().encode('plain text'), 'text/plain'))).toBe('unsupported-type');
    expect(await failure(extractDocumentText(buildPdf([{ text: ['Consent'] }], { locked: true }), 'application/pdf'))).toBe('password-protected');
    const err = await extractDocumentText(new Uint8Array([1, 2, 3]), 'application/msword').catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/PDF.*JPEG or PNG/);
  });

  it('stops with "cancelled" when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await failure(extractDocumentText(buildPdf([{ text: ['x'] }]), 'application/pdf', undefined, ac.signal))).toBe('cancelled');
  });
});

describe('extractDocumentText: OCR, offline', () => {
  it('reads a photo of a form (PNG) and the key phrases are found in what it read', async () => {
    const started = performance.now();
    const progress: [number, number][] = [];
    const result = await extractDocumentText(photo(), 'image/png', (d, t) => progress.push([d, t]));
    const ms = Math.round(performance.now() - started);
    console.log(`ocr one page (${FORM_LINES.length} lines, start-up included): ${ms} ms`);
    expect(result.method).toBe('ocr');
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]).toContain('SHARED WITH A THIRD PARTY CLOUD VENDOR');
    expect(progress).toEqual([[0, 1], [1, 1]]);
    const terms = new Set(findPassages(result.pages).map((p) => p.term));
    for (const t of ['de-identified', 'third-party', 'cloud', 'training', 'opt-out'] as const) expect(terms).toContain(t);
  });

  it('reads a scanned page inside a PDF by rendering it, and keeps the typed page as text', async () => {
    const pdf = buildPdf([{ text: ['Page one is typed.'] }, { image: soften(drawText(FORM_LINES, 4), 2) }]);
    const progress: [number, number][] = [];
    const result = await extractDocumentText(pdf, 'application/pdf', (d, t) => progress.push([d, t]));
    expect(result.method).toBe('ocr');
    expect(result.pages[0]).toBe('Page one is typed.');
    expect(result.pages[1]).toMatch(/THIRD PARTY CLOUD VENDOR/);
    expect(progress.at(-1)).toEqual([2, 2]);
    expect(findPassages(result.pages).filter((p) => p.term === 'cloud').map((p) => p.page)).toEqual([2]);
  });

  it('reads a JPEG photo too', async () => {
    const jpeg = await encodeJpeg(soften(drawText(FORM_LINES, 4), 2));
    if (!jpeg) { console.log('skipped: @napi-rs/canvas (optional pdf.js dependency) is absent, so no JPEG could be made'); return; }
    const result = await extractDocumentText(jpeg, 'image/jpeg');
    expect(result.pages[0]).toContain('THIRD PARTY CLOUD VENDOR');
  });

  it('stops with "cancelled" when the signal fires while the OCR reader starts or runs', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    // Not a timed assertion: the page must never be reported read (it would be, had the reader ignored the signal).
    const progress: [number, number][] = [];
    expect(await failure(extractDocumentText(photo(), 'image/png', (d, t) => progress.push([d, t]), ac.signal))).toBe('cancelled');
    expect(progress).not.toContainEqual([1, 1]);
  });

  it('says "no text layer" for a PDF of blank scanned pages, where OCR finds nothing either', async () => {
    const blank = { width: 400, height: 300, pixels: new Uint8Array(400 * 300).fill(255) };
    const err = await extractDocumentText(buildPdf([{ image: blank }]), 'application/pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentTextError);
    expect((err as DocumentTextError).reason).toBe('no-text-layer');
    expect((err as Error).message).toMatch(/no text.*photo of each page/);
  });

  it('says damaged for a picture that is cut short', async () => {
    expect(await failure(extractDocumentText(photo().subarray(0, 200), 'image/png'))).toBe('damaged');
  });

  it('wrote nothing to disk: no cache folder, the temp folder still empty', () => {
    expect(existsSync(ocrPaths().cachePath)).toBe(false);
    expect(readdirSync(ownTmp)).toEqual([]);
  });
});
