import { describe, expect, it } from 'vitest';
import { makeDicom } from '../../../test-support/dicom-fixtures';
import { deidContext } from '../../../test-support/deid/context';
import { encodeDataset, encodeMeta, part10File, type FixtureElement } from '../../../test-support/dicom/test-fixtures';
import { parseCharacterSet } from '../../dicom/charset';
import { EXPLICIT_LE } from '../../dicom/element-walker';
import { readDicomTree } from './dataset-tree';
import { DeidError } from './deid-error';
import { deidentifyFile } from './deidentify';
import { birthDateForms } from './identifiers';
import { leakGuard } from './leak-guard';
import { postFlight, rereadOutput } from './post-flight';
import { checkAgainstProfile } from './profile-check';
import { transformLevel, type Expected } from './transform';
import { writeFile } from './serialise';

const CT = '1.2.840.10008.5.1.4.1.1.2';
function file(extra: FixtureElement[]): Uint8Array {
  const elements: FixtureElement[] = [
    { tag: 0x00080016, vr: 'UI', value: CT },
    { tag: 0x00080018, vr: 'UI', value: '1.2.3.4.5' },
    { tag: 0x00100010, vr: 'PN', value: 'Whitfield^Margaret^Ann' },
    { tag: 0x00100020, vr: 'LO', value: 'H-4471920' },
    { tag: 0x00100030, vr: 'DA', value: '19620417' },
    ...extra,
  ];
  return part10File(encodeMeta('1.2.840.10008.1.2.1', CT, '1.2.3.4.5'), encodeDataset(elements, EXPLICIT_LE));
}

function caught(run: () => unknown): DeidError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeidError) return error;
    throw error;
  }
  throw new Error('expected a DeidError');
}

describe('leak guard', () => {
  it('stops a kept attribute that names the patient, in another order and case, and says where but not what', () => {
    // Device Serial Number is kept with Retain Device Identity; here it carries the name.
    const original = file([{ tag: 0x00181000, vr: 'LO', value: 'margaret WHITFIELD' }]);
    const error = caught(() => deidentifyFile(original, deidContext([original], ['retain-device-identity'])));
    expect(error.code).toBe('LEAK_GUARD');
    expect(error.message).toContain('(0018,1000)');
    expect(error.message.toLowerCase()).not.toContain('whitfield');
  });

  it('finds the birth date in common formats and IDs inside longer text', () => {
    for (const form of ['1962-04-17', '17/04/1962', '04/17/1962', '17.04.1962', '17 APR 1962']) {
      const original = file([{ tag: 0x00181000, vr: 'LO', value: `S/N ${form}` }]);
      expect(caught(() => deidentifyFile(original, deidContext([original], ['retain-device-identity']))).code).toBe('LEAK_GUARD');
    }
    const original = file([{ tag: 0x00181000, vr: 'LO', value: 'ref H-4471920 x' }]);
    expect(caught(() => deidentifyFile(original, deidContext([original], ['retain-device-identity']))).message).toContain('ID');
    expect(birthDateForms('19620417')).toContain('April 17 1962'.toUpperCase());
  });

  it('searches nested, private and raw bytes, and identifiers from the profile too', () => {
    const original = file([{ tag: 0x00181000, vr: 'LO', value: 'SCANNER 7' }]);
    const ctx = deidContext([original], ['retain-device-identity'], undefined, { phones: ['555 0142 9981'], addresses: ['12 Larch Lane'] });
    const withPhone = file([{ tag: 0x00181000, vr: 'LO', value: 'call 555-0142-9981' }]);
    expect(caught(() => deidentifyFile(withPhone, ctx)).code).toBe('LEAK_GUARD');
    // Raw bytes: a binary value holding the address as text.
    const tree = readDicomTree(original);
    const out = writeFile([], [...tree.dataset, { tag: 0x00189999, vr: 'OB', value: Buffer.from('at 12 LARCH LANE ') , encapsulated: false, items: null }]);
    const raw = caught(() => leakGuard(out, ctx.terms));
    expect(raw.code).toBe('LEAK_GUARD');
  });

  it('looks for the hospital unless it is kept', () => {
    const original = file([{ tag: 0x00080080, vr: 'LO', value: 'Mercy General Hospital' }, { tag: 0x00181000, vr: 'LO', value: 'Mercy General Hospital' }]);
    expect(caught(() => deidentifyFile(original, deidContext([original], ['retain-device-identity']))).message).toContain('(0018,1000) holds the patient\'s hospital or clinic');
    expect(() => deidentifyFile(original, deidContext([original], ['retain-device-identity', 'retain-institution-identity']))).not.toThrow();
  });

  it('looks for a short name part only in the name attributes', () => {
    const original = file([]);
    const ctx = deidContext([original], [], undefined, { names: ['LI^WU'] });
    const tree = readDicomTree(original);
    const expected = new Map<string, Expected>();
    const dataset = transformLevel(tree.dataset, ctx, '', parseCharacterSet(null), false, expected);
    const named = (tag: number, value: string) => writeFile([], [...dataset.filter((e) => e.tag !== tag), { tag, vr: tag === 0x00100010 ? 'PN' : 'LO', value: Buffer.from(value), encapsulated: false, items: null }].sort((a, b) => a.tag - b.tag));
    expect(() => leakGuard(named(0x00181000, 'WU LI 2'), ctx.terms)).not.toThrow();
    expect(caught(() => leakGuard(named(0x00100010, 'LI^WU '), ctx.terms)).code).toBe('LEAK_GUARD');
  });
});

