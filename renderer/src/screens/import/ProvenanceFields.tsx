import { useId } from 'react';

export interface ProvenanceDraft {
  sourceLabel: string;
  receivedDate: string;
  handedOverBy: string;
}

interface Props {
  value: ProvenanceDraft;
  onChange: (next: ProvenanceDraft) => void;
  sourceError: string | null;
}

/** Where this copy came from: kept with every file so the person can tell copies apart later. */
export function ProvenanceFields({ value, onChange, sourceError }: Props) {
  const sourceId = useId();
  const sourceErrorId = useId();
  const dateId = useId();
  const byId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={sourceId}>Where did this copy come from?</label>
        <input
          id={sourceId}
          type="text"
          required
          aria-required="true"
          maxLength={200}
          value={value.sourceLabel}
          placeholder="e.g. CD from Mercy Hospital"
          onChange={(e) => onChange({ ...value, sourceLabel: e.target.value })}
          aria-invalid={sourceError ? true : undefined}
          aria-describedby={sourceError ? sourceErrorId : undefined}
        />
        {sourceError && <p className="field-error" id={sourceErrorId}>{sourceError}</p>}
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={dateId}>Date you received it</label>
          <input id={dateId} type="date" value={value.receivedDate} onChange={(e) => onChange({ ...value, receivedDate: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={byId}>Who gave it to you? (optional)</label>
          <input id={byId} type="text" maxLength={200} value={value.handedOverBy} placeholder="e.g. Radiology front desk" onChange={(e) => onChange({ ...value, handedOverBy: e.target.value })} />
        </div>
      </div>
    </>
  );
}
