import { useId } from 'react';
import { estimateStrength } from '../../../shared/passphrase-strength';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';

interface Props {
  /** Field labels, and the words completing "Show …" on each field's toggle. */
  labels: { first: string; again: string; firstToggle: string; againToggle: string };
  first: string;
  again: string;
  onFirst: (value: string) => void;
  onAgain: (value: string) => void;
  autoFocus?: boolean;
}

/** Whether a new passphrase may be submitted: strong enough and typed the same twice. */
export function newPassphraseReady(first: string, again: string): boolean {
  return estimateStrength(first).acceptable && first === again;
}

/** A new passphrase typed twice, with the strength meter and a "do not match" note. */
export function NewPassphraseFields({ labels, first, again, onFirst, onAgain, autoFocus = false }: Props) {
  const meterId = useId();
  const matchId = useId();
  const mismatch = again.length > 0 && again !== first;
  return (
    <>
      <PassphraseField label={labels.first} toggleName={labels.firstToggle} value={first} onChange={onFirst} autoComplete="new-password" autoFocus={autoFocus} describedBy={meterId}>
        <StrengthMeter passphrase={first} id={meterId} />
      </PassphraseField>
      <PassphraseField label={labels.again} toggleName={labels.againToggle} value={again} onChange={onAgain} autoComplete="new-password" describedBy={matchId} invalid={mismatch}>
        <p className="hint" id={matchId} aria-live="polite">
          {mismatch ? 'The two passphrases do not match yet.' : again.length > 0 ? 'The passphrases match.' : 'Type it once more, to be sure there is no typo.'}
        </p>
      </PassphraseField>
    </>
  );
}
