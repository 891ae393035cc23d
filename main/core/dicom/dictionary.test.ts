import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { lookupTag, tagText } from './dictionary';

/** The uncached answers, as computed before the caches. */
const plainText = (tag: number) => {
  const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
};

describe('tagText and lookupTag (remembered)', () => {
  it('give the same answers on the first, second and later calls, past the cache limit too', () => {
    const tags = [0x00100010, 0x7fe00010, 0x00080000, 0x00020000, 0x00091010, 0x00290010, 0xfffee000, 0x00281050, 0x00000000];
    for (let i = 0; i < 60_000; i++) tags.push((0x0009 << 16) | i, (0x0010 << 16) | (i & 0xffff));
    for (let pass = 0; pass < 2; pass++) {
      for (const tag of tags) expect(tagText(tag)).toBe(plainText(tag));
    }
    expect(lookupTag(0x00100010)).toEqual({ keyword: 'PatientName', vr: 'PN' });
    expect(lookupTag(0x00100010)).toEqual({ keyword: 'PatientName', vr: 'PN' });
    expect(lookupTag(0x00280106)?.vr).toBe('US'); // 'US or SS' gives its first choice
    expect(lookupTag(0x00080000)).toEqual({ keyword: 'GroupLength', vr: 'UL' });
    expect(lookupTag(0x00091010)).toBeNull();
    for (const tag of [0x00100010, 0x7fe00010, 0x00280106, 0x00091010]) {
      const entry = dcmjs.data.DicomMetaDictionary.dictionary[plainText(tag)];
      expect(lookupTag(tag)?.keyword ?? null).toBe(entry === undefined || entry.name === '' ? null : entry.name);
    }
  });

  it('hands out entries that cannot be changed by one caller for the next', () => {
    const entry = lookupTag(0x00100020);
    expect(Object.isFrozen(entry)).toBe(true);
  });
});
