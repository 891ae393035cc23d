/**
 * The leak guard and ordinary words: a placeholder or DICOM word in a name ("Test^Patient",
 * "Head^Phantom") does not stop a share on its own, a real name still does, in any order.
 */
import { describe, expect, it } from 'vitest';
import { deidContext } from '../../../test-support/deid/context';
import { encodeDataset, encodeMeta, part10File, type FixtureElement } from '../../../test-support/dicom/test-fixtures';
import { EXPLICIT_LE } from '../../dicom/element-walker';
import type { DeidOptionName } from '../../../../shared/share/options';
import { readDicomTree } from './dataset-tree';
import { DeidError } from './deid-error';
import { deidentifyFile } from './deidentify';
import { addIdentifiersFromFile, buildTerms, emptyIdentifiers } from './identifiers';
import { leakGuard } from './leak-guard';
import { writeFile } from './serialise';

const CT = '1.2.840.10008.5.1.4.1.1.2';
function file(name: string, extra: FixtureElement[]): Uint8Array {
  const elements: FixtureElement[] = [
    { tag: 0x00080016, vr: 'UI', value: CT },
    { tag: 0x00080018, vr: 'UI', value: '1.2.3.4.5' },
    { tag: 0x00100010, vr: 'PN', value: name },
    { tag: 0x00100020, vr: 'LO', value: 'H-4471920' },
    ...extra,
  ].sort((a, b) => a.tag - b.tag);
  return part10File(encodeMeta('1.2.840.10008.1.2.1', CT, '1.2.3.4.5'), encodeDataset(elements, EXPLICIT_LE));
}

/** Station Name (kept with Retain Device Identity) carrying `text`: the share's outcome. */
function withStation(name: string, text: string, options: DeidOptionName[] = ['retain-device-identity']): string {
  const original = file(name, [{ tag: 0x00081010, vr: 'SH', value: text }]);
  try {
    deidentifyFile(original, deidContext([original], options));
    return 'ok';
  } catch (error) {
    if (error instanceof DeidError) return error.code;
    throw error;
  }
}

describe('ordinary words in a name', () => {
  it('do not stop a share on their own', () => {
    expect(withStation('Head^Phantom', 'CT HEAD 2')).toBe('ok');
    expect(withStation('Test^Patient', 'PATIENT TEST ROOM')).not.toBe('ok'); // the whole name, given name first
    expect(withStation('Test^Patient', 'TEST ROOM')).toBe('ok');
    expect(withStation('Anonymous', 'ANONYMOUS')).toBe('ok');
    expect(withStation('Last Name^First Name', 'FIRST FLOOR')).toBe('ok');
    expect(withStation('CT^Phantom', 'CT01')).toBe('ok');
  });

  it('still stop it for the other parts of a real name, in any order and case', () => {
    expect(withStation('Head^Anthony', 'anthony')).toBe('LEAK_GUARD');
    expect(withStation('Head^Anthony', 'Head, Anthony')).toBe('LEAK_GUARD');
    expect(withStation('Whitfield^Margaret^Ann', 'ann w')).toBe('ok'); // short part: only in name attributes
    expect(withStation('Whitfield^Margaret^Ann', 'WHITFIELD')).toBe('LEAK_GUARD');
    expect(withStation('Smith-Jones^Test', 'SMITH JONES')).toBe('LEAK_GUARD');
  });

  it('still stop it for the whole name written out when every part is ordinary', () => {
    expect(withStation('Head^Phantom', 'PHANTOM HEAD')).toBe('LEAK_GUARD');
    expect(withStation('Head^Phantom', 'head phantom')).toBe('LEAK_GUARD');
  });

  it('are still looked for in the name attributes themselves', () => {
    const terms = buildTerms({ ...emptyIdentifiers(), names: ['Test^Patient'] }, false);
    const tree = readDicomTree(file('X', []));
    const named = writeFile([], tree.dataset.map((e) => (e.tag === 0x00100010 ? { ...e, value: Buffer.from('TEST') } : e)));
    expect(() => leakGuard(named, terms)).toThrow(DeidError);
  });

  it('are left in descriptions by Clean Descriptors, while the real name parts go', () => {
    const original = file('Head^Anthony', [{ tag: 0x00081030, vr: 'LO', value: 'CT HEAD for Anthony' }]);
    const out = readDicomTree(deidentifyFile(original, deidContext([original], ['clean-descriptors'])).bytes).dataset;
    expect(Buffer.from(out.find((e) => e.tag === 0x00081030)?.value ?? []).toString('latin1').trim()).toBe('CT HEAD for ***');
  });
});

describe('small numbers and the maker\'s name', () => {
  it('treat an all-digit accession under six digits as a term of its own attribute only', () => {
    const original = file('Whitfield^Margaret', [{ tag: 0x00080050, vr: 'SH', value: '0001' }, { tag: 0x00200011, vr: 'IS', value: '0001' }]);
    expect(() => deidentifyFile(original, deidContext([original]))).not.toThrow();
    const long = file('Whitfield^Margaret', [{ tag: 0x00080050, vr: 'SH', value: '2198906' }, { tag: 0x00081010, vr: 'SH', value: 'WS 2198906' }]);
    expect(() => deidentifyFile(long, deidContext([long], ['retain-device-identity']))).toThrow(DeidError);
  });

  it('do not count a maker\'s name in the hospital field as the hospital, but a real hospital still counts', () => {
    const vendor = file('Whitfield^Margaret', [{ tag: 0x00080070, vr: 'LO', value: 'TOSHIBA_MEC' }, { tag: 0x00080080, vr: 'LO', value: 'TOSHIBA' }]);
    const ids = emptyIdentifiers();
    addIdentifiersFromFile(ids, vendor);
    expect(ids.institutions).toEqual([]);
    expect(() => deidentifyFile(vendor, deidContext([vendor]))).not.toThrow();
    const hospital = file('Whitfield^Margaret', [
      { tag: 0x00080070, vr: 'LO', value: 'SIEMENS' }, { tag: 0x00080080, vr: 'LO', value: 'Mercy General' }, { tag: 0x00081010, vr: 'SH', value: 'MERCY GENERAL CT1' },
    ]);
    expect(() => deidentifyFile(hospital, deidContext([hospital], ['retain-device-identity']))).toThrow(DeidError);
  });
});
