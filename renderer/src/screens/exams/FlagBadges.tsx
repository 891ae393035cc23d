import type { AiFlag } from '../../../../shared/questionnaire';
import { FLAG_EXPLANATIONS, flagLabel } from './exam-text';

/** The flags an exam's answers raise, as badges in plain words (a list a screen reader counts). */
export function FlagBadges({ flags, label, explain = false }: { flags: readonly AiFlag[]; label: string; explain?: boolean }) {
  if (flags.length === 0) return <p className="muted flag-none">No concerns recorded yet.</p>;
  return (
    <ul className={explain ? 'flag-list flag-list-explained' : 'badges flag-badges'} aria-label={label}>
      {flags.map((f) => (
        <li key={f} className={explain ? 'flag-item' : undefined}>
          <span className="badge badge-flag">{flagLabel(f)}</span>
          {explain && <span className="flag-why">{FLAG_EXPLANATIONS[f]}</span>}
        </li>
      ))}
    </ul>
  );
}
