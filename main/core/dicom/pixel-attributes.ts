/** Two pixel attributes the index does not keep (previews need them), read by our own header walker. */
import { parseHeader } from './header';
import { Tag } from './tags';
import { readUint16 } from './values';

export interface PixelAttributes {
  /** 1: signed (two's complement) samples. */
  pixelRepresentation: number;
  /** 1: colour stored plane by plane (RRR…GGG…BBB…). */
  planarConfiguration: number;
}

export function readPixelAttributes(bytes: Uint8Array): PixelAttributes {
  const header = parseHeader(bytes);
  if (header.kind !== 'header') return { pixelRepresentation: 0, planarConfiguration: 0 };
  const ctx = { src: header.layout.dataset, encoding: header.layout.encoding, elements: header.elements };
  return {
    pixelRepresentation: readUint16(ctx, Tag.pixelRepresentation) ?? 0,
    planarConfiguration: readUint16(ctx, Tag.planarConfiguration) ?? 0,
  };
}
