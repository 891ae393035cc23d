import { useEffect, useState, type FormEvent } from 'react';
import type { Status } from '../../../shared/domain';
import { ErrorAlert } from '../components/ErrorAlert';
import { VaultUsername } from '../components/VaultUsername';
import { NewPassphraseFields, newPassphraseReady } from '../components/NewPassphraseFields';
import { VaultFolderSwitcher } from '../components/VaultFolderSwitcher';
import { useAction } from '../hooks/useAction';
import { useApi } from '../services';
import { AuthLayout } from './AuthLayout';
import { RestoreOffer } from './backup/RestoreFromBackup';

const FOLDER_NOT_EMPTY_HERE = 'The folder shown below already holds other files, so a new vault cannot be created in it. '
  + 'Choose an empty or new folder, then select “Create vault” again. Your passphrase is kept.';

interface Props {
  status: Status;
  onCreated: (recoveryKey: string) => void;
  onStatus: (status: Status) => void;
}

/** First run: what ScanVault does, then a passphrase for the new vault (and, if wanted, another folder). */
export function FirstRunScreen({ status, onCreated, onStatus }: Props) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [choosingFolder, setChoosingFolder] = useState(false);
  const { busy, error, errorCode, setError, run } = useAction();
  const ready = newPassphraseReady(passphrase, again);

  // The folder in use holds other files: say so (the alert) and offer another folder right away.
  useEffect(() => {
    if (errorCode === 'FOLDER_NOT_EMPTY') setChoosingFolder(true);
  }, [errorCode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || busy) return;
    const created = await run(() => api.createVault({ passphrase }));
    if (created) onCreated(created.recoveryKey);
  };

  const recheck = async () => {
    const result = await api.getStatus({});
    if (result.ok) onStatus(result.value);
  };

  const switched = (next: Status) => {
    setError(null); // the old folder's problem no longer applies
    onStatus(next);
  };

  const folderSwitcher = (currentLabel: string) => (
    <VaultFolderSwitcher status={status} currentLabel={currentLabel} open={choosingFolder} onOpenChange={setChoosingFolder} onSwitched={switched} />
  );

  if (status.vaultFolderMissing) {
    return (
      <AuthLayout>
        <h1>Your vault folder is not available</h1>
        <div className="stack">
          <div role="alert" className="alert">
            <p>The folder you chose for your vault is not there:</p>
            <p className="path"><bdi>{status.vaultDir}</bdi></p>
            <p>If it is on an external drive or USB stick, connect it and press “Check again”. Nothing has been changed.</p>
          </div>
          <button type="button" className="button button-primary button-wide" onClick={() => void recheck()}>Check again</button>
        </div>
        {folderSwitcher('ScanVault is looking for your vault in:')}
        <RestoreOffer status={status} onStatus={onStatus} />
      </AuthLayout>
    );
  }

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
        <ErrorAlert message={errorCode === 'FOLDER_NOT_EMPTY' ? FOLDER_NOT_EMPTY_HERE : error} />
        <button type="submit" className="button button-primary button-wide" disabled={!ready || busy}>
          {busy ? 'Creating your vault…' : 'Create vault'}
        </button>
      </form>
      {folderSwitcher('Your vault will be created in this folder:')}
      <RestoreOffer status={status} onStatus={onStatus} />
    </AuthLayout>
  );
}
