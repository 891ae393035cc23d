import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VaultUsername } from '../../components/VaultUsername';
import { NewPassphraseFields, newPassphraseReady } from '../../components/NewPassphraseFields';
import { PassphraseField } from '../../components/PassphraseField';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';

/** Change the passphrase (the recovery key stays the same). */
export function ChangePassphraseForm() {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const ready = current !== '' && newPassphraseReady(next, again);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || busy) return;
    setDone(false);
    const changed = await run(() => api.changePassphrase({ oldPassphrase: current, newPassphrase: next }));
    if (changed) {
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
    }
  };

  return (
    <section className="card" aria-labelledby="change-title">
      <h2 id="change-title">Change passphrase</h2>
      <p className="muted">Your recovery key stays the same.</p>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <VaultUsername />
        <PassphraseField label="Current passphrase" toggleName="current passphrase" value={current} onChange={setCurrent} autoComplete="current-password" />
        <NewPassphraseFields
          labels={{ first: 'New passphrase', again: 'Type the new passphrase again', firstToggle: 'new passphrase', againToggle: 'repeated new passphrase' }}
          first={next}
          again={again}
          onFirst={(v) => { setNext(v); setDone(false); }}
          onAgain={setAgain}
        />
        <ErrorAlert message={error} />
        <p className="success" role="status">{done ? 'Your passphrase was changed. Use the new one next time you unlock.' : ''}</p>
        <div>
          <button type="submit" className="button button-primary" disabled={!ready || busy}>
            {busy ? 'Changing…' : 'Change passphrase'}
          </button>
        </div>
      </form>
    </section>
  );
}
