import { describe, expect, it } from 'vitest';
import { matchKey, normaliseBirthDate, normaliseName } from './match-key';

describe('matchKey (the automatic linking rule)', () => {
  it('ignores case, spacing, trailing empty components and other-script groups', () => {
    const key = matchKey('DOE^JANE', '19800412');
    expect(matchKey('Doe^Jane', '19800412')).toBe(key);
    expect(matchKey('  doe ^  jane  ^^^', '19800412')).toBe(key);
    expect(matchKey('DOE^JANE^^^=', '1980-04-12')).toBe(key);
    expect(matchKey('DOE^JANE=ドウ^ジェーン', '1980.04.12')).toBe(key);
    expect(matchKey('DOE  ^JANE', '19800412')).toBe(key);
  });

  it('keeps real differences apart', () => {
    const key = matchKey('DOE^JANE', '19800412');
    expect(matchKey('DOE^JANE^ANN', '19800412')).not.toBe(key);
    expect(matchKey('DOE^JANE', '19800413')).not.toBe(key);
    expect(matchKey('SMITH^JANE', '19800412')).not.toBe(key);
    expect(matchKey('DOE JANE', '19800412')).not.toBe(key);
  });

  it('never links a record without a name or a usable birth date', () => {
    expect(matchKey(null, '19800412')).toBeNull();
    expect(matchKey('', '19800412')).toBeNull();
    expect(matchKey('^^^', '19800412')).toBeNull();
    expect(matchKey('DOE^JANE', null)).toBeNull();
    expect(matchKey('DOE^JANE', '')).toBeNull();
    expect(matchKey('DOE^JANE', '00000000')).toBeNull();
    expect(matchKey('DOE^JANE', '1980')).toBeNull();
  });

  it('normalises the parts on their own', () => {
    expect(normaliseName('=YAMADA^TARO')).toBe('YAMADA^TARO');
    expect(normaliseName('van der  Berg^Anna')).toBe('VAN DER BERG^ANNA');
    expect(normaliseBirthDate(' 20150620 ')).toBe('20150620');
    expect(normaliseBirthDate('20151320')).toBeNull();
  });
});
