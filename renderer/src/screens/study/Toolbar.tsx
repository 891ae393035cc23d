import type { WindowPreset } from '../../viewer/cornerstone/presets';
import type { FileWindow } from '../../viewer/cornerstone/viewport';
import type { ToolId } from './keymap';
import { LAYOUTS, MAX_FPS, MIN_FPS, type LayoutId } from './view-state';

export type MprAvailability = { state: 'checking' } | { state: 'yes' } | { state: 'no'; reason: string };

interface Props {
  tool: ToolId;
  onTool: (tool: ToolId) => void;
  layout: LayoutId;
  onLayout: (layout: LayoutId) => void;
  presets: readonly WindowPreset[];
  fileWindows: readonly FileWindow[];
  onPreset: (preset: WindowPreset) => void;
  onFileWindow: (window?: FileWindow) => void;
  onRotate: (degrees: number) => void;
  onFlip: (axis: 'horizontal' | 'vertical') => void;
  onInvert: () => void;
  onReset: () => void;
  canPlay: boolean;
  playing: boolean;
  fps: number;
  achievedFps: number | null;
  onCine: () => void;
  onFps: (fps: number) => void;
  overlays: boolean;
  onOverlays: () => void;
  privacy: boolean;
  onPrivacy: () => void;
  mpr: MprAvailability;
  mprOn: boolean;
  onMpr: () => void;
  onHelp: () => void;
}

const TOOLS: { id: ToolId; label: string; key: string }[] = [
  { id: 'windowLevel', label: 'Window', key: 'W' },
  { id: 'zoom', label: 'Zoom', key: 'Z' },
  { id: 'pan', label: 'Pan', key: 'P' },
  { id: 'length', label: 'Length', key: 'L' },
  { id: 'angle', label: 'Angle', key: 'A' },
  { id: 'ellipse', label: 'Oval area', key: 'E' },
  { id: 'rectangle', label: 'Box area', key: 'B' },
];

const TOOL_HELP: Record<ToolId, string> = {
  windowLevel: 'Brightness and contrast: drag on the picture',
  zoom: 'Zoom: drag up or down',
  pan: 'Move the picture: drag',
  length: 'Measure a length: drag from end to end',
  angle: 'Measure an angle: click three points',
  ellipse: 'Mean and spread of values in an oval: drag',
  rectangle: 'Mean and spread of values in a box: drag',
};

/** The study view's controls: each labelled, with its key in the tooltip, pressed state where it toggles. */
export function Toolbar(p: Props) {
  const windowChoice = (value: string): void => {
    if (value === 'file') p.onFileWindow();
    else if (value.startsWith('file-')) p.onFileWindow(p.fileWindows[Number(value.slice(5))]);
    else {
      const preset = p.presets.find((x) => x.id === value);
      if (preset) p.onPreset(preset);
    }
  };
  return (
    <div className="viewer-toolbar">
      <div role="group" aria-label="Mouse tool" className="tool-group">
        {TOOLS.map((t) => (
          <button key={t.id} type="button" className="viewer-button" aria-pressed={p.tool === t.id} title={`${TOOL_HELP[t.id]} (${t.key})`} aria-keyshortcuts={t.key} onClick={() => p.onTool(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="tool-group">
        <label className="viewer-select">
          <span>Window preset</span>
          <select value="" onChange={(e) => { windowChoice(e.target.value); e.target.value = ''; }}>
            <option value="">Choose…</option>
            <option value="file">As saved in the file (0)</option>
            {p.fileWindows.length > 1 && p.fileWindows.map((w, i) => <option key={`f${i}`} value={`file-${i}`}>{`${w.label}: width ${Math.round(w.width)}, level ${Math.round(w.center)}`}</option>)}
            {p.presets.map((x) => <option key={x.id} value={x.id}>{`${x.label} (${x.key}): width ${x.width}, level ${x.center}`}</option>)}
          </select>
        </label>
      </div>
      <div role="group" aria-label="View" className="tool-group">
        <button type="button" className="viewer-button" title="Turn a quarter to the right (R)" aria-keyshortcuts="R" onClick={() => p.onRotate(90)}>Turn right</button>
        <button type="button" className="viewer-button" title="Mirror left to right (H)" aria-keyshortcuts="H" onClick={() => p.onFlip('horizontal')}>Mirror ↔</button>
        <button type="button" className="viewer-button" title="Mirror top to bottom (V)" aria-keyshortcuts="V" onClick={() => p.onFlip('vertical')}>Mirror ↕</button>
        <button type="button" className="viewer-button" title="Swap black and white (I)" aria-keyshortcuts="I" onClick={p.onInvert}>Invert</button>
        <button type="button" className="viewer-button" title="Back to how the picture opened (Space)" aria-keyshortcuts="Space" onClick={p.onReset}>Reset</button>
      </div>
      <div role="group" aria-label="Play" className="tool-group">
        <button type="button" className="viewer-button" aria-pressed={p.playing} disabled={!p.canPlay} title="Play or pause the pictures (C)" aria-keyshortcuts="C" onClick={p.onCine}>
          {p.playing ? 'Pause' : 'Play'}
        </button>
        <label className="viewer-number">
          <span>Pictures per second</span>
          <input type="number" min={MIN_FPS} max={MAX_FPS} step={1} value={p.fps} onChange={(e) => p.onFps(Number(e.target.value))} />
        </label>
        {p.playing && p.achievedFps !== null && (
          <span className="viewer-note" data-testid="achieved-fps" title="How many pictures per second this computer really shows">
            showing {Math.round(p.achievedFps)}/s
          </span>
        )}
      </div>
      <div role="group" aria-label="Layout" className="tool-group">
        {LAYOUTS.map((l) => (
          <button key={l.id} type="button" className="viewer-button" aria-pressed={p.layout === l.id} title={l.label} aria-label={`Layout ${l.id}: ${l.label}`} onClick={() => p.onLayout(l.id)}>
            {l.id}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Screen" className="tool-group">
        <button type="button" className="viewer-button" aria-pressed={p.overlays} title="Text in the picture corners (O)" aria-keyshortcuts="O" onClick={p.onOverlays}>Corner text</button>
        <button type="button" className="viewer-button" aria-pressed={p.privacy} title="Hide name, birth date, IDs and hospital, for screen sharing (X)" aria-keyshortcuts="X" onClick={p.onPrivacy}>Privacy mode</button>
        <button
          type="button"
          className="viewer-button"
          aria-pressed={p.mprOn}
          disabled={p.mpr.state !== 'yes' && !p.mprOn}
          aria-describedby="mpr-why"
          title="Axial, sagittal and coronal views of a CT or MR volume (M)"
          aria-keyshortcuts="M"
          onClick={p.onMpr}
        >
          Side views (MPR)
        </button>
        <button type="button" className="viewer-button" title="Keyboard shortcuts (?)" aria-keyshortcuts="?" onClick={p.onHelp}>Keys ?</button>
      </div>
      <p id="mpr-why" className="mpr-why" aria-live="polite">
        {p.mpr.state === 'checking' && 'Checking whether this series is a volume…'}
        {p.mpr.state === 'no' && `Side views: ${p.mpr.reason}`}
      </p>
    </div>
  );
}
