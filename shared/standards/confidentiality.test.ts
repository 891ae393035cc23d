import { describe, expect, it } from 'vitest';
import { confidentialityRule, E1_1_ROW_COUNT, E3_10_ROW_COUNT, isPrivateCreator, safePrivateAttribute } from './confidentiality';
import { describeAction, explainIdentifying } from './identifying-words';

describe('PS3.15 Table E.1-1 lookup', () => {
  it('has every row of the table', () => {
    expect(E1_1_ROW_COUNT).toBe(621);
    expect(E3_10_ROW_COUNT).toBe(479);
  });

  it('finds exact rows with every option column', () => {
    const name = confidentialityRule(0x00100010);
    expect(name?.name).toBe("Patient's Name");
    expect(name?.actions.basic).toBe('Z');
    const acquisitionDate = confidentialityRule(0x00080022);
    expect(acquisitionDate?.actions).toMatchObject({ basic: 'X/Z', retainLongFullDates: 'K', retainLongModifiedDates: 'C', retainUids: null });
    expect(confidentialityRule(0x00080018)?.actions).toMatchObject({ basic: 'U', retainUids: 'K' });
  });

  it('does not flag attributes the table does not list', () => {
    expect(confidentialityRule(0x00280010)).toBeNull(); // Rows
    expect(confidentialityRule(0x7fe00010)).toBeNull(); // Pixel Data
    expect(confidentialityRule(0x00080060)).toBeNull(); // Modality
  });

  it('matches the repeating-group rows for even groups only', () => {
    expect(confidentialityRule(0x50000010)?.tag).toBe('(50XX,XXXX)');
    expect(confidentialityRule(0x501e3000)?.tag).toBe('(50XX,XXXX)');
    expect(confidentialityRule(0x60003000)?.tag).toBe('(60XX,3000)');
    expect(confidentialityRule(0x60024000)?.tag).toBe('(60XX,4000)');
    expect(confidentialityRule(0x60000010)).toBeNull(); // Overlay Rows: not listed
    expect(confidentialityRule(0x60013000)?.tag).toMatch(/^\(GGGG,EEEE\)/); // odd: private
  });

  it('treats every private attribute, creators included, as the private row', () => {
    expect(confidentialityRule(0x00291010)?.name).toBe('Private Attributes');
    expect(confidentialityRule(0x00290010)?.actions).toMatchObject({ basic: 'X', retainSafePrivate: 'C' });
    expect(isPrivateCreator(0x00290010)).toBe(true);
    expect(isPrivateCreator(0x00291010)).toBe(false);
    expect(confidentialityRule(0x00030010)).toBeNull(); // group 0003 is not a private group
  });

  it('finds safe private attributes by exact creator and block-relative element', () => {
    // (2001,xx0A) of 'Philips Imaging DD 001': block 10 gives (2001,100A), block 11 gives (2001,110A).
    const philips = safePrivateAttribute('Philips Imaging DD 001', 0x2001100a);
    expect(philips?.meaning).toBeTruthy();
    expect(safePrivateAttribute('Philips Imaging DD 001', 0x2001110a)).toEqual(philips);
    expect(safePrivateAttribute('Philips Imaging DD 00', 0x2001100a)).toBeNull();
    expect(safePrivateAttribute('ELSCINT1', 0x00e11021)?.meaning).toBe('DLP');
    expect(safePrivateAttribute('ELSCINT1', 0x00e10021)).toBeNull(); // not inside a block
  });
});

describe('plain words', () => {
  it('explains why an attribute identifies the person', () => {
    expect(explainIdentifying(confidentialityRule(0x00100010)!)).toBe('Identifies you: name');
    expect(explainIdentifying(confidentialityRule(0x00100030)!)).toBe('Identifies you: birth date');
    expect(explainIdentifying(confidentialityRule(0x00100020)!)).toBe('Identifies you: ID');
    expect(explainIdentifying(confidentialityRule(0x30060004)!)).toMatch(/^Free text/); // Structure Set Name: not a person
    expect(explainIdentifying(confidentialityRule(0x00081070)!)).toBe('Names a person involved in your care'); // Operators' Name
    expect(explainIdentifying(confidentialityRule(0x00080020)!)).toBe('Date that can help identify you');
    expect(explainIdentifying(confidentialityRule(0x00080090)!)).toBe('Names a person involved in your care');
    expect(explainIdentifying(confidentialityRule(0x00080080)!)).toMatch(/place/);
    expect(explainIdentifying(confidentialityRule(0x0020000d)!)).toMatch(/unique number/);
    expect(explainIdentifying(confidentialityRule(0x00880200)!)).not.toMatch(/Note/);
  });

  it('says what the Basic Profile does', () => {
    expect(describeAction('X/Z')).toBe('removed, or emptied');
    expect(describeAction('X/Z/U*')).toBe('removed, or emptied, or replaced with a new unique number');
    expect(describeAction(null)).toBeNull();
  });
});
