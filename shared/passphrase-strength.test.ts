import { describe, expect, it } from 'vitest';
import { estimateStrength } from './passphrase-strength';

describe('estimateStrength', () => {
  it('rejects short passphrases', () => {
    expect(estimateStrength('abc').acceptable).toBe(false);
    expect(estimateStrength('abc').label).toBe('Too short');
  });
  it('rejects long but repetitive or common ones', () => {
    expect(estimateStrength('aaaaaaaaaaaa').acceptable).toBe(false);
    expect(estimateStrength('password1234').acceptable).toBe(false);
  });
  it('accepts several unrelated words', () => {
    const s = estimateStrength('correct horse battery staple');
    expect(s.acceptable).toBe(true);
    expect(s.score).toBeGreaterThanOrEqual(3);
  });
});
