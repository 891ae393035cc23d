import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { ViewerSeries } from '../../../../shared/api/viewer';
import type { ViewerSession } from '../../viewer/cornerstone/session';
import type { StackView } from '../../viewer/cornerstone/viewport';
import { Cine } from './cine';
import { CornerText } from './CornerText';
import { DocumentPane } from './DocumentPane';
import type { OverlayStudy } from './overlay-text';
import { noPicturesText, seriesEntries, type Entry } from './series-entries';
import { fileFps, stepIndex } from './view-state';
import type { ViewportHandle, ViewportStatus } from './viewport-handle';

interface Props {
  cell: number;
  session: ViewerSession;
  series: ViewerSeries | null;
  study: OverlayStudy;
  active: boolean;
  overlays: boolean;
  privacy: boolean;
  handleRef: Ref<ViewportHandle | null>;
  onActivate: () => void;
  onDropSeries: (seriesId: number) => void;
  onStatus: (status: ViewportStatus) => void;
  /** Cine frame durations (ms), for the benchmark's per-frame times. */
  onCineFrame?: (ms: number) => void;
}

export const SERIES_DRAG_TYPE = 'application/x-scanvault-series';

const seriesName = (s: ViewerSeries): string => [s.seriesNumber === null ? 'Series' : `Series ${s.seriesNumber}`, s.modality, s.description].filter(Boolean).join(' · ');

