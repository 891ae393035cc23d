import { describe, expect, it } from 'vitest';
import { deidContext } from '../../../test-support/deid/context';
import { plantText } from '../../../test-support/burned-in/planted-text';
import { syntheticCt } from '../../../test-support/burned-in/synthetic-images';
import { encodeDataset, encodeMeta, part10File } from '../../../test-support/dicom/test-fixtures';
import { maskPixels } from '../burned-in/mask-pixels';
import { flatten, readDicomTree } from './dataset-tree';
import { deidentifyFile } from './deidentify';
import { methodElements } from './method';

const text = (bytes: Uint8Array, path: string) =>
  Buffer.from(flatten(readDicomTree(bytes).dataset).get(path)?.value ?? []).toString('latin1').replace(/[\0 ]+$/, '');
const codes = (bytes: Uint8Array) =>
  [...flatten(readDicomTree(bytes).dataset).entries()].filter(([p]) => /^\(0012,0064\)\[\d+\]\(0008,0100\)$/.test(p)).map(([, v]) => Buffer.from(v.value).toString('latin1').trim());

/** A small CT flagged BurnedInAnnotation YES. */
function flaggedCt(): Uint8Array {
  const sop = '2.25.424242';
  const pixels = new Uint8Array(16 * 16 * 2).fill(3);
  const dataset = encodeDataset([
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.2' }, { tag: 0x00080018, vr: 'UI', value: sop },
    { tag: 0x00080060, vr: 'CS', value: 'CT' }, { tag: 0x00100010, vr: 'PN', value: 'DOE^JANE' },
    { tag: 0x00280002, vr: 'US', value: { us: [1] } }, { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280010, vr: 'US', value: { us: [16] } }, { tag: 0x00280011, vr: 'US', value: { us: [16] } },
    { tag: 0x00280100, vr: 'US', value: { us: [16] } }, { tag: 0x00280101, vr: 'US', value: { us: [16] } },
    { tag: 0x00280102, vr: 'US', value: { us: [15] } }, { tag: 0x00280103, vr: 'US', value: { us: [0] } },
    { tag: 0x00280301, vr: 'CS', value: 'YES' }, { tag: 0x7fe00010, vr: 'OW', value: pixels },
  ], { littleEndian: true, explicitVr: true });
  return part10File(encodeMeta('1.2.840.10008.1.2.1', '1.2.840.10008.5.1.4.1.1.2', sop), dataset);
}

describe('the de-identification method claims pixel cleaning only when pixels were cleaned', () => {
  it('methodElements: Clean Pixel Data and Burned In Annotation NO only with pixelsCleaned', () => {
    const without = methodElements(new Set(), 'P', true, true);
    const withClean = methodElements(new Set(), 'P', true, true, true);
    expect(without.some((e) => e.tag === 0x00280301)).toBe(false);
    expect(Buffer.from(withClean.find((e) => e.tag === 0x00280301)?.value ?? []).toString('latin1')).toBe('NO');
    const codesOf = (elements: typeof without) => elements.find((e) => e.tag === 0x00120064)?.items?.map((item) => Buffer.from(item[0]?.value ?? []).toString('latin1').trim());
    expect(codesOf(without)).toEqual(['113100']);
    expect(codesOf(withClean)).toEqual(['113100', '113101']);
    const tags = withClean.map((e) => e.tag);
    expect(tags).toEqual([...tags].sort((a, b) => a - b));
  });

  it('a masked file, de-identified with pixelsCleaned, claims 113101 and says NO burned-in annotation (post-flight passes)', () => {
    const planted = plantText(syntheticCt({ rows: 96, columns: 96 }), [{ text: 'DOE', x: 4, y: 4, px: 12 }]);
    const masked = maskPixels(planted.bytes, planted.boxes);
    const out = deidentifyFile(masked.bytes, { ...deidContext([masked.bytes]), pixelsCleaned: true });
    expect(codes(out.bytes)).toContain('113101');
    expect(text(out.bytes, '(0028,0301)')).toBe('NO');
    expect(text(out.bytes, '(0012,0063)')).toContain('clean-pixel-data');
  });

  it('without pixel work: no 113101, and a YES flag stays YES; with it the flag becomes NO', () => {
    const file = flaggedCt();
    const plain = deidentifyFile(file, deidContext([file]));
    expect(codes(plain.bytes)).not.toContain('113101');
    expect(text(plain.bytes, '(0028,0301)')).toBe('YES');
    const cleaned = deidentifyFile(file, { ...deidContext([file]), pixelsCleaned: true });
    expect(text(cleaned.bytes, '(0028,0301)')).toBe('NO');
  });
});
