import { useId, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';

/** The name ScanVault shows for the person (the scans' spelling is kept as it is). */
export function RenameForm({ personId, displayName, onChanged }: { personId: number; displayName: string | null; onChanged: () => void }) {
  const api = useApi();
  const id = useId();
  const hintId = useId();
  const [value, setValue] = useState(displayName ?? '');
  const [saved, setSaved] = useState('');
  const { busy, error, run } = useAction();

  const save = async () => {
    setSaved('');
    const done = await run(() => api.renamePerson({ personId, displayName: value }));
    if (done) {
      setSaved(done.displayName === null ? 'Saved. The name on the scans is shown.' : 'Name saved.');
      onChanged();
    }
  };

  return (
    <form className="card" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 id={`${id}-title`}>Name</h2>
      <div className="field">
        <label htmlFor={id}>Name shown in ScanVault</label>
        <div className="input-with-button">
          <input id={id} type="text" maxLength={200} value={value} aria-describedby={hintId} onChange={(e) => { setSaved(''); setValue(e.target.value); }} />
          <button type="submit" className="button" disabled={busy}>Save name</button>
        </div>
        <p className="hint" id={hintId}>Leave empty to show the name as written on the scans. The scans themselves are not changed.</p>
      </div>
      <p className="success" role="status">{saved}</p>
      <ErrorAlert message={error} />
    </form>
  );
}
