import { describe, expect, it } from 'vitest';
import type { AttributeNode } from '../../../../../shared/api/details';
import { attributeRows, countIdentifying, nodeMatches, treeKeyTarget } from './attribute-rows';

function node(tag: string, name: string, value: string | null, extra: Partial<AttributeNode> = {}): AttributeNode {
  return { tag, keyword: name.replace(/ /g, ''), name, vr: 'LO', value, note: null, truncated: false, privateCreator: null, identifying: null, items: null, ...extra };
}

const who = { reason: 'Identifies you: name', whenShared: 'emptied', safePrivate: false };
const tree: AttributeNode[] = [
  node('(0008,0060)', 'Modality', 'CT'),
  node('(0008,1140)', 'Referenced Image Sequence', null, {
    vr: 'SQ',
    items: [
      [node('(0008,1150)', 'Referenced SOP Class UID', '1.2.3')],
      [node('(0008,1150)', 'Referenced SOP Class UID', '1.2.4'), node('(0010,0010)', 'Patient Name', 'DOE^JANE', { identifying: who })],
    ],
  }),
  node('(0010,0010)', 'Patient Name', 'DOE^JANE', { identifying: who }),
];

const none = new Set<string>();

describe('attributeRows', () => {
  it('shows top-level attributes with sequences closed', () => {
    const rows = attributeRows(tree, { expanded: none, query: '', identifyingOnly: false });
    expect(rows.map((r) => r.key)).toEqual(['0', '1', '2']);
    expect(rows[1]).toMatchObject({ expandable: true, expanded: false });
  });

  it('opens a sequence into items, and an item into its attributes', () => {
    const rows = attributeRows(tree, { expanded: new Set(['1', '1.1']), query: '', identifyingOnly: false });
    expect(rows.map((r) => `${r.key}@${r.depth}`)).toEqual(['0@0', '1@0', '1.0@1', '1.1@1', '1.1.0@2', '1.1.1@2', '2@0']);
    expect(rows[2]).toMatchObject({ kind: 'item', index: 0, count: 2 });
  });

  it('search keeps the path to a deep match open, and only that', () => {
    const rows = attributeRows(tree, { expanded: none, query: '1.2.4', identifyingOnly: false });
    expect(rows.map((r) => r.key)).toEqual(['1', '1.1', '1.1.0']);
    expect(rows.find((r) => r.key === '1.1.0')?.match).toBe(true);
    expect(rows.find((r) => r.key === '1')?.match).toBe(false);
  });

  it('"identifying only" keeps flagged attributes and their parents', () => {
    const rows = attributeRows(tree, { expanded: none, query: '', identifyingOnly: true });
    expect(rows.map((r) => r.key)).toEqual(['1', '1.1', '1.1.1', '2']);
  });

  it('finds by tag in any spelling, keyword, name and value', () => {
    const name = tree[2]!;
    for (const q of ['0010,0010', '(0010,0010)', '00100010', 'patientname', 'patient name', 'doe^j']) expect(nodeMatches(name, q)).toBe(true);
    expect(nodeMatches(name, 'modality')).toBe(false);
    expect(nodeMatches(tree[0]!, '0010')).toBe(false);
  });

  it('counts flagged attributes at every depth', () => {
    expect(countIdentifying(tree)).toBe(2);
  });
});

describe('treeKeyTarget', () => {
  const rows = attributeRows(tree, { expanded: new Set(['1']), query: '', identifyingOnly: false });
  it('moves up and down, home and end', () => {
    expect(treeKeyTarget(rows, 0, 'ArrowDown')).toEqual({ focus: 1 });
    expect(treeKeyTarget(rows, 0, 'ArrowUp')).toEqual({ focus: 0 });
    expect(treeKeyTarget(rows, 2, 'End')).toEqual({ focus: rows.length - 1 });
  });
  it('opens and closes with right and left, and left goes to the parent', () => {
    expect(treeKeyTarget(rows, 1, 'ArrowLeft')).toEqual({ focus: 1, toggle: 'close' });
    expect(treeKeyTarget(rows, 2, 'ArrowRight')).toEqual({ focus: 2, toggle: 'open' });
    expect(treeKeyTarget(rows, 2, 'ArrowLeft')).toEqual({ focus: 1 });
    expect(treeKeyTarget(rows, 0, 'ArrowRight')).toBeNull();
  });
});
