import { useId } from 'react';

/** A labelled checkbox, with an optional hint the box is described by. */
export function CheckboxField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (on: boolean) => void; hint?: string }) {
  const id = useId();
  const box = <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-h` : undefined} />;
  if (!hint) {
    return <div className="check">{box}<label htmlFor={id}>{label}</label></div>;
  }
  return (
    <div className="check">
      {box}
      <div>
        <label htmlFor={id}>{label}</label>
        <p className="hint" id={`${id}-h`}>{hint}</p>
      </div>
    </div>
  );
}
