import { describe, expect, it } from 'vitest';
import { provenanceOf, sourceOf, type ImportDraft } from './import-request';
import { addFiles, addPaths, NOTHING } from './selection';

const provenance = { sourceLabel: ' CD from Mercy ', receivedDate: '2024-05-01', handedOverBy: '  ' };
const draft = (over: Partial<ImportDraft>): ImportDraft => ({ selection: NOTHING, typedPath: '', provenance, ...over });
const file = (name: string) => new File(['x'], name);

describe('sourceOf', () => {
  it('asks for something when nothing is chosen', () => {
    expect(sourceOf(draft({ typedPath: '   ' }))).toBe('Choose files or a folder to import, or type a path.');
  });
  it('joins picked paths and the typed path without repeats', () => {
    const selection = addPaths(NOTHING, ['/media/cdrom', '/a.zip']);
    expect(sourceOf(draft({ selection, typedPath: ' /a.zip ' }))).toEqual({ kind: 'paths', paths: ['/media/cdrom', '/a.zip'] });
    expect(sourceOf(draft({ typedPath: '/media/usb' }))).toEqual({ kind: 'paths', paths: ['/media/usb'] });
  });
  it('uses uploaded files, but not together with a typed path', () => {
    const selection = addFiles(NOTHING, [{ relativePath: 'CD/IM1', file: file('IM1') }]);
    const source = sourceOf(draft({ selection }));
    expect(typeof source === 'object' && source.kind === 'files' ? source.files.map((f) => f.relativePath) : source).toEqual(['CD/IM1']);
    expect(sourceOf(draft({ selection, typedPath: '/x' }))).toBe('You chose files and also typed a path. Import one at a time: clear the chosen files or the path.');
  });
});

describe('selection', () => {
  it('adds files once per relative path and keeps earlier picks', () => {
    const first = addFiles(NOTHING, [{ relativePath: 'a', file: file('a') }]);
    const second = addFiles(first, [{ relativePath: 'a', file: file('a') }, { relativePath: 'b', file: file('b') }]);
    expect(second.kind === 'files' ? second.files.map((f) => f.relativePath) : second.kind).toEqual(['a', 'b']);
  });
  it('keeps the selection when a picker returns nothing', () => {
    expect(addPaths(NOTHING, [])).toBe(NOTHING);
    const picked = addPaths(NOTHING, ['/x']);
    expect(addPaths(picked, [])).toEqual({ kind: 'paths', paths: ['/x'] });
  });
});

describe('provenanceOf', () => {
  it('trims and drops empty optional fields', () => {
    expect(provenanceOf(provenance)).toEqual({ sourceLabel: 'CD from Mercy', receivedDate: '2024-05-01' });
    expect(provenanceOf({ sourceLabel: 'x', receivedDate: '', handedOverBy: ' Dr Who ' })).toEqual({ sourceLabel: 'x', handedOverBy: 'Dr Who' });
  });
});
