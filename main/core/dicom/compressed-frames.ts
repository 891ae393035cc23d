/**
 * Each frame's compressed bytes: fragments.ts groups fragments by an offset table, one fragment
 * per frame, or all fragments for one frame. When none of those fit (several frames split into
 * several fragments each, without an offset table), a frame starts at each fragment that opens a
 * JPEG or JPEG 2000 codestream, as PS3.5 A.4 requires.
 */
import { startsCodestream } from './codestream-info';
import { extendedOffsets } from './digests';
import { frameData, readEncapsulated } from './fragments';
import type { ParsedHeader } from './header';

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  return Buffer.concat(parts);
}

function splitAtCodestreamStarts(fragments: Uint8Array[], frames: number): Uint8Array[] | null {
  const groups: Uint8Array[][] = [];
  for (const fragment of fragments) {
    const last = groups[groups.length - 1];
    if (last === undefined || startsCodestream(fragment)) groups.push([fragment]);
    else last.push(fragment);
  }
  return groups.length === frames && startsCodestream(fragments[0] ?? new Uint8Array()) ? groups.map(concat) : null;
}

export type CompressedFrames = { frames: Uint8Array[] } | { reason: string };

export function compressedFrames(header: ParsedHeader, pixelOffset: number, frameCount: number): CompressedFrames {
  const enc = readEncapsulated(header.layout.dataset, pixelOffset);
  if (enc === null) return { reason: 'The compressed image data is damaged' };
  const frames = frameData(enc, frameCount, extendedOffsets(header))
    ?? splitAtCodestreamStarts(enc.fragments.map((f) => f.data), frameCount);
  if (frames === null) return { reason: 'Where each frame starts in the compressed image data cannot be told' };
  return { frames };
}