/** One viewport: the picture, its corner text, a slider through the stack, and drop target for a series. */
export function ViewportCell({ cell, session, series, study, active, overlays, privacy, handleRef, onActivate, onDropSeries, onStatus, onCineFrame }: Props) {
  const elementRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<StackView | null>(null);
  const cineRef = useRef<Cine | null>(null);
  const entriesRef = useRef<Entry[]>([]);
  const [status, setStatus] = useState<ViewportStatus>({ state: null, entry: null, playing: false, fps: 20, achievedFps: null, fileWindows: [] });
  const [error, setError] = useState<string | null>(null);
  const [renderedIndex, setRenderedIndex] = useState<number | null>(null);
  const onStatusRef = useRef(onStatus);
  onStatusRef.current = onStatus;
  const onCineFrameRef = useRef(onCineFrame);
  onCineFrameRef.current = onCineFrame;

  const entries = series ? seriesEntries(series) : [];
  const hasPictures = entries.length > 0;

  // One stack viewport per cell and series; replaced when another series is put here.
  useEffect(() => {
    const element = elementRef.current;
    if (!element || !series) return;
    const list = seriesEntries(series);
    entriesRef.current = list;
    if (list.length === 0) return;
    const view = session.stack(cell, element);
    const unobserve = session.observe(element);
    viewRef.current = view;
    let frame = 0;
    let live = true;
    const report = (): void => {
      frame = 0;
      if (!live) return;
      const state = view.state();
      const next: ViewportStatus = {
        state,
        entry: list[state.index] ?? null,
        playing: cineRef.current?.playing ?? false,
        fps: cineRef.current?.fps ?? 20,
        achievedFps: cineRef.current?.achievedFps ?? null,
        fileWindows: view.fileWindows(),
      };
      setStatus(next);
      setRenderedIndex(state.index);
      onStatusRef.current(next);
    };
    // Renders come at cine speed; React hears of them once per animation frame at most.
    const off = view.onRender(() => {
      if (frame === 0) frame = requestAnimationFrame(report);
    });
    const cine = new Cine(async () => view.go((view.state().index + 1) % view.count), (ms) => onCineFrameRef.current?.(ms));
    cineRef.current = cine;
    setError(null);
    setRenderedIndex(null);
    view.show(list.map((e) => e.imageId)).then(() => {
      if (!live) return;
      const rate = view.fileFrameRate();
      if (list.some((e) => e.frame !== null)) cine.setFps(fileFps(rate.cineRate, rate.frameTimeMs));
      report();
    }, (e: unknown) => {
      if (live) setError(e instanceof Error && e.message ? e.message : 'This picture could not be shown. Close the study and open it again; if it keeps failing, run “Check vault”.');
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      cine.pause();
      off();
      unobserve();
      session.releaseStack(view);
      viewRef.current = null;
      cineRef.current = null;
    };
  }, [session, series, cell]);

  useImperativeHandle(handleRef, (): ViewportHandle => {
    const view = (): StackView | null => viewRef.current;
    const go = (i: number): void => { void view()?.go(i); };
    const index = (): number => view()?.state().index ?? 0;
    const count = (): number => view()?.count ?? 0;
    return {
      step: (by) => go(stepIndex(index(), by, count())),
      first: () => go(0),
      last: () => go(count() - 1),
      go,
      preset: (p) => view()?.applyPreset(p),
      fileWindow: (w) => {
        const v = view();
        if (!v) return;
        if (w) v.setWindow(w.width, w.center);
        else v.resetWindow();
      },
      rotate: (d) => view()?.rotate(d),
      flip: (a) => view()?.flip(a),
      invert: () => view()?.invert(),
      reset: () => view()?.reset(),
      toggleCine: () => {
        const cine = cineRef.current;
        if (!cine || count() < 2) return;
        if (cine.playing) cine.pause();
        else cine.play();
        setStatus((s) => { const next = { ...s, playing: cine.playing }; onStatusRef.current(next); return next; });
      },
      setFps: (fps) => {
        const cine = cineRef.current;
        if (!cine) return;
        cine.setFps(fps);
        setStatus((s) => { const next = { ...s, fps: cine.fps }; onStatusRef.current(next); return next; });
      },
    };
  }, []);

  const state = status.state;
  const name = series ? seriesName(series) : 'Empty';
  const label = `Viewport ${cell + 1}${active ? ' (active)' : ''}: ${name}`;
  return (
    <div
      className={`viewport-cell${active ? ' is-active' : ''}`}
      role="group"
      aria-label={label}
      tabIndex={0}
      onFocus={onActivate}
      // Cornerstone's mouse handling keeps focus where it was (perhaps a menu that keeps keys): take it.
      onPointerDown={(e) => { onActivate(); if (!e.currentTarget.contains(document.activeElement)) e.currentTarget.focus({ preventScroll: true }); }}
      onDragOver={(e) => { if (e.dataTransfer.types.includes(SERIES_DRAG_TYPE)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } }}
      onDrop={(e) => {
        const id = Number(e.dataTransfer.getData(SERIES_DRAG_TYPE));
        if (Number.isSafeInteger(id) && id > 0) { e.preventDefault(); onDropSeries(id); }
      }}
    >
      <div
        ref={elementRef}
        className="viewport-canvas"
        data-testid={`viewport-${cell + 1}`}
        data-rendered-index={renderedIndex ?? undefined}
        onContextMenu={(e) => e.preventDefault()}
      />
      {!series && <p className="viewport-message">Choose a series from the strip: click it, press Enter on it, or drag it here.</p>}
      {series && !hasPictures && series.instances.length === 0 && <p className="viewport-message">{noPicturesText(series)}</p>}
      {series && !hasPictures && series.instances.length > 0 && (
        <DocumentPane key={series.id} doc={{ kind: 'series', title: seriesName(series), instances: series.instances }} />
      )}
      {error && <p className="viewport-message viewport-error" role="alert">{error}</p>}
      {series && hasPictures && overlays && (
        <CornerText study={study} series={series} privacy={privacy} state={state} entry={status.entry} />
      )}
      {series && hasPictures && entries.length > 1 && (
        <div className="viewport-slider">
          <input
            type="range"
            min={1}
            max={entries.length}
            value={(state?.index ?? 0) + 1}
            aria-label={`Picture in viewport ${cell + 1}`}
            aria-valuetext={`Picture ${(state?.index ?? 0) + 1} of ${entries.length}`}
            onChange={(e) => { void viewRef.current?.go(Number(e.target.value) - 1); }}
          />
        </div>
      )}
    </div>
  );
}
