const MAX_ROWS = 200;

interface Props {
  title: string;
  explanation: string;
  rows: { path: string; text: string }[];
  tone?: 'error' | 'warning';
}

/** A folded list of files with what happened to each; hidden when empty. */
export function PathList({ title, explanation, rows, tone }: Props) {
  if (rows.length === 0) return null;
  return (
    <details className={`card details${tone ? ` details-${tone}` : ''}`}>
      <summary>{title}</summary>
      <p className="muted">{explanation}</p>
      <ul className="path-list">
        {rows.slice(0, MAX_ROWS).map((row, i) => (
          <li key={`${row.path}-${i}`}>
            <span className="path">{row.path}</span>
            <span>{row.text}</span>
          </li>
        ))}
        {rows.length > MAX_ROWS && <li className="muted">…and {rows.length - MAX_ROWS} more</li>}
      </ul>
    </details>
  );
}
