/**
 * UID mapping across a share: series still group, references (Referenced SOP Instance UIDs in
 * sequences, Referenced Series, Frame of Reference) resolve to the new UIDs, no original UID
 * survives anywhere in the output bytes; two shares of the same study (different secrets) have no
 * UID, pseudonym or date shift in common. On a generated study and on the sample corpus.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSeries } from '../../../test-support/dicom-fixtures';
import { deidContext } from '../../../test-support/deid/context';
import { readManifest, sampleBytes, samplesPresent } from '../../../test-support/sample-corpus';
import { SECOND_OPINION_DEFAULTS } from '../../../../shared/share/options';
import { flatten, readDicomTree, type DataElement, type FlatValue } from './dataset-tree';
import { DeidError } from './deid-error';
import { IMPLEMENTATION_CLASS_UID, deidentifyFile } from './deidentify';
import { writeFile } from './serialise';
import { encodeAscii } from './values';

const CT = '1.2.840.10008.5.1.4.1.1.2';
const NONE = new Map<string, FlatValue>();
const text = (flat: Map<string, FlatValue>, path: string) => Buffer.from(flat.get(path)?.value ?? []).toString('latin1').replace(/[\0 ]+$/, '');
const leaf = (tag: number, vr: string, value: string): DataElement => ({ tag, vr, value: encodeAscii(value, vr), encapsulated: false, items: null });
const sq = (tag: number, items: DataElement[][]): DataElement => ({ tag, vr: 'SQ', value: new Uint8Array(0), encapsulated: false, items });
const uidsIn = (flat: Map<string, FlatValue>) => [...flat.values()].filter((v) => v.vr === 'UI').flatMap((v) => Buffer.from(v.value).toString('latin1').replace(/[\0 ]+$/, '').split('\\')).filter((u) => u !== '');

function withElements(file: Uint8Array, extra: DataElement[]): Uint8Array {
  const tree = readDicomTree(file);
  const tags = new Set(extra.map((e) => e.tag));
  return writeFile(tree.meta, [...tree.dataset.filter((e) => !tags.has(e.tag)), ...extra].sort((a, b) => a.tag - b.tag));
}

/** Series A (three CT slices) and series B (two derived images pointing at A), one Frame of Reference. */
function study(): { a: Uint8Array[]; b: Uint8Array[] } {
  const frame = '1.2.826.0.1.3680043.10.999.4.1';
  const base = makeSeries(3, { patientName: 'WHITFIELD^MARGARET', patientId: 'H-4471920' });
  const studyUid = text(flatten(readDicomTree(base[0] ?? new Uint8Array(0)).dataset), '(0020,000D)');
  const a = base.map((f) => withElements(f, [leaf(0x00200052, 'UI', frame)]));
  const sops = a.map((f) => text(flatten(readDicomTree(f).dataset), '(0008,0018)'));
  const seriesA = text(flatten(readDicomTree(a[0] ?? new Uint8Array(0)).dataset), '(0020,000E)');
  const b = makeSeries(2, { patientName: 'WHITFIELD^MARGARET', patientId: 'H-4471920', studyUid }).map((f, i) => withElements(f, [
    leaf(0x00200052, 'UI', frame),
    sq(0x00081140, [[leaf(0x00081150, 'UI', CT), leaf(0x00081155, 'UI', sops[i] ?? '')]]),
    sq(0x00082112, [[leaf(0x00081150, 'UI', CT), leaf(0x00081155, 'UI', sops[i + 1] ?? '')]]),
    sq(0x00081115, [[leaf(0x0020000e, 'UI', seriesA), sq(0x0008114a, [[leaf(0x00081150, 'UI', CT), leaf(0x00081155, 'UI', sops[2] ?? '')]])]]),
  ]));
  return { a, b };
}

function share(files: Uint8Array[], secret: Uint8Array) {
  const ctx = deidContext(files, [...SECOND_OPINION_DEFAULTS], secret);
  const outputs = files.map((f) => deidentifyFile(f, ctx).bytes);
  return { ctx, outputs, flats: outputs.map((o) => flatten(readDicomTree(o).dataset)) };
}

