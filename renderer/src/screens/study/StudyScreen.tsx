import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { StudyView } from '../../../../shared/api/viewer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDicomDate, formatPersonName } from '../../format';
import { useApi } from '../../services';
import { clearMeasurements, onMeasurementsChange, readMeasurements, type Measurement } from '../../viewer/cornerstone/measurements';
import { CT_PRESETS, presetsFor } from '../../viewer/cornerstone/presets';
import { ViewerSession } from '../../viewer/cornerstone/session';
import { DetailsPanel } from './details/DetailsPanel';
import { DocumentPane, type OpenDocument } from './DocumentPane';
import { HelpDialog } from './HelpDialog';
import { commandFor, controlOwnsKey, type Command, type ToolId } from './keymap';
import { MeasurementList } from './MeasurementList';
import { MprPanel } from './MprPanel';
import { SeriesStrip } from './SeriesStrip';
import { seriesEntries } from './series-entries';
import { Toolbar } from './Toolbar';
import { useVolumeCheck } from './use-volume-check';
import { cellCount, initialViewState, LAYOUTS, viewReducer } from './view-state';
import type { CurrentImage, ViewportHandle, ViewportStatus } from './viewport-handle';
import { ViewportCell } from './ViewportCell';

export type { CurrentImage } from './viewport-handle';

interface Props {
  studyId: number;
  onClose: () => void;
  /** Starts the share wizard with this study ticked. */
  onShare?: (studyId: number) => void;
  /** The side panel for the object on screen in the active viewport (default: attributes and provenance). */
  details?: (current: CurrentImage | null) => ReactNode;
}

const NO_STATUS: ViewportStatus = { state: null, entry: null, playing: false, fps: 20, achievedFps: null, fileWindows: [] };

