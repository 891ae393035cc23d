/** What to compare from the form: chosen paths plus a typed path, or dropped files (never both). */
import type { PickedFile, Selection } from '../import/selection';

export type CompareSource = { kind: 'paths'; paths: string[] } | { kind: 'files'; files: PickedFile[] };

export function compareSourceOf(selection: Selection, typedPath: string): CompareSource | string {
  const typed = typedPath.trim();
  if (selection.kind === 'files') {
    return typed ? 'You chose files and also typed a path. Check one at a time: clear the chosen files or the path.' : selection;
  }
  const paths = [...new Set([...(selection.kind === 'paths' ? selection.paths : []), ...(typed ? [typed] : [])])];
  return paths.length > 0 ? { kind: 'paths', paths } : 'Choose or drop the copy’s files or folder, or type a path.';
}
