import { describe, expect, it } from 'vitest';
import { readAttributeTree, type DicomAttribute } from './attribute-tree';

/** Explicit VR little endian elements, written by hand so each case is exactly what it says. */
function el(group: number, element: number, vr: string, value: Uint8Array | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value.length % 2 === 0 ? value : `${value} `, 'latin1') : Buffer.from(value);
  const long = ['OB', 'OW', 'SQ', 'UN', 'UT', 'UC'].includes(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(element, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(bytes.length, 8);
  else head.writeUInt16LE(bytes.length, 6);
  return Buffer.concat([head, bytes]);
}

function implicit(group: number, element: number, value: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(element, 2);
  head.writeUInt32LE(value.length, 4);
  return Buffer.concat([head, value]);
}

function file(...elements: Buffer[]): Buffer {
  const syntax = el(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1\0');
  const groupLength = el(0x0002, 0x0000, 'UL', Buffer.from(Uint32Array.of(syntax.length).buffer));
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), groupLength, syntax, ...elements]);
}

const find = (attrs: DicomAttribute[], tag: number) => attrs.find((a) => a.tag === tag);

describe('readAttributeTree', () => {
  it('cuts a huge text value at the limit and says so', () => {
    const tree = readAttributeTree(file(el(0x0020, 0x4000, 'UT', 'x'.repeat(10_000))), { maxTextChars: 100, maxNumbers: 4, maxNodes: 100 })!;
    const comments = find(tree.dataset, 0x00204000)!;
    expect(comments.values?.[0]).toHaveLength(100);
    expect(comments.truncated).toBe(true);
  });

  it('keeps at most maxNumbers numbers', () => {
    const tree = readAttributeTree(file(el(0x0028, 0x1201, 'US', Buffer.from(Uint16Array.of(1, 2, 3, 4, 5, 6).buffer))), { maxTextChars: 100, maxNumbers: 4, maxNodes: 100 })!;
    expect(find(tree.dataset, 0x00281201)).toMatchObject({ values: ['1', '2', '3', '4'], truncated: true });
  });

  it('stops at the node limit and reports that it did', () => {
    const many = Array.from({ length: 50 }, (_, i) => el(0x0009, 0x1000 + i, 'LO', 'v'));
    const tree = readAttributeTree(file(...many), { maxTextChars: 100, maxNumbers: 4, maxNodes: 10 })!;
    expect(tree.limited).toBe(true);
    expect(tree.meta.length + tree.dataset.length).toBeLessThanOrEqual(10);
  });

  it('gives what it read from a cut file, and says it is incomplete', () => {
    const whole = file(el(0x0010, 0x0010, 'PN', 'DOE^JANE'), el(0x0010, 0x0020, 'LO', '12345678'));
    const tree = readAttributeTree(whole.subarray(0, whole.length - 4))!;
    expect(find(tree.dataset, 0x00100010)?.values).toEqual(['DOE^JANE']);
    expect(tree.outcome).toBe('truncated');
  });

  it('reads a sequence hidden in explicit UN as implicit VR, with the dictionary’s VRs', () => {
    const item = implicit(0x0008, 0x0104, Buffer.from('Meaning ', 'latin1'));
    const itemHead = Buffer.alloc(8);
    itemHead.writeUInt32LE(0xe000fffe, 0);
    itemHead.writeUInt32LE(item.length, 4);
    const tree = readAttributeTree(file(el(0x0040, 0xa043, 'UN', Buffer.concat([itemHead, item]))))!;
    const sequence = find(tree.dataset, 0x0040a043)!;
    expect(sequence.vr).toBe('SQ');
    expect(find(sequence.items![0]!.attributes, 0x00080104)).toMatchObject({ vr: 'LO', values: ['Meaning'] });
  });

  it('answers null for bytes that are not DICOM', () => {
    expect(readAttributeTree(Buffer.from('%PDF-1.4 hello'))).toBeNull();
  });
});
