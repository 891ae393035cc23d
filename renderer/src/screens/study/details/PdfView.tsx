/**
 * A PDF from the vault (a loose PDF attachment, or the PDF inside an Encapsulated PDF instance),
 * read through the byte channel into memory and drawn page by page with pdf.js (pdf-engine.ts:
 * no network, no scripts). Page and zoom controls are buttons; PageUp/PageDown and +/- work too.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fetchBytes } from '../../../api/bytes';
import { clampPage, DEFAULT_ZOOM_INDEX, zoomLabel, zoomStep, ZOOM_STEPS } from './pdf-controls';
import type { OpenedPdf, PDFDocumentProxy } from './pdf-engine';

export interface PdfSource {
  kind: 'attachment' | 'encapsulated-pdf' | 'ai-document';
  id: number;
}

const UNREADABLE = 'This PDF could not be opened: it may be damaged or use features ScanVault cannot show. The file is kept unchanged in the vault.';

export function PdfView({ source, title }: { source: PdfSource; title?: string | null }) {
  const { kind, id } = source;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(DEFAULT_ZOOM_INDEX);
  const [rendering, setRendering] = useState(false);

  useEffect(() => {
    let live = true;
    let opened: OpenedPdf | null = null;
    setDoc(null);
    setError(null);
    setPage(1);
    void (async () => {
      const bytes = await fetchBytes({ kind, id });
      if (!live) return;
      if (!bytes.ok) {
        setError(bytes.error.message);
        return;
      }
      try {
        const { openPdf } = await import('./pdf-engine');
        opened = await openPdf(new Uint8Array(bytes.value));
        if (live) setDoc(opened.doc);
        else void opened.destroy();
      } catch {
        if (live) setError(UNREADABLE);
      }
    })();
    return () => {
      live = false;
      // Drops the decoded document from memory (and its worker's copy) when the view closes.
      void opened?.destroy();
    };
  }, [kind, id]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (doc === null || canvas === null) return;
    let live = true;
    setRendering(true);
    void (async () => {
      try {
        const { renderPage } = await import('./pdf-engine');
        await renderPage(doc, clampPage(page, doc.numPages), ZOOM_STEPS[zoom] ?? 1, canvas);
      } catch {
        if (live) setError(UNREADABLE);
      } finally {
        if (live) setRendering(false);
      }
    })();
    return () => { live = false; };
  }, [doc, page, zoom]);

  const pages = doc?.numPages ?? 0;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (doc === null) return;
    const moves: Record<string, () => void> = {
      PageDown: () => setPage((p) => clampPage(p + 1, pages)),
      PageUp: () => setPage((p) => clampPage(p - 1, pages)),
      '+': () => setZoom((z) => zoomStep(z, 1)),
      '=': () => setZoom((z) => zoomStep(z, 1)),
      '-': () => setZoom((z) => zoomStep(z, -1)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  };

  return (
    <section className="details-section pdf-view" aria-label="PDF document">
      {title && <h3><bdi>{title}</bdi></h3>}
      <ErrorAlert message={error} />
      {doc === null && error === null && <p className="details-muted" role="status">Opening the document…</p>}
      {doc !== null && (
        <div className="pdf-toolbar" role="toolbar" aria-label="Document pages and zoom">
          <button type="button" onClick={() => setPage((p) => clampPage(p - 1, pages))} disabled={page <= 1}>Previous page</button>
          <span role="status" aria-live="polite">Page {page} of {pages}</span>
          <button type="button" onClick={() => setPage((p) => clampPage(p + 1, pages))} disabled={page >= pages}>Next page</button>
          <button type="button" onClick={() => setZoom((z) => zoomStep(z, -1))} disabled={zoom <= 0} aria-label="Zoom out">−</button>
          <span aria-label={`Zoom ${zoomLabel(zoom)}`}>{zoomLabel(zoom)}</span>
          <button type="button" onClick={() => setZoom((z) => zoomStep(z, 1))} disabled={zoom >= ZOOM_STEPS.length - 1} aria-label="Zoom in">+</button>
        </div>
      )}
      {/* Focusable so the keyboard can scroll and page through the document. */}
      <div className="pdf-canvas-wrap" tabIndex={0} onKeyDown={onKeyDown} aria-label={`Page ${page} of the document`} role="img" aria-busy={rendering} hidden={doc === null}>
        <canvas ref={canvasRef} />
      </div>
    </section>
  );
}
