import { describe, expect, it } from 'vitest';
import { PAGE_STEP, SHORTCUTS, commandFor, controlOwnsKey } from './keymap';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  commandFor({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('maps the radiology letters to tools and view changes', () => {
    expect(press('w')).toEqual({ type: 'tool', tool: 'windowLevel' });
    expect(press('Z')).toEqual({ type: 'tool', tool: 'zoom' });
    expect(press('p')).toEqual({ type: 'tool', tool: 'pan' });
    expect(press('r')).toEqual({ type: 'rotate', degrees: 90 });
    expect(press('R')).toEqual({ type: 'rotate', degrees: -90 });
    expect(press('i')).toEqual({ type: 'invert' });
    expect(press('h')).toEqual({ type: 'flip', axis: 'horizontal' });
    expect(press(' ')).toEqual({ type: 'reset' });
    expect(press('4')).toEqual({ type: 'preset', id: 'lung' });
    expect(press('?')).toEqual({ type: 'help' });
  });

  it('moves through the stack with arrows, pages, Home and End', () => {
    expect(press('ArrowDown')).toEqual({ type: 'step', by: 1 });
    expect(press('ArrowUp')).toEqual({ type: 'step', by: -1 });
    expect(press('PageDown')).toEqual({ type: 'step', by: PAGE_STEP });
    expect(press('Home')).toEqual({ type: 'first' });
    expect(press('End')).toEqual({ type: 'last' });
    expect(press(']')).toEqual({ type: 'fps', by: 5 });
  });

  it('leaves browser shortcuts and unknown keys alone', () => {
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('w', { metaKey: true })).toBeNull();
    expect(press('q')).toBeNull();
  });

  it('gives every key to at most one shortcut', () => {
    const keys = SHORTCUTS.flatMap((s) => s.match);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lets focused controls keep the keys they use', () => {
    expect(controlOwnsKey({ tagName: 'INPUT', type: 'text' }, 'w')).toBe(true);
    expect(controlOwnsKey({ tagName: 'INPUT', type: 'range' }, 'ArrowUp')).toBe(true);
    expect(controlOwnsKey({ tagName: 'INPUT', type: 'range' }, 'w')).toBe(false);
    expect(controlOwnsKey({ tagName: 'BUTTON' }, ' ')).toBe(true);
    expect(controlOwnsKey({ tagName: 'BUTTON' }, 'i')).toBe(false);
    expect(controlOwnsKey({ tagName: 'DIV' }, ' ')).toBe(false);
  });

  it('leaves navigation keys to the tag tree and the tabs, but not the viewer letters', () => {
    for (const key of ['ArrowDown', 'ArrowRight', 'Home', 'End', 'Enter', ' ']) expect(controlOwnsKey({ tagName: 'LI', role: 'treeitem' }, key)).toBe(true);
    expect(controlOwnsKey({ tagName: 'BUTTON', role: 'tab' }, 'ArrowLeft')).toBe(true);
    expect(controlOwnsKey({ tagName: 'LI', role: 'treeitem' }, 'w')).toBe(false);
    expect(controlOwnsKey({ tagName: 'DIV', role: 'group' }, 'ArrowDown')).toBe(false);
  });
});
