import { describe, expect, it } from 'vitest';
import { asPart10, hasPart10Header, rawTransferSyntax } from './part10';

const implicitRaw = Uint8Array.from([0x08, 0x00, 0x05, 0x00, 0x0a, 0x00, 0x00, 0x00, ...new TextEncoder().encode('ISO_IR 100')]);
const explicitRaw = Uint8Array.from([0x08, 0x00, 0x05, 0x00, 0x43, 0x53, 0x0a, 0x00, ...new TextEncoder().encode('ISO_IR 100')]);

describe('asPart10', () => {
  it('leaves a Part 10 file as it is', () => {
    const file = new Uint8Array(140);
    file.set([0x44, 0x49, 0x43, 0x4d], 128);
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
});
