import { useId } from 'react';
import type { ImportListItem } from '../../../../shared/api/library-query';
import { formatDicomDate, plural } from '../../format';

interface Props {
  imports: ImportListItem[];
  onShowStudies: (importId: number) => void;
  onRemove: (item: ImportListItem) => void;
}

/** Every import (a CD, USB stick, download…), newest first: what it still holds, its studies, and removing it. */
export function ImportsPanel({ imports, onShowStudies, onRemove }: Props) {
  const headingId = useId();
  if (imports.length === 0) return null;
  return (
    <details className="imports-panel">
      <summary><h2 id={headingId} className="inline-heading">Imports ({imports.length})</h2></summary>
      <ul className="import-list" aria-labelledby={headingId}>
        {imports.map((item) => {
          const received = formatDicomDate(item.receivedDate);
          const holds = [plural(item.studyCount, 'study', 'studies'), plural(item.pictureCount, 'picture', 'pictures'),
            ...(item.reportCount > 0 ? [plural(item.reportCount, 'report', 'reports')] : [])].join(' · ');
          return (
            <li key={item.id} className="card import-row">
              <h3><bdi>{item.sourceLabel}</bdi></h3>
              <span className="muted">{received ? `Received ${received} · ` : ''}{holds}</span>
              <button type="button" className="button" aria-label={`Show the studies from ${item.sourceLabel}`} disabled={item.studyCount === 0} onClick={() => onShowStudies(item.id)}>Its studies</button>
              <button type="button" className="button" aria-label={`Remove the import ${item.sourceLabel} from the vault`} onClick={() => onRemove(item)}>Remove…</button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
