/**
 * PDF pages through pdf.js's legacy build (the one meant for Node). No worker file is loaded from
 * disk by us: in Node pdf.js runs its worker code in-process ("fake worker"). The document is
 * parsed from memory; no scripts, no XFA, no font faces. Pages without text (a scanned form) can
 * be rendered to PNG in memory through @napi-rs/canvas, which pdf.js already brings as an
 * optional dependency; where that module is missing, `renderPage` returns null.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DocumentTextError } from './errors';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

export interface OpenPdf {
  doc: PDFDocumentProxy;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const task = getDocument({
    // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
    wasmUrl: `${join(PDFJS_DIR, 'wasm')}/`,
    cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
    cMapPacked: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw new DocumentTextError(error instanceof Error && error.name === 'PasswordException' ? 'password-protected' : 'damaged');
  }
}

/**
 * The page's text in reading order as pdf.js gives it, one line break where pdf.js ends a line.
 * Pieces of one line are joined with a space unless the next starts where the last one ended:
 * browsers' "Save as PDF" writes a ligature such as "fi" as its own piece ("de-identi" "fi" "ed"),
 * which must stay one word for the passage finder.
 */
export async function pageText(page: Pick<PDFPageProxy, 'getTextContent'>): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  let last: { endX: number; y: number; size: number } | null = null;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
    const size = Math.hypot(a, b) || item.height || 1;
    const touching = last !== null && item.str !== '' && Math.abs(y - last.y) < 0.5 * size && Math.abs(x - last.endX) < 0.15 * size;
    if (touching && text.endsWith(' ')) text = text.slice(0, -1);
    text += item.str;
    if (item.hasEOL) {
      text += '\n';
      last = null;
    } else if (item.str !== '') {
      if (!text.endsWith(' ') && !text.endsWith('\n')) text += ' ';
      last = { endX: x + item.width, y, size };
    }
  }
  return text.replace(/[ \t]+\n/g, '\n').trim();
}

interface NodeCanvas { getContext(kind: '2d'): unknown; toBuffer(mime: 'image/png'): Buffer }
type CanvasModule = { createCanvas(width: number, height: number): NodeCanvas };

let canvasModule: CanvasModule | null | undefined;
function loadCanvas(): CanvasModule | null {
  if (canvasModule === undefined) {
    try {
      canvasModule = require('@napi-rs/canvas') as CanvasModule;
    } catch {
      canvasModule = null; // optional dependency absent on this platform
    }
  }
  return canvasModule;
}

export function canRenderPages(): boolean {
  return loadCanvas() !== null;
}

/** Longest side of a rendered page, in pixels: about 240 dpi for a Letter or A4 page. */
const RENDER_LONG_SIDE = 2600;

/** Renders the page to a PNG in memory for OCR, or null when no canvas module is available. */
export async function renderPage(page: PDFPageProxy): Promise<Uint8Array | null> {
  const canvasLib = loadCanvas();
  if (!canvasLib) return null;
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(4, RENDER_LONG_SIDE / Math.max(base.width, base.height));
  const viewport = page.getViewport({ scale });
  const canvas = canvasLib.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  // pdf.js types its canvas as the DOM's HTMLCanvasElement, which the Node build has no type for;
  // in Node it draws on exactly this @napi-rs/canvas object.
  await page.render({ canvas: canvas as never, viewport, background: 'white' }).promise;
  return new Uint8Array(canvas.toBuffer('image/png'));
}
