import { describe, expect, it } from 'vitest';
import { jpegColourMarkers, withoutColourTransform } from './jpeg-colour-transform';

const SOI = [0xff, 0xd8];
const sof = (ids: number[]): number[] => [0xff, 0xc0, 0, 8 + 3 * ids.length, 8, 0, 2, 0, 2, ids.length, ...ids.flatMap((id) => [id, 0x11, 0])];
const SOS = [0xff, 0xda, 0, 12, 3, 0, 0, 1, 0, 2, 0, 0, 63, 0, 0x12, 0x34];
const JFIF = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
const adobe = (transform: number): number[] => [0xff, 0xee, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, transform];

describe('JPEG colour transform markers', () => {
  it('reads JFIF, Adobe and the component count up to the first scan', () => {
    expect(jpegColourMarkers(Uint8Array.from([...SOI, ...JFIF, ...sof([1, 2, 3]), ...SOS]))).toEqual({ jfif: true, adobe: false, components: 3 });
    expect(jpegColourMarkers(Uint8Array.from([...SOI, ...adobe(1), ...sof([1, 2, 3]), ...SOS]))).toEqual({ jfif: false, adobe: true, components: 3 });
    expect(jpegColourMarkers(Uint8Array.from([0, 0, ...sof([1])]))).toBeNull();
  });

  it('marks an RGB stream that says nothing about its colour as not transformed', () => {
    const stream = Uint8Array.from([...SOI, ...sof([0, 1, 2]), ...SOS]);
    const marked = withoutColourTransform(stream, 'RGB');
    expect(marked === null ? null : [...marked]).toEqual([...SOI, ...adobe(0), ...sof([0, 1, 2]), ...SOS]);
    expect(jpegColourMarkers(marked ?? new Uint8Array())).toEqual({ jfif: false, adobe: true, components: 3 });
  });

  it('leaves streams alone whose markers say what they are, YBR headers and grey streams', () => {
    expect(withoutColourTransform(Uint8Array.from([...SOI, ...JFIF, ...sof([1, 2, 3]), ...SOS]), 'RGB')).toBeNull();
    expect(withoutColourTransform(Uint8Array.from([...SOI, ...adobe(1), ...sof([1, 2, 3]), ...SOS]), 'RGB')).toBeNull();
    expect(withoutColourTransform(Uint8Array.from([...SOI, ...sof([1, 2, 3]), ...SOS]), 'YBR_FULL_422')).toBeNull();
    expect(withoutColourTransform(Uint8Array.from([...SOI, ...sof([1]), ...SOS]), 'RGB')).toBeNull();
  });
});
