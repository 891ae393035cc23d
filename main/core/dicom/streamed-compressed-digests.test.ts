import { describe, expect, it } from 'vitest';
import { compressedFile, encodeJpegLs, type RawImage } from '../../test-support/dicom/compressed-fixtures';
import { allFrameDigests } from './decode-compressed';
import { readDicom } from './read-dicom';
import { streamedCompressedDigests } from './streamed-compressed-digests';

const JPEG_LS = '1.2.840.10008.1.2.4.80';

function image(seed: number): RawImage {
  const bytes = new Uint8Array(24 * 16).map((_, i) => (i * 7 + seed * 31) & 0xff);
  return { width: 24, height: 16, components: 1, bitsPerSample: 8, bytes };
}

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield Buffer.from(bytes.subarray(at, at + size));
}

async function whole(file: Uint8Array) {
  const read = readDicom(file);
  if (read.kind !== 'instance') throw new Error(read.kind);
  return allFrameDigests(file, read.facts);
}

const streamed = (file: Uint8Array, chunk = 97) => streamedCompressedDigests(chunksOf(file, chunk), file.length);

/** Splits a codestream into two fragments (even lengths, as items need), the second not starting a codestream. */
function halves(encoded: Uint8Array): Uint8Array[] {
  const codestream = Buffer.from(encoded);
  const cut = Math.floor(codestream.length / 4) * 2;
  const second = codestream.subarray(cut);
  return [codestream.subarray(0, cut), second.length % 2 === 0 ? second : Buffer.concat([second, Buffer.alloc(1)])];
}

describe('streamedCompressedDigests', () => {
  it('gives the digests of the file read whole: one fragment per frame, no offset table', async () => {
    const frames = await Promise.all([1, 2, 3].map(async (s) => encodeJpegLs(image(s))));
    const file = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 16, columns: 24, bitsAllocated: 8, frames: 3, fragments: frames });
    const expected = await whole(file);
    expect(expected.status === 'done' && expected.digests.length).toBe(3);
    expect(await streamed(file)).toEqual(expected);
    expect(await streamed(file, 1 << 20)).toEqual(expected);
  });

  it('groups fragments by the offset table, and without one at each new codestream', async () => {
    const codestreams = await Promise.all([4, 5].map(async (s) => encodeJpegLs(image(s))));
    const fragments = codestreams.flatMap(halves);
    const secondAt = 8 + (fragments[0]?.length ?? 0) + 8 + (fragments[1]?.length ?? 0);
    const withTable = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 16, columns: 24, bitsAllocated: 8, frames: 2, fragments, offsetTable: [0, secondAt] });
    const withoutTable = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 16, columns: 24, bitsAllocated: 8, frames: 2, fragments });
    const expected = await whole(withTable);
    expect(expected.status).toBe('done');
    expect(await streamed(withTable)).toEqual(expected);
    expect(await streamed(withoutTable)).toEqual(await whole(withoutTable));
    expect(await streamed(withoutTable)).toEqual(expected);
  });

  it('answers none with a reason for a file cut off inside its pixel data or a frame past the limit', async () => {
    const frames = await Promise.all([1, 2].map(async (s) => encodeJpegLs(image(s))));
    const file = compressedFile({ transferSyntaxUid: JPEG_LS, rows: 16, columns: 24, bitsAllocated: 8, frames: 2, fragments: frames });
    const cut = file.subarray(0, file.length - 40);
    expect(await streamedCompressedDigests(chunksOf(cut, 50), cut.length)).toEqual({ status: 'none', reason: 'The image data is incomplete (the file ends early)' });
    expect(await streamedCompressedDigests(chunksOf(file, 50), file.length, { maxFrameBytes: 100 })).toEqual({ status: 'none', reason: 'The image is too large to fingerprint' });
  });
});