describe('Clean Descriptors', () => {
  it('keeps a description and takes the identifiers out of it, in UTF-8 too', () => {
    const original = file([
      { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 192' },
      { tag: 0x00081030, vr: 'LO', value: 'CT head – Margaret WHITFIELD H-4471920' },
      { tag: 0x0008103e, vr: 'LO', value: 'Axial 5mm' },
    ]);
    const out = deidentifyFile(original, deidContext([original], ['clean-descriptors']));
    const values = readDicomTree(out.bytes).dataset;
    const textOf = (tag: number) => Buffer.from(values.find((e) => e.tag === tag)?.value ?? []).toString('utf8').trim();
    expect(textOf(0x00081030)).toBe('CT head – *** *** ***');
    expect(textOf(0x0008103e)).toBe('Axial 5mm');
    const without = readDicomTree(deidentifyFile(original, deidContext([original])).bytes).dataset;
    expect(without.some((e) => e.tag === 0x00081030)).toBe(false);
  });
});

describe('post-flight check', () => {
  const original = makeDicom({ patientName: 'WHITFIELD^MARGARET' });
  const ctx = deidContext([original]);
  const tree = readDicomTree(original);
  const expected = new Map<string, Expected>();
  const dataset = transformLevel(tree.dataset, ctx, '', parseCharacterSet(null), false, expected);
  const meta = readDicomTree(deidentifyFile(original, ctx).bytes).meta;
  const check = (bytes: Uint8Array) => postFlight(tree, rereadOutput(bytes), expected, { transferSyntaxUid: '1.2.840.10008.1.2.1' });

  it('passes the engine\'s own output', () => {
    expect(() => check(writeFile(meta, dataset))).not.toThrow();
  });

  it('holds the output to the profile itself, not only to the transform\'s plan', () => {
    expect(() => checkAgainstProfile(ctx.profile, tree.dataset, readDicomTree(deidentifyFile(original, ctx).bytes).dataset)).not.toThrow();
    const untouched = caught(() => checkAgainstProfile(ctx.profile, tree.dataset, tree.dataset));
    expect(untouched.code).toBe('EXPORT_CHECK_FAILED');
    const uidKept = dataset.map((e) => (e.tag === 0x0020000d ? (tree.dataset.find((o) => o.tag === 0x0020000d) ?? e) : e));
    expect(caught(() => checkAgainstProfile(ctx.profile, tree.dataset, uidKept)).message).toContain('(0020,000D) still holds an original UID');
    // A made-up (D) value left as the original: Device Serial Number is X/Z/D, done as D.
    const serial = { tag: 0x00181000, vr: 'LO', value: Buffer.from('SN 4471 '), encapsulated: false, items: null };
    const withSerial = [...tree.dataset, serial].sort((a, b) => a.tag - b.tag);
    const output = [...readDicomTree(deidentifyFile(original, ctx).bytes).dataset, serial].sort((a, b) => a.tag - b.tag);
    expect(caught(() => checkAgainstProfile(ctx.profile, withSerial, output, '', ctx.keys)).message).toContain('(0018,1000) still holds its original value');
    const madeUp = output.map((e) => (e.tag === 0x00181000 ? { ...e, value: Buffer.from('REMOVED ') } : e));
    expect(() => checkAgainstProfile(ctx.profile, withSerial, madeUp, '', ctx.keys)).not.toThrow();
  });

  it('stops when a kept attribute changed, one planned change is missing, or something unplanned was added', () => {
    const changedPixels = dataset.map((e) => (e.tag === 0x7fe00010 ? { ...e, value: Uint8Array.from(e.value, (b, i) => (i === 3 ? b ^ 1 : b)) } : e));
    expect(caught(() => check(writeFile(meta, changedPixels))).message).toContain('(7FE0,0010)');
    const nameKept = dataset.map((e) => tree.dataset.find((o) => o.tag === 0x00100010 && e.tag === 0x00100010) ?? e);
    expect(caught(() => check(writeFile(meta, nameKept))).code).toBe('EXPORT_CHECK_FAILED');
    const added = [...dataset, { tag: 0x00180050, vr: 'DS', value: Buffer.from('2.5 '), encapsulated: false, items: null }];
    expect(caught(() => check(writeFile(meta, added))).message).toContain('added without being planned');
  });
});
