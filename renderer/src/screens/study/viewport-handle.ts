/** What the study view can ask of one viewport cell (keys and toolbar go to the active one). */
import type { WindowPreset } from '../../viewer/cornerstone/presets';
import type { FileWindow, StackState } from '../../viewer/cornerstone/viewport';
import type { Entry } from './series-entries';

export interface ViewportHandle {
  step(by: number): void;
  first(): void;
  last(): void;
  go(index: number): void;
  preset(preset: WindowPreset): void;
  fileWindow(window?: FileWindow): void;
  rotate(degrees: number): void;
  flip(axis: 'horizontal' | 'vertical'): void;
  invert(): void;
  reset(): void;
  toggleCine(): void;
  setFps(fps: number): void;
}

/** What a cell reports up: the toolbar's pressed states, the overlays, the details panel. */
export interface ViewportStatus {
  state: StackState | null;
  entry: Entry | null;
  playing: boolean;
  fps: number;
  /** The rate cine really reaches while playing (a slow machine plays slower than asked). */
  achievedFps: number | null;
  fileWindows: FileWindow[];
}

/** The picture on screen in the active viewport, for the details panel (tag browser, provenance). */
export interface CurrentImage {
  instanceId: number;
  /** 1-based frame of a multi-frame object; null for a single frame. */
  frame: number | null;
}
