import { useId } from 'react';
import { estimateStrength, MIN_PASSPHRASE_LENGTH } from '../../../shared/passphrase-strength';

/** Shows how hard a passphrase is to guess, with the same rule the core enforces. */
export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const labelId = useId();
  const strength = estimateStrength(passphrase);
  const empty = passphrase.length === 0;
  return (
    <div className="strength" id={id}>
      <div className="strength-row">
        <span id={labelId} className="strength-label">Strength</span>
        <div
          className={`strength-bar strength-${empty ? 'none' : strength.score}`}
          role="meter"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={strength.score}
          aria-valuetext={empty ? 'Nothing typed yet' : strength.label}
        >
          {[1, 2, 3, 4].map((step) => (
            <span key={step} className={step <= strength.score && !empty ? 'filled' : ''} />
          ))}
        </div>
        <strong className="strength-word">{empty ? '' : strength.label}</strong>
      </div>
      <p className="hint" aria-live="polite">
        {empty ? `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.` : strength.hint}
      </p>
    </div>
  );
}
