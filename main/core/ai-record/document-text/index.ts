/**
 * Consent-form reader, part 2: the text of an attached document, page by page.
 *
 * Entry point:
 *   extractDocumentText(bytes, mediaType, onProgress?, signal?)
 *     -> Promise<{ pages: string[]; method: 'pdf-text' | 'ocr' }>
 * - PDF with a text layer: pdf.js text per page (`method: 'pdf-text'`).
 * - PDF pages without text (a scan saved as PDF): rendered in memory and read by OCR; `method`
 *   is 'ocr' when any page was read that way. Where no renderer is available, or OCR finds no
 *   text either, it fails with reason 'no-text-layer'.
 * - PNG or JPEG (a photo of a form): OCR, one page.
 * The kind is taken from the bytes (`%PDF`, PNG and JPEG signatures); `mediaType` only decides
 * when the bytes say nothing. `onProgress(done, total)` counts pages. Failures are
 * DocumentTextError with a plain message that says what to do and a `reason`: unsupported-type,
 * damaged, password-protected, no-text-layer, cancelled (only that one carries an error code,
 * CANCELLED; the caller maps the others). Nothing of the document is written to disk.
 * Pass the result's `pages` to `findPassages` (shared/ai-record/passages.ts).
 */
import { DocumentTextError, throwIfAborted } from './errors';
import { OcrSession } from './ocr';
import { canRenderPages, openPdf, pageText, renderPage } from './pdf';

export { DocumentTextError, type DocumentTextFailure } from './errors';

export interface DocumentText {
  pages: string[];
  method: 'pdf-text' | 'ocr';
}

export type Progress = (done: number, total: number) => void;

type Kind = 'pdf' | 'image';

function kindOf(bytes: Uint8Array, mediaType: string): Kind | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) || starts(0xff, 0xd8, 0xff)) return 'image';
  const type = mediaType.toLowerCase().split(';')[0]?.trim() ?? '';
  // Declared as one of ours but the signature is wrong: a damaged file, not a wrong choice.
  if (type === 'application/pdf' || type === 'image/png' || type === 'image/jpeg' || type === 'image/jpg') {
    throw new DocumentTextError('damaged');
  }
  return null;
}

export async function extractDocumentText(
  bytes: Uint8Array, mediaType: string, onProgress?: Progress, signal?: AbortSignal,
): Promise<DocumentText> {
  throwIfAborted(signal);
  const kind = kindOf(bytes, mediaType);
  if (kind === null) throw new DocumentTextError('unsupported-type');
  return kind === 'pdf' ? readPdf(bytes, onProgress, signal) : readImage(bytes, onProgress, signal);
}

async function readImage(bytes: Uint8Array, onProgress: Progress | undefined, signal: AbortSignal | undefined): Promise<DocumentText> {
  onProgress?.(0, 1);
  const ocr = await OcrSession.start(signal);
  try {
    const text = await ocr.recognize(bytes, signal);
    onProgress?.(1, 1);
    return { pages: [text.trim()], method: 'ocr' };
  } finally {
    await ocr.stop();
  }
}

async function readPdf(bytes: Uint8Array, onProgress: Progress | undefined, signal: AbortSignal | undefined): Promise<DocumentText> {
  const pdf = await openPdf(bytes);
  try {
    const total = pdf.doc.numPages;
    const pages: string[] = [];
    const empty: number[] = [];
    onProgress?.(0, total);
    for (let n = 1; n <= total; n++) {
      throwIfAborted(signal);
      const page = await pdf.doc.getPage(n).catch(() => { throw new DocumentTextError('damaged'); });
      const text = await pageText(page).catch(() => { throw new DocumentTextError('damaged'); });
      pages.push(text);
      if (text === '') empty.push(n);
      page.cleanup();
      // Pages that need OCR are counted again below, so the bar only reaches the end at the end.
      onProgress?.(n - empty.length, total);
    }
    if (empty.length === 0) return { pages, method: 'pdf-text' };
    if (!canRenderPages()) {
      if (empty.length === total) throw new DocumentTextError('no-text-layer');
      return { pages, method: 'pdf-text' };
    }
    await ocrPages(pdf.doc, empty, pages, (done) => onProgress?.(total - empty.length + done, total), signal);
    if (pages.every((p) => p === '')) throw new DocumentTextError('no-text-layer');
    return { pages, method: 'ocr' };
  } finally {
    await pdf.close();
  }
}

async function ocrPages(
  doc: Awaited<ReturnType<typeof openPdf>>['doc'], pageNumbers: readonly number[], pages: string[],
  progress: (done: number) => void, signal: AbortSignal | undefined,
): Promise<void> {
  const ocr = await OcrSession.start(signal);
  try {
    let done = 0;
    for (const n of pageNumbers) {
      throwIfAborted(signal);
      const page = await doc.getPage(n);
      const png = await renderPage(page).catch(() => { throw new DocumentTextError('damaged'); });
      page.cleanup();
      if (png) pages[n - 1] = (await ocr.recognize(png, signal)).trim();
      progress(++done);
    }
  } finally {
    await ocr.stop();
  }
}
