/**
 * A simple, explainable passphrase strength estimate shared by the UI meter and the core's check.
 * It estimates guessing entropy from length and character variety and penalises repeats and
 * common patterns. Deliberately conservative: a patient's vault guards their whole medical history.
 */
export interface StrengthEstimate {
  score: 0 | 1 | 2 | 3 | 4;
  label: 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  bits: number;
  acceptable: boolean;
  hint: string;
}

export const MIN_PASSPHRASE_LENGTH = 10;

const COMMON = ['password', 'passwort', 'qwerty', 'letmein', '123456', 'abc123', 'iloveyou', 'admin', 'welcome', 'scanvault'];

export function estimateStrength(passphrase: string): StrengthEstimate {
  const chars = [...passphrase];
  if (chars.length < MIN_PASSPHRASE_LENGTH) {
    return { score: 0, label: 'Too short', bits: 0, acceptable: false, hint: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  }
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) pool += 33;
  const unique = new Set(chars).size;
  // Repeated characters add little: count effective length from distinct characters and length.
  const effectiveLength = Math.min(chars.length, unique * 2);
  const lower = passphrase.toLowerCase();
  // A common word is worth about one guess from a list (~10 bits), not its characters' worth.
  const common = COMMON.filter((w) => lower.includes(w)).reduce((n, w) => n + w.length, 0);
  let bits = Math.max(0, effectiveLength - common) * Math.log2(Math.max(pool, 2)) + (common > 0 ? 10 : 0);
  if (/(.)\1{3,}/.test(passphrase)) bits -= 10;
  if (/(?:0123|1234|2345|3456|4567|5678|6789|abcd|qwer|asdf)/i.test(passphrase)) bits -= 10;
  bits = Math.max(0, Math.round(bits));
  const score: StrengthEstimate['score'] = bits < 35 ? 1 : bits < 50 ? 2 : bits < 65 ? 3 : 4;
  const label = (['Too short', 'Weak', 'Fair', 'Good', 'Strong'] as const)[score];
  const acceptable = score >= 2;
  const hint = acceptable
    ? score >= 3 ? 'Good choice. Write it down somewhere safe.' : 'Acceptable. A few more words would make it stronger.'
    : 'Too easy to guess. Add more unrelated words, or mix in numbers and symbols.';
  return { score, label, bits, acceptable, hint };
}
