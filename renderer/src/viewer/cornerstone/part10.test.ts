import { describe, expect, it } from 'vitest';
import { asPart10, hasPart10Header, rawTransferSyntax, scanMetaGroup } from './part10';

const implicitRaw = Uint8Array.from([0x08, 0x00, 0x05, 0x00, 0x0a, 0x00, 0x00, 0x00, ...new TextEncoder().encode('ISO_IR 100')]);
const explicitRaw = Uint8Array.from([0x08, 0x00, 0x05, 0x00, 0x43, 0x53, 0x0a, 0x00, ...new TextEncoder().encode('ISO_IR 100')]);

describe('asPart10', () => {
  it('leaves a Part 10 file that names its transfer syntax as it is', () => {
    const uid = new TextEncoder().encode('1.2.840.10008.1.2.1\0');
    const file = new Uint8Array(132 + 8 + uid.length + explicitRaw.length);
    file.set([0x44, 0x49, 0x43, 0x4d], 128);
    file.set([0x02, 0x00, 0x10, 0x00, 0x55, 0x49, uid.length, 0], 132);
    file.set(uid, 140);
    file.set(explicitRaw, 140 + uid.length);
    expect(asPart10(file.buffer)).toBe(file.buffer);
  });

  it('tells implicit from explicit VR by the first element', () => {
    expect(rawTransferSyntax(implicitRaw)).toBe('1.2.840.10008.1.2');
    expect(rawTransferSyntax(explicitRaw)).toBe('1.2.840.10008.1.2.1');
  });

  it('puts a File Meta group naming the transfer syntax in front of a raw dataset, keeping its bytes', () => {
    const out = new Uint8Array(asPart10(implicitRaw.slice().buffer));
    expect(hasPart10Header(out)).toBe(true);
    const text = new TextDecoder('latin1').decode(out.subarray(132));
    expect(text).toContain('1.2.840.10008.1.2\0');
    expect([...out.subarray(out.length - implicitRaw.length)]).toEqual([...implicitRaw]);
    const view = new DataView(out.buffer);
    // (0002,0000) UL: the length of what follows in group 2.
    expect(view.getUint16(132, true)).toBe(0x0002);
    expect(view.getUint32(140, true)).toBe(out.length - 144 - implicitRaw.length);
  });

  it('replaces a File Meta group that names no transfer syntax', () => {
    const version = Uint8Array.from([0x02, 0x00, 0x01, 0x00, 0x4f, 0x42, 0, 0, 2, 0, 0, 0, 0x00, 0x01]);
    const file = new Uint8Array(132 + version.length + explicitRaw.length);
    file.set([0x44, 0x49, 0x43, 0x4d], 128);
    file.set(version, 132);
    file.set(explicitRaw, 132 + version.length);
    expect(scanMetaGroup(file)).toEqual({ end: 132 + version.length, hasTransferSyntax: false });
    const out = new Uint8Array(asPart10(file.buffer));
    expect(scanMetaGroup(out).hasTransferSyntax).toBe(true);
    expect(new TextDecoder('latin1').decode(out)).toContain('1.2.840.10008.1.2.1\0');
    expect([...out.subarray(out.length - explicitRaw.length)]).toEqual([...explicitRaw]);
  });
});
