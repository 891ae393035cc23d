import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXPLICIT_BE, IMPLICIT_LE } from '../../dicom/element-walker';
import { tagText } from '../../dicom/dictionary';
import { makeSeries } from '../../../test-support/dicom-fixtures';
import { deidContext } from '../../../test-support/deid/context';
import { plantedDcmjs, plantedDeflated, plantedElements, plantedFile } from '../../../test-support/deid/planted';
import { SECOND_OPINION_DEFAULTS } from '../../../../shared/share/options';
import { flatten, readDicomTree, type FlatValue } from './dataset-tree';
import { deidentifyFile } from './deidentify';
import { writeFile } from './serialise';

const text = (map: ReturnType<typeof flatten>, path: string) => Buffer.from(map.get(path)?.value ?? []).toString('latin1').replace(/[\0 ]+$/, '');
const allValues = (bytes: Uint8Array): Set<string> => {
  const values = new Set<string>();
  for (const [, v] of flatten(readDicomTree(bytes).dataset)) {
    for (const part of Buffer.from(v.value).toString('latin1').split('\\')) values.add(part.replace(/[\0 ]+$/, '').trim());
  }
  return values;
};

describe('de-identification of a file carrying every E.1-1 attribute', () => {
  const planted = plantedElements();
  const variants = {
    'explicit VR LE (dcmjs)': plantedDcmjs(planted),
    'implicit VR LE': plantedFile(planted, '1.2.840.10008.1.2', IMPLICIT_LE),
    'explicit VR BE': plantedFile(planted, '1.2.840.10008.1.2.2', EXPLICIT_BE),
    deflated: plantedDeflated(planted),
  };

  it('plants hundreds of attributes', () => {
    expect(planted.markers.length + planted.values.length + planted.uids.length).toBeGreaterThan(300);
  });

  for (const [name, file] of Object.entries(variants)) {
    it(`leaves no planted value, marker or UID under the Basic Profile (${name})`, () => {
      const out = deidentifyFile(file, deidContext([file]));
      const raw = out.bytes.toString('latin1');
      const leftMarkers = planted.markers.filter((m) => raw.includes(m));
      expect(leftMarkers).toEqual([]);
      const values = allValues(out.bytes);
      expect(planted.values.filter((v) => values.has(v))).toEqual([]);
      expect(planted.uids.filter((u) => raw.includes(u))).toEqual([]);
    });
  }

  it('converts implicit, big endian and deflated originals to the same explicit VR LE file', () => {
    const secret = randomBytes(32);
    const outputs = Object.values(variants).map((file) => deidentifyFile(file, deidContext([file], [], secret)));
    const first = outputs[0]?.bytes;
    for (const out of outputs) expect(out.bytes.equals(first ?? Buffer.alloc(0))).toBe(true);
    expect(outputs.map((o) => o.conversions)).toEqual([
      [], ['implicit VR little endian to explicit VR little endian'], ['explicit VR big endian to explicit VR little endian'],
      ['deflated explicit VR little endian to explicit VR little endian'],
    ]);
    expect(outputs[0]?.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
  });

  it('keeps pixel data and unlisted attributes byte for byte, and says what was done', () => {
    const file = variants['explicit VR LE (dcmjs)'];
    const ctx = deidContext([file], [...SECOND_OPINION_DEFAULTS]);
    const before = flatten(readDicomTree(file).dataset);
    const after = flatten(readDicomTree(deidentifyFile(file, ctx).bytes).dataset);
    expect(Buffer.from(after.get('(7FE0,0010)')?.value ?? []).equals(Buffer.from(before.get('(7FE0,0010)')?.value ?? [1]))).toBe(true);
    expect(text(after, '(0008,0060)')).toBe('CT');
    expect(text(after, '(0010,0010)')).toBe(ctx.keys.pseudonym);
    expect(text(after, '(0010,0020)')).toBe(ctx.keys.pseudonym);
    expect(text(after, '(0012,0062)')).toBe('YES');
    expect(text(after, '(0028,0303)')).toBe('MODIFIED');
    const codes = [...after.entries()].filter(([p]) => /^\(0012,0064\)\[\d+\]\(0008,0100\)$/.test(p)).map(([p]) => text(after, p));
    expect(codes.sort()).toEqual(['113100', '113105', '113107', '113108']);
    expect(codes).not.toContain('113101'); // no pixel work, so Clean Pixel Data is never claimed
    for (const path of after.keys()) expect(path.startsWith('(6000') || path.startsWith('(5000')).toBe(false);
  });

  it('shifts every date by the share\'s days and keeps times with Retain Longitudinal Modified Dates', () => {
    const file = variants['explicit VR LE (dcmjs)'];
    const ctx = deidContext([file], ['retain-longitudinal-modified-dates']);
    const before = flatten(readDicomTree(file).dataset);
    const after = flatten(readDicomTree(deidentifyFile(file, ctx).bytes).dataset);
    const studyDate = text(before, '(0008,0020)');
    const shifted = new Date(Date.UTC(+studyDate.slice(0, 4), +studyDate.slice(4, 6) - 1, +studyDate.slice(6, 8)) + ctx.keys.dateShiftDays * 86_400_000);
    expect(text(after, '(0008,0020)')).toBe(shifted.toISOString().slice(0, 10).replace(/-/g, ''));
    expect(text(after, '(0008,0030)')).toBe(text(before, '(0008,0030)'));
    expect(text(after, '(0010,0030)')).toBe(''); // birth date: emptied, never shifted
  });

  it('keeps only the private attributes Table E.3.10-1 lists as safe with Retain Safe Private', () => {
    const file = variants['explicit VR LE (dcmjs)'];
    const after = flatten(readDicomTree(deidentifyFile(file, deidContext([file], ['retain-safe-private'])).bytes).dataset);
    expect(text(after, '(0019,0010)')).toBe('GEMS_ACQU_01');
    expect(text(after, '(0019,1023)')).toBe('1.5');
    expect(after.has('(0019,1099)')).toBe(false);
    expect([...after.keys()].filter((p) => p.includes('(0009,') || p.includes('(0029,'))).toEqual([]);
  });

  it('replaces UIDs consistently: references still point at the new instance, standard UIDs stay', () => {
    const file = variants['explicit VR LE (dcmjs)'];
    const ctx = deidContext([file]);
    const after = flatten(readDicomTree(deidentifyFile(file, ctx).bytes).dataset);
    const sop = text(after, '(0008,0018)');
    expect(sop).toMatch(/^2\.25\.\d+$/);
    expect(text(after, '(0008,1115)[0](0008,1140)[1](0008,1155)')).toBe(sop);
    expect(text(after, '(0008,1115)[0](0008,1140)[1](0008,1150)')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(text(after, '(0008,0016)')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(sop).toBe(ctx.keys.uid(planted.sopInstanceUid));
  });
});

describe('the birth date written into descriptions', () => {
  it('is taken out of every description in every common format with Clean Descriptors', () => {
    const forms = ['19620417', '1962-04-17', '17/04/1962', '04/17/1962', '17.04.1962', '17 Apr 1962', 'April 17, 1962'];
    const tags = [0x00081030, 0x0008103e, 0x00204000, 0x00321060, 0x00400254, 0x00081080, 0x00180010];
    const file = makeSeries(1, { birthDate: '19620417' })[0] ?? new Uint8Array(0);
    const tree = readDicomTree(file);
    const planted = [...tree.dataset.filter((e) => !tags.includes(e.tag)), ...forms.map((form, i) => ({ tag: tags[i] ?? 0, vr: 'LO', value: Buffer.from(`seen ${form} x`), encapsulated: false, items: null }))].sort((a, b) => a.tag - b.tag);
    const withDates = writeFile(tree.meta, planted);
    const out = deidentifyFile(withDates, deidContext([withDates], ['clean-descriptors'])).bytes.toString('latin1');
    for (const form of forms) expect(out.toUpperCase()).not.toContain(form.toUpperCase());
    expect(out).toContain('seen *** x');
  });
});

describe('UIDs, pseudonym and date shift across shares', () => {
  const series = makeSeries(3, { patientName: 'WHITFIELD^MARGARET', patientId: 'H-4471920' });
  const share = (secret: Uint8Array) => {
    const ctx = deidContext(series, [...SECOND_OPINION_DEFAULTS], secret);
    return { ctx, files: series.map((file) => flatten(readDicomTree(deidentifyFile(file, ctx).bytes).dataset)) };
  };

  it('groups the series in one share and links nothing between two shares', () => {
    const a = share(randomBytes(32));
    const b = share(randomBytes(32));
    const uids = (s: typeof a) => new Set(s.files.flatMap((f) => ['(0020,000D)', '(0020,000E)', '(0008,0018)', '(0002,0003)'].map((p) => text(f, p)).filter((v) => v !== '')));
    expect(new Set(a.files.map((f) => text(f, '(0020,000E)'))).size).toBe(1);
    expect(new Set(a.files.map((f) => text(f, '(0008,0018)'))).size).toBe(3);
    const originals = new Set(series.flatMap((f) => [...flatten(readDicomTree(f).dataset).entries()].filter(([, v]) => v.vr === 'UI').map(([p]) => text(flatten(readDicomTree(f).dataset), p))));
    for (const uid of uids(a)) expect(originals.has(uid) || uids(b).has(uid)).toBe(false);
    expect(a.ctx.keys.pseudonym).not.toBe(b.ctx.keys.pseudonym);
    expect(a.ctx.keys.dateShiftDays).not.toBe(b.ctx.keys.dateShiftDays);
    expect(a.ctx.keys.pseudonym).toMatch(/^SECOND-OPINION-[0-9A-Z]{6}$/);
    expect(text(a.files[0] ?? new Map<string, FlatValue>(), '(0010,0010)')).toBe(a.ctx.keys.pseudonym);
  });

  it('gives the same answers again for the same secret (a follow-up share to the same doctor)', () => {
    const secret = randomBytes(32);
    const [first, again] = [share(secret), share(secret)];
    expect(first.files.map((f) => text(f, '(0008,0018)'))).toEqual(again.files.map((f) => text(f, '(0008,0018)')));
    expect(tagText(0x00100010)).toBe('(0010,0010)');
  });
});
