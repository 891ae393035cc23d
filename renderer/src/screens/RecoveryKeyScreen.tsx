import { Fragment, useId, useState } from 'react';
import { recoveryKeyGroups } from '../format';
import { AuthLayout } from './AuthLayout';

/**
 * Shown once, right after the vault is created. The key lives only in the parent's state while
 * this screen is up; "Continue" drops it.
 */
export function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const checkId = useId();
  const [written, setWritten] = useState(false);
  const [copyNote, setCopyNote] = useState('');
  const groups = recoveryKeyGroups(recoveryKey);

  const copy = () => {
    navigator.clipboard.writeText(groups.join('-')).then(
      () => setCopyNote('Copied. Paste it somewhere safe, then clear your clipboard.'),
      () => setCopyNote('Copying did not work here. Please write the key down by hand.'),
    );
  };

  return (
    <AuthLayout>
      <h1>Write down your recovery key</h1>
      <p className="lead">
        This key is the only way back into your vault if you forget your passphrase. We can’t reset it for you: nobody else has a copy.
      </p>
      <figure className="recovery-key-box">
        <figcaption>Your recovery key</figcaption>
        <p className="recovery-key" data-testid="recovery-key">
          {groups.map((g, i) => (
            <Fragment key={i}>
              {i > 0 && ' '}
              <span>{g}</span>
            </Fragment>
          ))}
        </p>
      </figure>
      <ul className="reassure">
        <li>Write it on paper and keep it with your important documents.</li>
        <li>Anyone with this key can open your vault, so keep it private.</li>
        <li>It will not be shown again.</li>
      </ul>
      <div className="button-row no-print">
        <button type="button" className="button" onClick={() => window.print()}>Print</button>
        <button type="button" className="button" onClick={copy}>Copy</button>
      </div>
      <p className="hint no-print" aria-live="polite">{copyNote}</p>
      <form className="stack no-print confirm-written" onSubmit={(e) => { e.preventDefault(); if (written) onDone(); }}>
        <div className="check">
          <input id={checkId} type="checkbox" required checked={written} onChange={(e) => setWritten(e.target.checked)} />
          <label htmlFor={checkId}>I have written down my recovery key</label>
        </div>
        <button type="submit" className="button button-primary button-wide" disabled={!written}>Continue</button>
      </form>
    </AuthLayout>
  );
}
