/**
 * Which question a consent-form passage speaks to, so "record the answer this implies" can open that
 * question's form with the passage as the quote. The patient still chooses the answer: the wording of
 * a form rarely says yes or no on its own, so nothing is guessed.
 */
const BY_TERM: Record<string, string> = {
  'data-sharing': 'sold-or-shared',
  'de-identified': 'training-use',
  'secondary-use': 'training-use',
  'research-and-development': 'training-use',
  training: 'training-use',
  'third-party': 'cloud-processing',
  cloud: 'cloud-processing',
  'sale-or-commercial': 'sold-or-shared',
  'opt-out': 'opt-out-secondary-use',
  'no-expiry': 'permission-basis',
  redisclosure: 'sold-or-shared',
  revocation: 'opt-out-secondary-use',
  remuneration: 'sold-or-shared',
  'coded-or-pseudonymised': 'training-use',
  operations: 'permission-basis',
};

/** The question id a passage's term group bears on (training-use when the group is unknown). */
export function questionForTerm(term: string): string {
  return BY_TERM[term] ?? 'training-use';
}
