import { describe, expect, it } from 'vitest';
import { EXPLICIT_LE, IMPLICIT_LE, makeSource, readElementHeader, walkElements, type ElementHeader } from './element-walker';
import { concatBytes, encodeDataset, encodeElement, type FixtureElement } from '../../test-support/dicom/test-fixtures';

function tagsOf(bytes: Uint8Array, explicit: boolean) {
  const tags: string[] = [];
  const walk = walkElements(makeSource(bytes), 0, bytes.length, explicit ? EXPLICIT_LE : IMPLICIT_LE, (h: ElementHeader) => {
    tags.push(h.tag.toString(16).padStart(8, '0'));
    return 'continue';
  });
  return { tags, outcome: walk.outcome };
}

const nested: FixtureElement = {
  tag: 0x00291010,
  vr: 'SQ',
  undefinedLength: true,
  value: {
    undefinedLength: true,
    items: [
      [
        { tag: 0x00291011, vr: 'SQ', undefinedLength: true, value: { items: [[{ tag: 0x00291012, vr: 'LO', value: 'a' }]], undefinedLength: true } },
        { tag: 0x00291013, vr: 'SQ', value: { items: [[{ tag: 0x00291014, vr: 'LO', value: 'b' }], []] } },
      ],
      [],
    ],
  },
};

describe('walkElements', () => {
  it('steps over nested sequences of defined and undefined length at the top level only', () => {
    const elements: FixtureElement[] = [{ tag: 0x00100010, vr: 'PN', value: 'A^B' }, nested, { tag: 0x00300010, vr: 'LO', value: 'after' }];
    expect(tagsOf(encodeDataset(elements, EXPLICIT_LE), true)).toEqual({ tags: ['00100010', '00291010', '00300010'], outcome: 'end' });
    expect(tagsOf(encodeDataset(elements, IMPLICIT_LE), false)).toEqual({ tags: ['00100010', '00291010', '00300010'], outcome: 'end' });
  });

  it('reports truncation inside an undefined-length sequence', () => {
    const bytes = encodeDataset([{ tag: 0x00100010, vr: 'PN', value: 'A^B' }, nested], EXPLICIT_LE);
    expect(tagsOf(bytes.subarray(0, bytes.length - 12), true)).toEqual({ tags: ['00100010', '00291010'], outcome: 'truncated' });
  });

  it('reports garbage where an item should be as malformed', () => {
    const header = encodeElement({ tag: 0x00291010, vr: 'SQ', undefinedLength: true, value: { items: [] } }, EXPLICIT_LE).subarray(0, 12);
    const bytes = concatBytes([header, Uint8Array.from([0x08, 0x00, 0x10, 0x00, 2, 0, 0, 0, 0x41, 0x41])]);
    expect(tagsOf(bytes, true)).toEqual({ tags: ['00291010'], outcome: 'malformed' });
  });

  it('treats trailing zero padding shorter than a header as the end', () => {
    const bytes = concatBytes([encodeElement({ tag: 0x00100010, vr: 'PN', value: 'A^B' }, EXPLICIT_LE), new Uint8Array(5)]);
    expect(tagsOf(bytes, true)).toEqual({ tags: ['00100010'], outcome: 'end' });
  });
});

describe('readElementHeader', () => {
  it('reads an element written in implicit VR inside an explicit VR dataset', () => {
    const implicit = encodeElement({ tag: 0x00091001, vr: 'LO', value: 'xy' }, IMPLICIT_LE);
    expect(readElementHeader(makeSource(implicit), 0, EXPLICIT_LE)).toEqual({ tag: 0x00091001, vr: null, length: 2, headerOffset: 0, valueOffset: 8 });
  });

  it('reads an unknown upper-case VR in the long form when its reserved bytes are zero', () => {
    const bytes = Uint8Array.from([0x09, 0, 0x01, 0x10, 0x5a, 0x5a, 0, 0, 2, 0, 0, 0, 0x41, 0x42]);
    expect(readElementHeader(makeSource(bytes), 0, EXPLICIT_LE)).toEqual({ tag: 0x00091001, vr: 'ZZ', length: 2, headerOffset: 0, valueOffset: 12 });
    const short = Uint8Array.from([0x09, 0, 0x01, 0x10, 0x5a, 0x5a, 2, 0, 0x41, 0x42]);
    expect(readElementHeader(makeSource(short), 0, EXPLICIT_LE)).toEqual({ tag: 0x00091001, vr: 'ZZ', length: 2, headerOffset: 0, valueOffset: 8 });
  });

  it('returns null when the header itself is cut off', () => {
    const bytes = encodeElement({ tag: 0x7fe00010, vr: 'OB', value: new Uint8Array(4) }, EXPLICIT_LE);
    expect(readElementHeader(makeSource(bytes.subarray(0, 10)), 0, EXPLICIT_LE)).toBeNull();
  });
});
