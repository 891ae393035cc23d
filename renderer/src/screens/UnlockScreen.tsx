import { useState, type FormEvent } from 'react';
import type { Status } from '../../../shared/domain';
import { ErrorAlert } from '../components/ErrorAlert';
import { VaultUsername } from '../components/VaultUsername';
import { PassphraseField } from '../components/PassphraseField';
import { VaultFolderSwitcher } from '../components/VaultFolderSwitcher';
import { useAction } from '../hooks/useAction';
import { useApi } from '../services';
import { AuthLayout } from './AuthLayout';
import { RecoverForm } from './RecoverForm';

interface Props {
  status: Status;
  lockedForInactivity: boolean;
  /** Also called after switching folders: the screen then follows the new state. */
  onUnlocked: (status: Status) => void;
}

/** Unlock with the passphrase, or reset it with the recovery key, or use a vault in another folder. */
export function UnlockScreen({ status, lockedForInactivity, onUnlocked }: Props) {
  const api = useApi();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [choosingFolder, setChoosingFolder] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || passphrase === '') return;
    const status = await run(() => api.unlock({ passphrase }));
    if (status) onUnlocked(status);
  };

  if (mode === 'recovery') {
    return (
      <AuthLayout>
        <RecoverForm onUnlocked={onUnlocked} onBack={() => setMode('passphrase')} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <h1>Unlock your vault</h1>
      {lockedForInactivity && (
        <p className="notice" role="status">Locked after inactivity to protect your records.</p>
      )}
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <VaultUsername />
        <PassphraseField label="Passphrase" toggleName="passphrase" value={passphrase} onChange={setPassphrase} autoComplete="current-password" autoFocus />
        <ErrorAlert message={error} />
        <button type="submit" className="button button-primary button-wide" disabled={busy || passphrase === ''}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      <p className="below-form">
        <button type="button" className="link-button" onClick={() => setMode('recovery')}>Forgot your passphrase?</button>
      </p>
      <VaultFolderSwitcher
        status={status}
        currentLabel="Your vault is in this folder:"
        open={choosingFolder}
        onOpenChange={setChoosingFolder}
        onSwitched={onUnlocked}
      />
    </AuthLayout>
  );
}
