import { useId } from 'react';

type Row = { facility: string; number: string };

/** Record numbers at each hospital: one row per hospital, added and removed with buttons. */
export function RecordNumbersField({ rows, error, onChange }: { rows: Row[]; error?: string | undefined; onChange: (rows: Row[]) => void }) {
  const errorId = useId();
  const hintId = useId();
  const update = (i: number, patch: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset" aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}>
      <legend>Record numbers at each hospital</legend>
      <p className="hint" id={hintId}>The number each hospital or practice uses for this person (often on letters and wristbands).</p>
      {rows.map((r, i) => (
        <div className="record-number-row" key={i}>
          <div className="field">
            <label htmlFor={`${hintId}-f${i}`}>Hospital or practice {rows.length > 1 ? i + 1 : ''}</label>
            <input id={`${hintId}-f${i}`} type="text" maxLength={200} value={r.facility} aria-invalid={error ? true : undefined} onChange={(e) => update(i, { facility: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${hintId}-n${i}`}>Record number {rows.length > 1 ? i + 1 : ''}</label>
            <input id={`${hintId}-n${i}`} type="text" maxLength={64} value={r.number} aria-invalid={error ? true : undefined} onChange={(e) => update(i, { number: e.target.value })} />
          </div>
          <button type="button" className="button-quiet" aria-label={`Remove record number ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>Remove</button>
        </div>
      ))}
      {error && <p className="field-error" id={errorId}>{error}</p>}
      <button type="button" className="button" onClick={() => onChange([...rows, { facility: '', number: '' }])}>Add a record number</button>
    </fieldset>
  );
}
