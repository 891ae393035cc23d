import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { VaultUsername } from '../components/VaultUsername';
import { NewPassphraseFields, newPassphraseReady } from '../components/NewPassphraseFields';
import { useAction } from '../hooks/useAction';
import { useApi } from '../services';
import { AuthLayout } from './AuthLayout';

/** First run: what ScanVault does, then a passphrase for the new vault. */
export function FirstRunScreen({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, run } = useAction();
  const ready = newPassphraseReady(passphrase, again);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || busy) return;
    const created = await run(() => api.createVault({ passphrase }));
    if (created) onCreated(created.recoveryKey);
  };

  return (
    <AuthLayout>
      <h1>Welcome to ScanVault</h1>
      <p className="lead">ScanVault keeps copies of your medical scans — from CDs, USB sticks or downloads — in one place on this computer.</p>
      <ul className="reassure">
        <li>Everything is encrypted: without your passphrase the files cannot be read.</li>
        <li>Nothing leaves this computer unless you choose to export it.</li>
      </ul>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <h2>Create your vault</h2>
        <VaultUsername />
        <p className="muted">Choose a passphrase: a few unrelated words are easy to remember and hard to guess. You will need it every time you open ScanVault.</p>
        <NewPassphraseFields
          labels={{ first: 'Passphrase', again: 'Type the passphrase again', firstToggle: 'passphrase', againToggle: 'repeated passphrase' }}
          first={passphrase}
          again={again}
          onFirst={setPassphrase}
          onAgain={setAgain}
          autoFocus
        />
        <ErrorAlert message={error} />
        <button type="submit" className="button button-primary button-wide" disabled={!ready || busy}>
          {busy ? 'Creating your vault…' : 'Create vault'}
        </button>
      </form>
    </AuthLayout>
  );
}
