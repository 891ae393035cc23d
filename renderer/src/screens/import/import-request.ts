/** Turns the import form's state into what the core needs, or a sentence saying what is missing. */
import type { ProvenanceInput } from '../../../../shared/domain';
import type { ProvenanceDraft } from './ProvenanceFields';
import type { PickedFile, Selection } from './selection';

export interface ImportDraft {
  selection: Selection;
  typedPath: string;
  provenance: ProvenanceDraft;
}

export type ImportSource = { kind: 'paths'; paths: string[] } | { kind: 'files'; files: PickedFile[] };

/** What to import: chosen paths plus a typed path, or uploaded files (never both: one request each). */
export function sourceOf(draft: ImportDraft): ImportSource | string {
  const typed = draft.typedPath.trim();
  const { selection } = draft;
  if (selection.kind === 'files') {
    return typed ? 'You chose files and also typed a path. Import one at a time: clear the chosen files or the path.' : selection;
  }
  const paths = [...new Set([...(selection.kind === 'paths' ? selection.paths : []), ...(typed ? [typed] : [])])];
  return paths.length > 0 ? { kind: 'paths', paths } : 'Choose files or a folder to import, or type a path.';
}

/** Trims the fields and leaves out empty optional ones (the contract has no empty strings for them). */
export function provenanceOf(draft: ProvenanceDraft): ProvenanceInput {
  const by = draft.handedOverBy.trim();
  return {
    sourceLabel: draft.sourceLabel.trim(),
    ...(draft.receivedDate ? { receivedDate: draft.receivedDate } : {}),
    ...(by ? { handedOverBy: by } : {}),
  };
}
