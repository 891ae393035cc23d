import { useEffect, useId, useRef, useState } from 'react';
import type { CompareResult } from '../../../../shared/compare/compare-report';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CompareView } from '../../viewer/cornerstone/compare-view';
import { imageIdsFor } from '../../viewer/cornerstone/image-ids';
import { drawDifferences } from './difference-overlay';

const framesOf = (n: number | null | undefined): number | null => (n !== null && n !== undefined && n > 1 ? n : null);

/** Original and copy in two viewports, kept on the same frame, window and zoom, with the differences drawn over both. */
export function SideBySide({ result, onClose }: { result: CompareResult; onClose: () => void }) {
  const originalRef = useRef<HTMLDivElement>(null);
  const copyRef = useRef<HTMLDivElement>(null);
  const originalOverlay = useRef<HTMLCanvasElement>(null);
  const copyOverlay = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<CompareView | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [frame, setFrame] = useState(0);
  const [originalFrame, setOriginalFrame] = useState(0);
  const [overlay, setOverlay] = useState(true);
  const [win, setWin] = useState({ width: '', center: '' });
  const overlayRef = useRef(overlay);
  overlayRef.current = overlay;
  const redrawRef = useRef<() => void>(() => undefined);
  const sliderId = useId();
  const widthId = useId();
  const centerId = useId();
  const count = Math.max(1, result.frames ?? 1, result.original?.frames ?? 1);

  useEffect(() => {
    const a = originalRef.current;
    const b = copyRef.current;
    if (!a || !b || result.original === undefined || result.copyId === undefined) return undefined;
    let live = true;
    let view: CompareView | null = null;
    const offs: (() => void)[] = [];
    const redraw = (): void => {
      if (!view || !live) return;
      const state = view.copy.state();
      setFrame(state.index);
      setOriginalFrame(view.original.state().index);
      if (state.windowWidth !== null && state.windowCenter !== null) setWin({ width: String(Math.round(state.windowWidth)), center: String(Math.round(state.windowCenter)) });
      const boxes = result.pixels?.frames.find((f) => f.frame === state.index + 1)?.boxes ?? [];
      const mask = overlayRef.current ? view.differenceMask() : null;
      for (const [v, canvas] of [[view.original, originalOverlay.current], [view.copy, copyOverlay.current]] as const) {
        if (canvas) drawDifferences(canvas, overlayRef.current ? view.imageRect(v) : null, mask, boxes);
      }
    };
    redrawRef.current = redraw;
    const open = async (): Promise<void> => {
      const opened = await CompareView.open(a, b);
      if (!live) { opened.destroy(); return; }
      view = opened;
      viewRef.current = opened;
      offs.push(opened.original.onRender(() => requestAnimationFrame(redraw)), opened.copy.onRender(() => requestAnimationFrame(redraw)));
      await opened.show(
        imageIdsFor({ id: result.original?.instanceId ?? 0, frames: framesOf(result.original?.frames) }),
        imageIdsFor({ id: result.copyId ?? 0, frames: framesOf(result.frames) }, 'compare-copy'),
      );
      const first = result.pixels?.frames[0]?.frame;
      if (first !== undefined && first > 1) await opened.go(first - 1);
      if (live) setReady(true);
      redraw();
    };
    open().catch((e: unknown) => {
      if (live) setError(e instanceof Error && e.message ? e.message : 'The pictures could not be shown. Try again; if it keeps failing, run “Check vault”.');
    });
    return () => {
      live = false;
      for (const off of offs) off();
      view?.destroy();
      viewRef.current = null;
    };
  }, [result]);

  useEffect(() => { redrawRef.current(); }, [overlay]);

  const applyWindow = () => {
    const width = Number(win.width);
    const center = Number(win.center);
    if (Number.isFinite(width) && width > 0 && Number.isFinite(center)) viewRef.current?.setWindow(width, center);
  };

  return (
    <section className="card compare-side" aria-labelledby="side-title">
      <div className="compare-side-head">
        <h2 id="side-title">Side by side: {result.path}</h2>
        <button type="button" className="button" onClick={onClose}>Close side by side</button>
      </div>
      <ErrorAlert message={error} />
      <div className="compare-viewports" data-testid="compare-viewports" data-ready={ready ? 'true' : 'false'}>
        <figure className="compare-cell">
          <figcaption>Your original</figcaption>
          <div className="compare-canvas" ref={originalRef} role="img" aria-label="Your original" data-frame={originalFrame + 1} />
          <canvas className="compare-overlay" ref={originalOverlay} aria-hidden="true" />
        </figure>
        <figure className="compare-cell">
          <figcaption>The copy</figcaption>
          <div className="compare-canvas" ref={copyRef} role="img" aria-label="The copy" data-frame={frame + 1} />
          <canvas className="compare-overlay" ref={copyOverlay} aria-hidden="true" data-testid="compare-overlay" />
        </figure>
      </div>
      <div className="compare-controls">
        <label className="compare-toggle"><input type="checkbox" checked={overlay} onChange={(e) => setOverlay(e.target.checked)} /> Show differences</label>
        {count > 1 && (
          <span className="field-inline">
            <label htmlFor={sliderId}>Frame {frame + 1} of {count}</label>
            <input id={sliderId} type="range" min={1} max={count} value={frame + 1} onChange={(e) => void viewRef.current?.go(Number(e.target.value) - 1)} />
          </span>
        )}
        <span className="field-inline">
          <label htmlFor={widthId}>Window width</label>
          <input id={widthId} type="number" inputMode="decimal" value={win.width} onChange={(e) => setWin((w) => ({ ...w, width: e.target.value }))} />
          <label htmlFor={centerId}>Window centre</label>
          <input id={centerId} type="number" inputMode="decimal" value={win.center} onChange={(e) => setWin((w) => ({ ...w, center: e.target.value }))} />
          <button type="button" className="button" onClick={applyWindow}>Apply window</button>
        </span>
      </div>
      <p className="hint">
        Changed pixels are shown in red, each changed area outlined in yellow. The wheel moves through frames, dragging with the left button changes
        brightness and contrast, the right button zooms: both pictures follow.
      </p>
    </section>
  );
}
