import { describe, expect, it } from 'vitest';
import { decodeText, parseCharacterSet } from './charset';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const decode = (charset: string | null, raw: string) => decodeText(bytes(raw), parseCharacterSet(charset));

describe('parseCharacterSet', () => {
  it('normalises spelling variants of defined terms', () => {
    expect(parseCharacterSet('ISO-IR 100').terms).toEqual(['ISO_IR 100']);
    expect(parseCharacterSet(' iso_ir 192 ').terms).toEqual(['ISO_IR 192']);
    expect(parseCharacterSet('\\ISO 2022 IR 87')).toEqual({ terms: ['', 'ISO 2022 IR 87'], iso2022: true, unknown: [] });
  });

  it('lists terms it does not know', () => {
    expect(parseCharacterSet('KLINGON').unknown).toEqual(['KLINGON']);
    expect(parseCharacterSet('\\ISO 2022 IR 999').unknown).toEqual(['ISO 2022 IR 999']);
  });
});

describe('decodeText: single code sets (the FileInfo.txt values)', () => {
  const cases: [string | null, string, string][] = [
    ['ISO_IR 100', 'Buc^J\xe9r\xf4me', 'Buc^Jérôme'],
    ['ISO_IR 100', '\xc4neas^R\xfcdiger', 'Äneas^Rüdiger'],
    ['ISO_IR 101', '\xa3\xf3d\xbc', 'Łódź'],
    ['ISO_IR 127', '\xe2\xc8\xc7\xe6\xea^\xe4\xe6\xd2\xc7\xd1', 'قباني^لنزار'],
    ['ISO_IR 126', '\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2', 'Διονυσιος'],
    ['ISO_IR 138', '\xf9\xf8\xe5\xef^\xe3\xe1\xe5\xf8\xe4', 'שרון^דבורה'],
    ['ISO_IR 144', '\xbb\xee\xdace\xdc\xd1yp\xd3', 'Люкceмбypг'],
    ['ISO_IR 148', '\xdeahin', 'Şahin'],
    ['ISO_IR 166', '\xbb\xd2\xa1', 'ปาก'],
    ['ISO_IR 13', '\xd4\xcf\xc0\xde', 'ﾔﾏﾀﾞ'],
    ['ISO_IR 192', 'Wang^XiaoDong=\xe7\x8e\x8b^\xe5\xb0\x8f\xe6\x9d\xb1=', 'Wang^XiaoDong=王^小東='],
    ['GB18030', 'Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab=', 'Wang^XiaoDong=王^小东='],
    ['GBK', '\xcd\xf5', '王'],
    [null, 'Smith^John', 'Smith^John'],
  ];
  it.each(cases)('%s %j', (charset, raw, expected) => {
    expect(decode(charset, raw)).toBe(expected);
  });

  it('accepts undeclared UTF-8, else falls back to windows-1252, for the default repertoire', () => {
    expect(decode(null, 'Jos\xc3\xa9')).toBe('José');
    expect(decode('', 'Jos\xe9')).toBe('José');
  });
});

describe('decodeText: ISO 2022 code extensions', () => {
  it('decodes Japanese with JIS X 0208 after an ASCII first value (chrH31)', () => {
    const raw = 'Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B';
    expect(decode('\\ISO 2022 IR 87', raw)).toBe('Yamada^Tarou=山田^太郎=やまだ^たろう');
  });

  it('decodes half-width katakana (IR 13) and kanji with JIS X 0201 Roman returns (chrH32)', () => {
    const raw = '\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\x1b$B;3ED\x1b(J^\x1b$BB@O:\x1b(J=\x1b$B$d$^$@\x1b(J^\x1b$B$?$m$&\x1b(J';
    expect(decode('ISO 2022 IR 13\\ISO 2022 IR 87', raw)).toBe('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう');
  });

  it('decodes Korean KS X 1001 in G1 (chrI2)', () => {
    const raw = 'Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7=\x1b$)C\xc8\xab^\x1b$)C\xb1\xe6\xb5\xbf';
    expect(decode('\\ISO 2022 IR 149', raw)).toBe('Hong^Gildong=洪^吉洞=홍^길동');
  });

  it('decodes JIS X 0212 supplementary kanji', () => {
    expect(decode('\\ISO 2022 IR 159', '\x1b$(D0!\x1b(B')).toBe('丂');
  });

  it('decodes simplified Chinese GB 2312 (IR 58) in G1', () => {
    expect(decode('\\ISO 2022 IR 58', 'Wang^\x1b$)A\xcd\xf5')).toBe('Wang^王');
  });

  it('switches single-byte sets by escape within one value', () => {
    expect(decode('ISO 2022 IR 100\\ISO 2022 IR 144', 'J\xe9r\xf4me=\x1b-L\xbb\xee\xda')).toBe('Jérôme=Люк');
  });

  it('treats several values spelled without "2022" as code extensions', () => {
    expect(decode('ISO_IR 100\\ISO_IR 144', 'J\xe9r\xf4me=\x1b-L\xbb\xee\xda')).toBe('Jérôme=Люк');
  });

  it('ignores unknown escape sequences', () => {
    expect(decode('\\ISO 2022 IR 87', 'A\x1b$ZB')).toBe('AB');
  });
});
