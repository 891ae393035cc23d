import { describe, expect, it } from 'vitest';
import { E1_1_ROWS } from '../../../../shared/standards/ps3-15-e1-1';
import { DEID_OPTION_NAMES, OPTION_COLUMNS, OPTION_TEXT, SECOND_OPINION_DEFAULTS, deidOptionSchema, resolveOptions } from '../../../../shared/share/options';
import { PROFILE_COLUMNS } from '../../../../shared/standards/confidentiality';
import { shiftDate, shiftDateTime } from './dates';
import { asShareSecret, shareKeys } from './keyed';
import { actionFor, makeProfile } from './profile';

const basic = makeProfile([]);
const tag = (text: string) => Number.parseInt(text.slice(1, 5) + text.slice(6, 10), 16) >>> 0;

describe('Table E.1-1 as data', () => {
  it('gives every plain row of the table an action, and never keeps one under the Basic Profile', () => {
    const rows = E1_1_ROWS.filter(([t]) => /^\([0-9A-F]{4},[0-9A-F]{4}\)$/.test(t) && !t.startsWith('(0000'));
    expect(rows.length).toBeGreaterThan(500);
    for (const [t] of rows) expect([t, actionFor(basic, tag(t), null, null)]).not.toEqual([t, 'keep']);
  });

  it('resolves combined codes to the choice that keeps the file valid', () => {
    expect(actionFor(basic, 0x00100020, 'LO', null)).toBe('dummy'); // Patient ID, Z/D
    expect(actionFor(basic, 0x00080022, 'DA', null)).toBe('empty'); // Acquisition Date, X/Z
    expect(actionFor(basic, 0x0008002a, 'DT', null)).toBe('dummy'); // Acquisition DateTime, X/Z/D
    expect(actionFor(basic, 0x00080050, 'SH', null)).toBe('empty'); // Accession Number, Z
    expect(actionFor(basic, 0x00180015, 'CS', null)).toBe('keep'); // Body Part Examined: not listed
  });

  it('keeps the maker and model under every option, and removes the station name and serial number without Retain Device Identity, as the option\'s words say', () => {
    for (const profile of [basic, makeProfile([...DEID_OPTION_NAMES])]) {
      expect(actionFor(profile, 0x00080070, 'LO', null)).toBe('keep'); // Manufacturer
      expect(actionFor(profile, 0x00081090, 'LO', null)).toBe('keep'); // Manufacturer's Model Name
    }
    expect(actionFor(basic, 0x00081010, 'SH', null)).not.toBe('keep'); // Station Name
    expect(actionFor(basic, 0x00181000, 'LO', null)).not.toBe('keep'); // Device Serial Number
    expect(actionFor(makeProfile(['retain-device-identity']), 0x00181000, 'LO', null)).toBe('keep');
    expect(OPTION_TEXT['retain-device-identity'].keeps).toContain('maker and model are always kept');
  });

  it('lets a chosen option keep or clean what the Basic Profile removes', () => {
    expect(actionFor(makeProfile(['retain-longitudinal-modified-dates']), 0x00080020, 'DA', null)).toBe('clean');
    expect(actionFor(makeProfile(['retain-patient-characteristics']), 0x00101010, 'AS', null)).toBe('keep');
    expect(actionFor(basic, 0x00101010, 'AS', null)).toBe('remove');
    expect(actionFor(makeProfile(['retain-device-identity']), 0x00181000, 'LO', null)).toBe('keep');
    expect(actionFor(makeProfile(['retain-institution-identity']), 0x00080080, 'LO', null)).toBe('keep');
    expect(actionFor(makeProfile(['clean-descriptors']), 0x00081030, 'LO', null)).toBe('clean');
  });

  it('replaces instance UIDs even outside the table, never class or syntax UIDs', () => {
    expect(actionFor(basic, 0x0020000d, 'UI', null)).toBe('uid');
    expect(actionFor(basic, 0x00200052, 'UI', null)).toBe('uid'); // Frame of Reference
    expect(actionFor(basic, 0x00080016, 'UI', null)).toBe('keep');
    expect(actionFor(basic, 0x00081150, 'UI', null)).toBe('keep');
    expect(actionFor(basic, 0x00080062, 'UI', null)).toBe('keep'); // SOP Classes in Study
  });

  it('removes overlays and curves whole, and private data unless listed safe', () => {
    expect(actionFor(makeProfile(DEID_OPTION_NAMES), 0x60020010, 'US', null)).toBe('remove');
    expect(actionFor(basic, 0x50003000, 'OB', null)).toBe('remove');
    const safe = makeProfile(['retain-safe-private']);
    expect(actionFor(basic, 0x00191023, 'DS', 'GEMS_ACQU_01')).toBe('remove');
    expect(actionFor(safe, 0x00191023, 'DS', 'GEMS_ACQU_01')).toBe('keep');
    expect(actionFor(safe, 0x00191023, 'DS', 'GEMS_ACQU_02')).toBe('remove');
    expect(actionFor(safe, 0x00190010, 'LO', 'GEMS_ACQU_01')).toBe('keep');
    expect(actionFor(safe, 0x00090010, 'LO', 'SOMEONE')).toBe('remove');
  });

  it('names only real table columns, with the stated second-opinion defaults', () => {
    for (const column of Object.values(OPTION_COLUMNS)) expect(PROFILE_COLUMNS).toContain(column);
    expect(SECOND_OPINION_DEFAULTS).toEqual(['retain-longitudinal-modified-dates', 'retain-patient-characteristics', 'clean-descriptors']);
    expect(resolveOptions(['retain-device-identity'], ['clean-descriptors'])).toEqual(['retain-longitudinal-modified-dates', 'retain-patient-characteristics', 'retain-device-identity']);
    expect(deidOptionSchema.safeParse('retain-uids').success).toBe(false);
    for (const name of DEID_OPTION_NAMES) expect(OPTION_TEXT[name].keeps.length).toBeGreaterThan(20);
  });
});

describe('keyed values and date shifts', () => {
  it('derives UIDs in 2.25 form, stable for a secret and different for another', () => {
    const a = shareKeys(asShareSecret(new Uint8Array(32).fill(1)));
    const b = shareKeys(asShareSecret(new Uint8Array(32).fill(2)));
    expect(a.uid('1.2.3')).toMatch(/^2\.25\.[1-9]\d{0,38}$/);
    expect(a.uid('1.2.3')).toBe(shareKeys(asShareSecret(new Uint8Array(32).fill(1))).uid('1.2.3'));
    expect(a.uid('1.2.3')).not.toBe(b.uid('1.2.3'));
    expect(a.uid('1.2.3')).not.toBe(a.uid('1.2.4'));
    expect(a.dateShiftDays).toBeLessThanOrEqual(-365);
    expect(a.dateShiftDays).toBeGreaterThan(-3652);
    expect(() => asShareSecret(new Uint8Array(16))).toThrow();
  });

  it('shifts dates, ranges and date-times by whole days', () => {
    expect(shiftDate('20240301', -1)).toBe('20240229');
    expect(shiftDate('2024.03.01', -366)).toBe('20230301');
    expect(shiftDate('20240101-20240110', 10)).toBe('20240111-20240120');
    expect(shiftDateTime('20240301101500.25+0100', -1)).toBe('20240229101500.25+0100');
    expect(shiftDate('2024', -1)).toBeNull();
    expect(shiftDateTime('2024', -1)).toBeNull();
  });
});