describe('UIDs across one share', () => {
  const { a, b } = study();
  const { outputs, flats } = share([...a, ...b], randomBytes(32));
  const [outA, outB] = [flats.slice(0, 3), flats.slice(3)];

  it('keeps each series together and the series apart, in one study and one frame of reference', () => {
    expect(new Set(outA.map((f) => text(f, '(0020,000E)'))).size).toBe(1);
    expect(new Set(outB.map((f) => text(f, '(0020,000E)'))).size).toBe(1);
    expect(text(outA[0] ?? NONE, '(0020,000E)')).not.toBe(text(outB[0] ?? NONE, '(0020,000E)'));
    expect(new Set(flats.map((f) => text(f, '(0020,000D)'))).size).toBe(1);
    expect(new Set(flats.map((f) => text(f, '(0020,0052)'))).size).toBe(1);
    expect(text(flats[0] ?? NONE, '(0020,0052)')).toMatch(/^2\.25\.\d+$/);
  });

  it('makes references in sequences point at the new UIDs of the files they referred to', () => {
    const newSops = outA.map((f) => text(f, '(0008,0018)'));
    outB.forEach((f, i) => {
      expect(text(f, '(0008,1140)[0](0008,1155)')).toBe(newSops[i]);
      expect(text(f, '(0008,2112)[0](0008,1155)')).toBe(newSops[i + 1]);
      expect(text(f, '(0008,1140)[0](0008,1150)')).toBe(CT);
    });
    // Referenced Series Sequence is removed by the profile (X); where it stays, its UIDs are mapped too.
    for (const f of outB) if (f.has('(0008,1115)[0](0020,000E)')) expect(text(f, '(0008,1115)[0](0020,000E)')).toBe(text(outA[0] ?? NONE, '(0020,000E)'));
  });

  it('leaves no original UID anywhere in the output bytes', () => {
    // The meta's Implementation Class UID names the writing software (here "2.25.1"), not the patient's visit.
    const meta = (f: Uint8Array) => new Map([...flatten(readDicomTree(f).meta)].filter(([path]) => path !== '(0002,0012)'));
    const originals = new Set([...a, ...b].flatMap((f) => [...uidsIn(flatten(readDicomTree(f).dataset)), ...uidsIn(meta(f))]));
    const raw = outputs.map((o) => o.toString('latin1')).join('\n');
    const survived = [...originals].filter((u) => !u.startsWith('1.2.840.10008.') && raw.includes(u));
    expect(survived).toEqual([]);
    expect(originals.size).toBeGreaterThan(10);
  });
});

describe('two shares of the same study', () => {
  it('have no UID, pseudonym, date shift or dates in common', () => {
    const { a, b } = study();
    const one = share([...a, ...b], randomBytes(32));
    const two = share([...a, ...b], randomBytes(32));
    const ids = (s: typeof one) => new Set(s.outputs.flatMap((o) => {
      const tree = readDicomTree(o);
      return [...uidsIn(flatten(tree.dataset)), ...uidsIn(flatten(tree.meta))];
    }).filter((u) => !u.startsWith('1.2.840.10008.') && u !== IMPLEMENTATION_CLASS_UID));
    const [first, second] = [ids(one), ids(two)];
    expect(first.size).toBeGreaterThan(8);
    expect([...first].filter((u) => second.has(u))).toEqual([]);
    const rawTwo = two.outputs.map((o) => o.toString('latin1')).join('\n');
    expect([...first].filter((u) => rawTwo.includes(u))).toEqual([]);
    expect(one.ctx.keys.pseudonym).not.toBe(two.ctx.keys.pseudonym);
    expect(rawTwo).not.toContain(one.ctx.keys.pseudonym);
    expect(one.ctx.keys.dateShiftDays).not.toBe(two.ctx.keys.dateShiftDays);
    expect(text(one.flats[0] ?? NONE, '(0008,0020)')).not.toBe(text(two.flats[0] ?? NONE, '(0008,0020)'));
  });
});

describe.skipIf(!samplesPresent)('UIDs across the sample corpus as one share', () => {
  it('groups every original series, keeps each frame of reference, and resolves every reference to a file in the share', () => {
    const rows = readManifest().filter((r) => r.transferSyntaxUid.startsWith('1.2') && !r.modality.includes('DICOMDIR') && !r.path.startsWith('malformed/'));
    const ctx = deidContext([], [...SECOND_OPINION_DEFAULTS]);
    const pairs: { before: Map<string, FlatValue>; after: Map<string, FlatValue> }[] = [];
    for (const row of rows) {
      const original = sampleBytes(row.path);
      try {
        pairs.push({ before: flatten(readDicomTree(original).dataset), after: flatten(readDicomTree(deidentifyFile(original, ctx).bytes).dataset) });
      } catch (error) {
        if (!(error instanceof DeidError && error.code === 'DAMAGED')) throw error;
      }
    }
    const sopMap = new Map(pairs.map((p) => [text(p.before, '(0008,0018)'), text(p.after, '(0008,0018)')]));
    const grouped = (path: string) => {
      const groups = new Map<string, Set<string>>();
      for (const p of pairs) {
        const was = text(p.before, path);
        if (was === '') continue;
        groups.set(was, (groups.get(was) ?? new Set()).add(text(p.after, path)));
      }
      return groups;
    };
    const series = grouped('(0020,000E)');
    expect([...series.values()].filter((s) => s.size !== 1)).toEqual([]);
    expect(new Set([...series.values()].flatMap((s) => [...s])).size).toBe(series.size);
    expect([...grouped('(0020,0052)').values()].filter((s) => s.size !== 1)).toEqual([]);
    let resolved = 0;
    for (const { before, after } of pairs) {
      for (const [path, value] of before) {
        if (!path.endsWith('(0008,1155)') || !after.has(path)) continue;
        const target = sopMap.get(Buffer.from(value.value).toString('latin1').replace(/[\0 ]+$/, ''));
        if (target === undefined) continue; // refers to a file outside the corpus
        expect([path, text(after, path)]).toEqual([path, target]);
        resolved++;
      }
    }
    process.stdout.write(`UID mapping: ${pairs.length} files, ${series.size} series, ${resolved} references to files in the share resolved\n`);
    expect(series.size).toBeGreaterThan(50);
  }, 120_000);
});
