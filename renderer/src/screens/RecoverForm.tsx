import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Status } from '../../../shared/domain';
import { ErrorAlert } from '../components/ErrorAlert';
import { VaultUsername } from '../components/VaultUsername';
import { NewPassphraseFields, newPassphraseReady } from '../components/NewPassphraseFields';
import { useAction } from '../hooks/useAction';
import { useApi } from '../services';

interface Props {
  onUnlocked: (status: Status) => void;
  onBack: () => void;
}

/** Forgotten passphrase: the written-down recovery key opens the vault and sets a new passphrase. */
export function RecoverForm({ onUnlocked, onBack }: Props) {
  const api = useApi();
  const keyId = useId();
  const keyHintId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, run } = useAction();
  const ready = recoveryKey.trim() !== '' && newPassphraseReady(passphrase, again);

  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || busy) return;
    const status = await run(() => api.unlockWithRecoveryKey({ recoveryKey: recoveryKey.trim(), newPassphrase: passphrase }));
    if (status) onUnlocked(status);
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>Reset your passphrase</h1>
      <p className="lead">Type the recovery key you wrote down when you created the vault, then choose a new passphrase.</p>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <VaultUsername />
        <div className="field">
          <label htmlFor={keyId}>Recovery key</label>
          <input
            id={keyId}
            className="mono"
            type="text"
            value={recoveryKey}
            onChange={(e) => setRecoveryKey(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={keyHintId}
          />
          <p className="hint" id={keyHintId}>Groups of four letters and numbers. Spaces, dashes and small letters are fine.</p>
        </div>
        <NewPassphraseFields
          labels={{ first: 'New passphrase', again: 'Type the new passphrase again', firstToggle: 'new passphrase', againToggle: 'repeated new passphrase' }}
          first={passphrase}
          again={again}
          onFirst={setPassphrase}
          onAgain={setAgain}
        />
        <ErrorAlert message={error} />
        <button type="submit" className="button button-primary button-wide" disabled={!ready || busy}>
          {busy ? 'Unlocking…' : 'Reset passphrase and unlock'}
        </button>
      </form>
      <p className="below-form">
        <button type="button" className="link-button" onClick={onBack}>Back to unlock with your passphrase</button>
      </p>
    </>
  );
}
