/**
 * pdf.js set up for patient documents, loaded only when a PDF is opened. No network: the worker
 * is bundled by Vite from the package; CMaps, standard fonts, wasm decoders and ICC profiles are
 * copied beside the app by scripts/build.mjs and read from the app's own origin. No scripts: the
 * document is only rendered to a canvas (no viewer, no forms, no JavaScript actions, no XFA) and
 * links are not made clickable. pdf.js 6 has no eval path any more (its `isEvalSupported` option
 * is gone); the page's CSP has no 'unsafe-eval' either, so none could run.
 */
import { AnnotationMode, getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Where scripts/build.mjs puts pdf.js's data files, relative to the page. */
export const PDF_ASSETS_DIR = 'pdfjs/';

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  /** Frees the document here and in the worker (the decrypted bytes with it). */
  destroy(): Promise<void>;
}

export async function openPdf(data: Uint8Array): Promise<OpenedPdf> {
  const assets = new URL(PDF_ASSETS_DIR, document.baseURI).href;
  const task = getDocument({
    data,
    enableXfa: false,
    cMapUrl: `${assets}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${assets}standard_fonts/`,
    wasmUrl: `${assets}wasm/`,
    iccUrl: `${assets}iccs/`,
    // The whole file is already in memory: no range or stream requests anywhere.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
  });
  try {
    return { doc: await task.promise, destroy: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    throw error;
  }
}

/** Draws one page onto the canvas at `scale` (CSS pixels per PDF point), sharp on high-DPI screens. */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, scale: number, canvas: HTMLCanvasElement): Promise<{ width: number; height: number }> {
  const page = await doc.getPage(pageNumber);
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  const size = { width: Math.floor(viewport.width / ratio), height: Math.floor(viewport.height / ratio) };
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${size.height}px`;
  await page.render({ canvas, viewport, annotationMode: AnnotationMode.ENABLE }).promise;
  page.cleanup();
  return size;
}

export type { PDFDocumentProxy };