/** One study in the dark, image-first viewer: series strip, one to four viewports, tools and keys. */
export function StudyScreen({ studyId, onClose, onShare, details = defaultDetails }: Props) {
  const api = useApi();
  const [view, setView] = useState<StudyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [session, setSession] = useState<ViewerSession | null>(null);
  const [sessionError, setSessionError] = useState<string | null>(null);
  const [layout, dispatch] = useReducer(viewReducer, initialViewState([]));
  const [tool, setTool] = useState<ToolId>('windowLevel');
  const [overlays, setOverlays] = useState(true);
  const [privacy, setPrivacy] = useState(false);
  const [help, setHelp] = useState(false);
  const [showDetails, setShowDetails] = useState(false);
  const [openDocument, setOpenDocument] = useState<OpenDocument | null>(null);
  const [mprSeries, setMprSeries] = useState<number | null>(null);
  const [measurements, setMeasurements] = useState<Measurement[]>([]);
  const [statuses, setStatuses] = useState<ViewportStatus[]>([]);
  const handles = useRef<(ViewportHandle | null)[]>([]);

  useEffect(() => {
    let live = true;
    void api.getStudyView({ studyId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setView(r.value);
        const first = r.value.series.find((s) => seriesEntries(s).length > 0) ?? r.value.series[0];
        if (first) dispatch({ type: 'assign', seriesId: first.id, cell: 0 });
      } else setError(r.error.message);
    });
    return () => { live = false; };
  }, [api, studyId]);

  // The viewer session lives exactly as long as this screen (locking unmounts it too).
  useEffect(() => {
    let live = true;
    let opened: ViewerSession | null = null;
    ViewerSession.open().then((s) => {
      if (live) { opened = s; setSession(s); } else s.destroy();
    }, () => { if (live) setSessionError('The picture viewer could not start in this window. Reload the page; if that does not help, try another browser.'); });
    return () => { live = false; opened?.destroy(); };
  }, []);

  useEffect(() => {
    if (!session) return;
    setMeasurements(readMeasurements());
    const off = onMeasurementsChange(setMeasurements);
    const onResize = (): void => session.resize();
    window.addEventListener('resize', onResize);
    return () => { off(); window.removeEventListener('resize', onResize); };
  }, [session]);

  const seriesById = useMemo(() => new Map((view?.series ?? []).map((s) => [s.id, s])), [view]);
  const activeSeries = seriesById.get(layout.cells[layout.active] ?? -1) ?? null;
  const activeStatus = statuses[layout.active] ?? NO_STATUS;
  // A series of documents has no picture on screen: its first object is what the details describe.
  const firstObject = activeSeries?.instances[0];
  const current: CurrentImage | null = activeStatus.entry
    ? { instanceId: activeStatus.entry.instanceId, frame: activeStatus.entry.frame?.number ?? null }
    : firstObject && seriesEntries(activeSeries).length === 0 ? { instanceId: firstObject.id, frame: null } : null;

  // Whether the active series is a volume: checked once its first picture is on screen, never during cine.
  const mprAvailable = useVolumeCheck(activeSeries, activeStatus.state !== null, activeStatus.playing);

  // Relayout (grid, side views, details panel) changes canvas sizes.
  useEffect(() => { requestAnimationFrame(() => session?.resize()); }, [session, layout.layout, mprSeries, showDetails]);

  const close = useCallback(() => { clearMeasurements(); onClose(); }, [onClose]);
  const chooseTool = (t: ToolId): void => { setTool(t); session?.setTool(t); };
  const activeHandle = (): ViewportHandle | null => handles.current[layout.active] ?? null;
  const toggleMpr = (): void => {
    if (mprSeries !== null) setMprSeries(null);
    else if (activeSeries && mprAvailable.state === 'yes') setMprSeries(activeSeries.id);
  };

  const run = (c: Command): void => {
    const h = activeHandle();
    switch (c.type) {
      case 'tool': chooseTool(c.tool); break;
      case 'step': h?.step(c.by); break;
      case 'first': h?.first(); break;
      case 'last': h?.last(); break;
      case 'rotate': h?.rotate(c.degrees); break;
      case 'flip': h?.flip(c.axis); break;
      case 'invert': h?.invert(); break;
      case 'reset': h?.reset(); break;
      case 'preset': { const p = CT_PRESETS.find((x) => x.id === c.id); if (p && activeSeries?.modality === 'CT') h?.preset(p); break; }
      case 'fileWindow': h?.fileWindow(); break;
      case 'cine': h?.toggleCine(); break;
      case 'fps': h?.setFps(activeStatus.fps + c.by); break;
      case 'overlays': setOverlays((o) => !o); break;
      case 'privacy': setPrivacy((p) => !p); break;
      case 'mpr': toggleMpr(); break;
      case 'help': setHelp((x) => !x); break;
      case 'close': setHelp(false); break;
    }
  };

  // Keys work wherever focus is while the study is open (after a click on the picture focus may be
  // on the page itself), except in controls that use them.
  const onKeyDown = (e: KeyboardEvent): void => {
    if (help) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (target && controlOwnsKey({ tagName: target.tagName, type: (target as HTMLInputElement).type, role: target.getAttribute('role') }, e.key)) return;
    const c = commandFor(e);
    if (!c) return;
    e.preventDefault();
    run(c);
  };
  const keyRef = useRef(onKeyDown);
  keyRef.current = onKeyDown;
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => keyRef.current(e);
    // Capture: Cornerstone's own key listener on the viewport element stops propagation.
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  if (error) {
    return (
      <section className="study-screen study-screen-error" aria-labelledby="study-title">
        <button type="button" className="viewer-button" onClick={close}>Back to library</button>
        <h1 id="study-title">This study could not be opened</h1>
        <ErrorAlert message={error} />
      </section>
    );
  }

  const s = view?.study;
  const title = s ? `${formatDicomDate(s.date) ?? 'Date not recorded'}: ${s.description ?? 'No description'}` : 'Opening the study…';
  const person = s && !privacy ? [formatPersonName(s.patientName), formatDicomDate(s.birthDate) && `born ${formatDicomDate(s.birthDate)}`, s.patientId && `ID ${s.patientId}`].filter(Boolean).join(' · ') : null;
  const n = cellCount(layout.layout);
  const columns = LAYOUTS.find((l) => l.id === layout.layout)?.columns ?? 1;
  const mprImageIds = mprSeries !== null ? seriesEntries(seriesById.get(mprSeries) ?? { id: 0, seriesNumber: null, modality: null, bodyPart: null, description: null, instances: [] }).map((e) => e.imageId) : [];

  return (
    <section className="study-screen" aria-labelledby="study-title">
      <header className="study-header">
        <button type="button" className="viewer-button" onClick={close}>Back to library</button>
        <div className="study-heading">
          <h1 id="study-title">{title}</h1>
          <p className="study-person">{privacy ? 'Privacy mode: name, birth date, IDs and hospital are hidden' : person}{!privacy && s?.institution ? ` · ${s.institution}` : ''}</p>
        </div>
        {onShare && <button type="button" className="viewer-button" onClick={() => { clearMeasurements(); onShare(studyId); }}>Share…</button>}
        {<button type="button" className="viewer-button" aria-pressed={showDetails} onClick={() => setShowDetails((d) => !d)}>Details</button>}
      </header>
      {sessionError && <ErrorAlert message={sessionError} />}
      {view && (
        <Toolbar
          tool={tool} onTool={chooseTool} layout={layout.layout} onLayout={(l) => dispatch({ type: 'layout', layout: l, fill: view.series.filter((x) => seriesEntries(x).length > 0).map((x) => x.id) })}
          presets={presetsFor(activeSeries?.modality ?? null)} fileWindows={activeStatus.fileWindows}
          onPreset={(p) => activeHandle()?.preset(p)} onFileWindow={(w) => activeHandle()?.fileWindow(w)}
          onRotate={(d) => activeHandle()?.rotate(d)} onFlip={(a) => activeHandle()?.flip(a)} onInvert={() => activeHandle()?.invert()} onReset={() => activeHandle()?.reset()}
          canPlay={(activeStatus.state?.count ?? 0) > 1} playing={activeStatus.playing} fps={activeStatus.fps} achievedFps={activeStatus.achievedFps}
          onCine={() => activeHandle()?.toggleCine()} onFps={(f) => activeHandle()?.setFps(f)}
          overlays={overlays} onOverlays={() => setOverlays((o) => !o)} privacy={privacy} onPrivacy={() => setPrivacy((p) => !p)}
          mpr={mprAvailable} mprOn={mprSeries !== null} onMpr={toggleMpr} onHelp={() => setHelp(true)}
        />
      )}
      <div className={`study-body${showDetails ? ' with-details' : ''}`}>
        {view && <SeriesStrip series={view.series} shown={new Set(layout.cells.slice(0, n).filter((c): c is number => c !== null))} onChoose={(id) => { setMprSeries(null); setOpenDocument(null); dispatch({ type: 'assign', seriesId: id }); }}
          documents={view.attachments}
          onOpenDocument={(id) => { setMprSeries(null); setOpenDocument({ kind: 'attachment', id, title: view.attachments.find((a) => a.id === id)?.title ?? 'Report' }); }} />}
        <div className="viewport-area">
          {!view && <p className="viewport-message" role="status">Opening the study…</p>}
          {view && openDocument && <DocumentPane doc={openDocument} onClose={() => setOpenDocument(null)} />}
          {view && session && mprSeries !== null && <MprPanel session={session} imageIds={mprImageIds} onClose={() => setMprSeries(null)} />}
          {view && session && (
            <div className={`viewport-grid layout-${layout.layout}`} style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }} hidden={mprSeries !== null || openDocument !== null}>
              {Array.from({ length: n }, (_, cell) => (
                <ViewportCell
                  key={cell}
                  cell={cell}
                  session={session}
                  series={seriesById.get(layout.cells[cell] ?? -1) ?? null}
                  study={view.study}
                  active={cell === layout.active}
                  overlays={overlays}
                  privacy={privacy}
                  handleRef={(h) => { handles.current[cell] = h; }}
                  onActivate={() => dispatch({ type: 'activate', cell })}
                  onDropSeries={(id) => dispatch({ type: 'assign', seriesId: id, cell })}
                  onStatus={(st) => setStatuses((all) => { const next = all.slice(); next[cell] = st; return next; })}
                />
              ))}
            </div>
          )}
          {view && !session && !sessionError && <p className="viewport-message" role="status">Starting the picture viewer…</p>}
        </div>
        <MeasurementList measurements={measurements} onRemove={(uid) => session?.removeMeasurement(uid)} onRemoveAll={() => session?.clearMeasurements()} />
        {showDetails && <aside className="study-details" aria-label="Details">{details(current)}</aside>}
      </div>
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </section>
  );
}

function defaultDetails(current: CurrentImage | null): ReactNode {
  return current
    ? <DetailsPanel key={current.instanceId} instanceId={current.instanceId} />
    : <p className="muted">Show a series to see the details of its pictures.</p>;
}
