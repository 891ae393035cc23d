/**
 * Which series sits in which viewport, and which viewport is active: a small reducer so the study
 * view's rules (layouts, assigning, stepping, cine speed) are testable without a browser.
 * Lives only while the study is open (never saved).
 */
export type LayoutId = '1x1' | '1x2' | '2x2';

export const LAYOUTS: readonly { id: LayoutId; label: string; cells: number; columns: number }[] = [
  { id: '1x1', label: 'One picture', cells: 1, columns: 1 },
  { id: '1x2', label: 'Two side by side', cells: 2, columns: 2 },
  { id: '2x2', label: 'Four in a grid', cells: 4, columns: 2 },
];

export const MAX_CELLS = 4;

export interface ViewState {
  layout: LayoutId;
  active: number;
  /** Series id shown in each cell (cells beyond the layout keep theirs for when it grows again). */
  cells: (number | null)[];
}

export type ViewAction =
  /** `fill`: series to put into cells the larger layout opens empty (those not shown yet, in order). */
  | { type: 'layout'; layout: LayoutId; fill?: readonly number[] }
  | { type: 'activate'; cell: number }
  | { type: 'assign'; seriesId: number; cell?: number };

export function cellCount(layout: LayoutId): number {
  return LAYOUTS.find((l) => l.id === layout)?.cells ?? 1;
}

/** The first series goes into the first viewport so the study opens on a picture. */
export function initialViewState(seriesIds: readonly number[]): ViewState {
  return { layout: '1x1', active: 0, cells: Array.from({ length: MAX_CELLS }, (_, i) => (i === 0 ? seriesIds[0] ?? null : null)) };
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'layout': {
      const n = cellCount(action.layout);
      const cells = state.cells.slice();
      const spare = (action.fill ?? []).filter((id) => !cells.slice(0, n).includes(id));
      for (let i = 0; i < n; i += 1) if (cells[i] === null) cells[i] = spare.shift() ?? null;
      return { ...state, layout: action.layout, cells, active: Math.min(state.active, n - 1) };
    }
    case 'activate':
      if (action.cell < 0 || action.cell >= cellCount(state.layout)) return state;
      return { ...state, active: action.cell };
    case 'assign': {
      const cell = action.cell ?? state.active;
      if (cell < 0 || cell >= cellCount(state.layout)) return state;
      const cells = state.cells.slice();
      cells[cell] = action.seriesId;
      return { ...state, cells, active: cell };
    }
  }
}

/** A stack index moved by `by`, kept inside the stack (no wrap: the end is the end). */
export function stepIndex(index: number, by: number, count: number): number {
  if (count <= 0) return 0;
  return Math.max(0, Math.min(count - 1, index + by));
}

/** Cine goes round: after the last picture comes the first. */
export function cineNext(index: number, count: number): number {
  return count <= 0 ? 0 : (index + 1) % count;
}

export const MIN_FPS = 1;
export const MAX_FPS = 60;
export const DEFAULT_FPS = 20;

export function clampFps(fps: number): number {
  if (!Number.isFinite(fps)) return DEFAULT_FPS;
  return Math.max(MIN_FPS, Math.min(MAX_FPS, Math.round(fps)));
}

/** The file's recorded frame rate for multi-frame cine (Cine Rate or Frame Time), else the default. */
export function fileFps(cineRate: number | null, frameTimeMs: number | null): number {
  if (cineRate && cineRate > 0) return clampFps(cineRate);
  if (frameTimeMs && frameTimeMs > 0) return clampFps(1000 / frameTimeMs);
  return DEFAULT_FPS;
}
