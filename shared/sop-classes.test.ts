import { describe, expect, it } from 'vitest';
import { instanceKind } from './sop-classes';

describe('instanceKind', () => {
  it('opens encapsulated PDFs in the document view and SRs as reports, whatever their size fields say', () => {
    expect(instanceKind('1.2.840.10008.5.1.4.1.1.104.1', null, null)).toBe('pdf');
    expect(instanceKind('1.2.840.10008.5.1.4.1.1.88.33', null, null)).toBe('report');
    expect(instanceKind('1.2.840.10008.5.1.4.1.1.88.11', 10, 10)).toBe('report');
  });
  it('treats anything with pixel dimensions as an image and the rest as other', () => {
    expect(instanceKind('1.2.840.10008.5.1.4.1.1.2', 512, 512)).toBe('image');
    expect(instanceKind(null, 16, 16)).toBe('image');
    expect(instanceKind('1.2.840.10008.5.1.4.1.1.481.3', null, null)).toBe('other');
    expect(instanceKind('1.2.840.10008.5.1.4.1.1.2', 0, 512)).toBe('other');
  });
});
