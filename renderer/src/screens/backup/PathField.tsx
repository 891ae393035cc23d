import { useId } from 'react';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** What the desktop app's dialog is for; the browser has none, so the path is typed there. */
  purpose: 'save-file' | 'folder' | 'open-file' | 'open-folder';
  nativeDialogs: boolean;
  placeholder: string;
  error?: string | null;
}

/** A full path typed or pasted, with the system's dialog beside it in the desktop app. */
export function PathField({ label, hint, value, onChange, purpose, nativeDialogs, placeholder, error = null }: Props) {
  const api = useApi();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const picker = useAction();
  const pick = async () => {
    const picked = await picker.run(() => api.pickBackupPath({ purpose }));
    if (picked?.path) onChange(picked.path);
  };
  const shown = error ?? picker.error;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="hint">{hint}</p>
      <div className="input-with-button">
        <input
          id={id}
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={shown ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
        />
        {nativeDialogs && <button type="button" className="button" disabled={picker.busy} onClick={() => void pick()}>Choose…</button>}
      </div>
      <ErrorAlert message={shown} id={errorId} />
    </div>
  );
}
