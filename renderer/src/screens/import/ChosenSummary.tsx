import { formatBytes, plural, summarizePaths } from '../../format';
import type { Selection } from './selection';

const MAX_SHOWN = 8;

/** What has been chosen so far, with a way to start over. */
export function ChosenSummary({ selection, onClear }: { selection: Selection; onClear: () => void }) {
  if (selection.kind === 'none') return null;
  const rows = selection.kind === 'paths'
    ? selection.paths.map((p) => ({ name: p, detail: '' }))
    : summarizePaths(selection.files.map((f) => f.relativePath)).map((s) => ({ name: s.name, detail: s.files > 1 ? plural(s.files, 'file', 'files') : '' }));
  const heading = selection.kind === 'paths'
    ? `Chosen: ${plural(selection.paths.length, 'item', 'items')}`
    : `Chosen: ${plural(selection.files.length, 'file', 'files')}, ${formatBytes(selection.files.reduce((n, f) => n + f.file.size, 0))}`;
  return (
    <div className="chosen" aria-live="polite">
      <div className="chosen-head">
        <strong>{heading}</strong>
        <button type="button" className="button-quiet" onClick={onClear}>Clear the chosen files</button>
      </div>
      <ul className="chosen-list">
        {rows.slice(0, MAX_SHOWN).map((row) => (
          <li key={row.name}>
            <span className="path">{row.name}</span>
            {row.detail && <span className="muted"> — {row.detail}</span>}
          </li>
        ))}
        {rows.length > MAX_SHOWN && <li className="muted">and {plural(rows.length - MAX_SHOWN, 'more', 'more')}</li>}
      </ul>
    </div>
  );
}
