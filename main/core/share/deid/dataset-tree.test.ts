import { describe, expect, it } from 'vitest';
import { encodeDataset, encodeMeta, part10File, type FixtureElement } from '../../../test-support/dicom/test-fixtures';
import { EXPLICIT_LE } from '../../dicom/element-walker';
import { MAX_TREE_NODES, readDicomTree } from './dataset-tree';
import { DeidError } from './deid-error';
import { leftOutReason } from '../prepare-share';

const CT = '1.2.840.10008.5.1.4.1.1.2';
/** A file whose one sequence holds `count` items of one element each. */
function withItems(count: number): Uint8Array {
  const items: FixtureElement[][] = Array.from({ length: count }, (_, i) => [{ tag: 0x00081155, vr: 'UI', value: `1.2.3.${i}` }]);
  const elements: FixtureElement[] = [
    { tag: 0x00080016, vr: 'UI', value: CT },
    { tag: 0x00080018, vr: 'UI', value: '1.2.3.4.5' },
    { tag: 0x00081140, vr: 'SQ', value: { items } },
  ];
  return part10File(encodeMeta('1.2.840.10008.1.2.1', CT, '1.2.3.4.5'), encodeDataset(elements, EXPLICIT_LE));
}

describe('readDicomTree node budget', () => {
  it('reads a file within the budget, every item kept', () => {
    const tree = readDicomTree(withItems(40), 200);
    expect(tree.dataset.find((e) => e.tag === 0x00081140)?.items).toHaveLength(40);
  });

  it('refuses a file with more elements and items than the budget, as a per-file error, not a crash', () => {
    // 3 top-level elements + 40 items + 40 elements in them, plus the meta: over a budget of 60.
    let error: unknown = null;
    try { readDicomTree(withItems(40), 60); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(DeidError);
    expect((error as DeidError).code).toBe('UNSUPPORTED');
    expect((error as DeidError).message).toMatch(/too many details/);
  });

  it('allows far more than real files hold by default', () => {
    expect(MAX_TREE_NODES).toBeGreaterThanOrEqual(1_000_000);
    expect(() => readDicomTree(withItems(5_000))).not.toThrow();
  });
});

describe('why prepare leaves such a file out', () => {
  it('says what the reader found, in its own words, and that the file stays in the vault', () => {
    let error: unknown = null;
    try { readDicomTree(withItems(40), 60); } catch (e) { error = e; }
    expect(leftOutReason(error)).toBe('The file holds too many details to be checked one by one, so it cannot be de-identified. It stays in your vault and is not shared.');
    expect(leftOutReason(new Error('internal'))).toBe('This file could not be read as a medical image file, so it cannot be de-identified. It stays in your vault and is not shared.');
  });
});
