/**
 * The study view's keyboard shortcuts, as data: the help overlay lists this table and the key
 * handler reads it, so they cannot disagree. Letters follow OHIF/Horos where they agree
 * (W window, Z zoom, P pan, R rotate, I invert, H/V flip, Space reset).
 */
import { CT_PRESETS } from '../../viewer/cornerstone/presets';

export type ToolId = 'windowLevel' | 'zoom' | 'pan' | 'length' | 'angle' | 'ellipse' | 'rectangle';

export type Command =
  | { type: 'tool'; tool: ToolId }
  | { type: 'step'; by: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'rotate'; degrees: 90 | -90 }
  | { type: 'flip'; axis: 'horizontal' | 'vertical' }
  | { type: 'invert' }
  | { type: 'reset' }
  | { type: 'preset'; id: string }
  | { type: 'fileWindow' }
  | { type: 'cine' }
  | { type: 'fps'; by: number }
  | { type: 'overlays' }
  | { type: 'privacy' }
  | { type: 'mpr' }
  | { type: 'help' }
  | { type: 'close' };

export interface Shortcut {
  /** What the person presses, as shown in the help overlay. */
  keys: string;
  /** KeyboardEvent.key values that trigger it. */
  match: readonly string[];
  command: Command;
  description: string;
  group: 'Tools' | 'Moving through pictures' | 'View' | 'Windows' | 'Screen';
}

/** How far Page Up / Page Down jump. */
export const PAGE_STEP = 10;

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'W', match: ['w', 'W'], command: { type: 'tool', tool: 'windowLevel' }, description: 'Brightness and contrast (window/level): drag on the picture', group: 'Tools' },
  { keys: 'Z', match: ['z', 'Z'], command: { type: 'tool', tool: 'zoom' }, description: 'Zoom: drag up or down', group: 'Tools' },
  { keys: 'P', match: ['p', 'P'], command: { type: 'tool', tool: 'pan' }, description: 'Move the picture (pan): drag', group: 'Tools' },
  { keys: 'L', match: ['l', 'L'], command: { type: 'tool', tool: 'length' }, description: 'Measure a length: drag from one end to the other', group: 'Tools' },
  { keys: 'A', match: ['a', 'A'], command: { type: 'tool', tool: 'angle' }, description: 'Measure an angle: click three points', group: 'Tools' },
  { keys: 'E', match: ['e', 'E'], command: { type: 'tool', tool: 'ellipse' }, description: 'Oval area (mean and spread of values): drag', group: 'Tools' },
  { keys: 'B', match: ['b', 'B'], command: { type: 'tool', tool: 'rectangle' }, description: 'Box area (mean and spread of values): drag', group: 'Tools' },
  { keys: '↓ or →', match: ['ArrowDown', 'ArrowRight'], command: { type: 'step', by: 1 }, description: 'Next picture (the mouse wheel does the same)', group: 'Moving through pictures' },
  { keys: '↑ or ←', match: ['ArrowUp', 'ArrowLeft'], command: { type: 'step', by: -1 }, description: 'Previous picture', group: 'Moving through pictures' },
  { keys: 'Page Down', match: ['PageDown'], command: { type: 'step', by: PAGE_STEP }, description: `${PAGE_STEP} pictures forward`, group: 'Moving through pictures' },
  { keys: 'Page Up', match: ['PageUp'], command: { type: 'step', by: -PAGE_STEP }, description: `${PAGE_STEP} pictures back`, group: 'Moving through pictures' },
  { keys: 'Home', match: ['Home'], command: { type: 'first' }, description: 'First picture', group: 'Moving through pictures' },
  { keys: 'End', match: ['End'], command: { type: 'last' }, description: 'Last picture', group: 'Moving through pictures' },
  { keys: 'C', match: ['c', 'C'], command: { type: 'cine' }, description: 'Play or pause (cine)', group: 'Moving through pictures' },
  { keys: '[ and ]', match: [], command: { type: 'fps', by: 0 }, description: 'Play slower or faster', group: 'Moving through pictures' },
  { keys: 'R', match: ['r'], command: { type: 'rotate', degrees: 90 }, description: 'Turn a quarter to the right', group: 'View' },
  { keys: 'Shift+R', match: ['R'], command: { type: 'rotate', degrees: -90 }, description: 'Turn a quarter to the left', group: 'View' },
  { keys: 'H', match: ['h', 'H'], command: { type: 'flip', axis: 'horizontal' }, description: 'Mirror left to right', group: 'View' },
  { keys: 'V', match: ['v', 'V'], command: { type: 'flip', axis: 'vertical' }, description: 'Mirror top to bottom', group: 'View' },
  { keys: 'I', match: ['i', 'I'], command: { type: 'invert' }, description: 'Invert (black and white swapped)', group: 'View' },
  { keys: 'Space', match: [' '], command: { type: 'reset' }, description: 'Reset zoom, position, turn, mirror, invert and window', group: 'View' },
  ...CT_PRESETS.map((p): Shortcut => ({
    keys: p.key, match: [p.key], command: { type: 'preset', id: p.id }, description: `CT window: ${p.label} (width ${p.width}, level ${p.center})`, group: 'Windows',
  })),
  { keys: '0', match: ['0'], command: { type: 'fileWindow' }, description: 'The window saved in the file', group: 'Windows' },
  { keys: 'O', match: ['o', 'O'], command: { type: 'overlays' }, description: 'Show or hide the text in the picture corners', group: 'Screen' },
  { keys: 'X', match: ['x', 'X'], command: { type: 'privacy' }, description: 'Privacy mode: hide name, birth date, IDs and hospital (for screen sharing)', group: 'Screen' },
  { keys: 'M', match: ['m', 'M'], command: { type: 'mpr' }, description: 'Side views (MPR: axial, sagittal, coronal) on or off', group: 'Screen' },
  { keys: '?', match: ['?'], command: { type: 'help' }, description: 'Show or hide this list', group: 'Screen' },
  { keys: 'Esc', match: ['Escape'], command: { type: 'close' }, description: 'Close this list', group: 'Screen' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The command for a key press, or null (keys with Ctrl/Cmd/Alt stay with the browser). */
export function commandFor(event: KeyLike): Command | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === '[') return { type: 'fps', by: -5 };
  if (event.key === ']') return { type: 'fps', by: 5 };
  return SHORTCUTS.find((s) => s.match.includes(event.key))?.command ?? null;
}

const NAVIGATION_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'];
/** Widgets that move their own focus with the navigation keys (the tag tree, the details tabs). */
const NAVIGATING_ROLES = new Set(['tree', 'treeitem', 'tab', 'tablist', 'listbox', 'option', 'menu', 'menuitem', 'grid', 'gridcell']);

/**
 * Whether the study view should leave a key alone because the focused control uses it itself
 * (typing in a field, arrows on the slider or in the tag tree, Space/Enter on a button).
 */
export function controlOwnsKey(target: { tagName: string; type?: string; role?: string | null } | null, key: string): boolean {
  if (!target) return false;
  if (target.role && NAVIGATING_ROLES.has(target.role)) return NAVIGATION_KEYS.includes(key) || key === ' ' || key === 'Enter';
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    if (target.type !== 'range') return true;
    return NAVIGATION_KEYS.includes(key);
  }
  if (tag === 'button' || tag === 'a' || tag === 'summary') return key === ' ' || key === 'Enter';
  return false;
}
