import { useId, useState, type ReactNode } from 'react';

interface Props {
  label: string;
  /** Completes "Show …"/"Hide …" on the toggle, e.g. "passphrase" or "repeated passphrase". */
  toggleName: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
  children?: ReactNode;
}

/** A passphrase input with a show/hide button (its name says what it will do). */
export function PassphraseField({ label, toggleName, value, onChange, autoComplete, autoFocus = false, describedBy, invalid = false, children }: Props) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          spellCheck={false}
          autoCapitalize="off"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
        <button type="button" className="button-quiet" onClick={() => setVisible((v) => !v)}>
          {visible ? 'Hide' : 'Show'}
          <span className="visually-hidden"> {toggleName}</span>
        </button>
      </div>
      {children}
    </div>
  );
}
