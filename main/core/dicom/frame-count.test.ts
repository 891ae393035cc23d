import { describe, expect, it } from 'vitest';
import { readDicom, readParsed } from './read-dicom';
import { parseHeader } from './header';
import { makeDicom } from '../../test-support/dicom-fixtures';
import { compressedFile } from '../../test-support/dicom/compressed-fixtures';
import type { DicomReadResult } from './types';

function warningsOf(result: DicomReadResult): string[] {
  if (result.kind !== 'instance') throw new Error(`expected an instance, got ${result.kind}`);
  return result.warnings;
}

const frameWarning = (w: string): boolean => w.includes('images (frames)');

describe('declared frame count against the image data', () => {
  it('warns when 65535 frames are declared and one is present (uncompressed)', () => {
    const warnings = warningsOf(readDicom(makeDicom({ numberOfFrames: 65535 })));
    expect(warnings.filter(frameWarning)).toEqual([
      'The file says it holds 65535 images (frames), but its image data has room for only 1. It was kept as it is; only the frames that are there can be shown.',
    ]);
  });

  it('says nothing when the count fits the data', () => {
    expect(warningsOf(readDicom(makeDicom({ numberOfFrames: 1 }))).filter(frameWarning)).toEqual([]);
    expect(warningsOf(readDicom(makeDicom())).filter(frameWarning)).toEqual([]);
  });

  it('warns for compressed data with fewer fragments than declared frames, not when they match', () => {
    const fragment = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const base = { transferSyntaxUid: '1.2.840.10008.1.2.4.50', rows: 8, columns: 8, bitsAllocated: 8 };
    const lying = warningsOf(readDicom(compressedFile({ ...base, frames: 65535, fragments: [fragment] })));
    expect(lying.filter(frameWarning)).toHaveLength(1);
    expect(lying.find(frameWarning)).toContain('room for only 1');
    const honest = warningsOf(readDicom(compressedFile({ ...base, frames: 2, fragments: [fragment, fragment] })));
    expect(honest.filter(frameWarning)).toEqual([]);
  });

  it('judges nothing from only the start of a large file (streamed import)', () => {
    const fragment = new Uint8Array(64).fill(7);
    const whole = compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.50', rows: 8, columns: 8, bitsAllocated: 8, frames: 3, fragments: [fragment, fragment, fragment] });
    const prefix = whole.subarray(0, whole.length - 100);
    expect(warningsOf(readParsed(parseHeader(prefix, whole.length))).filter(frameWarning)).toEqual([]);
    // Uncompressed: the declared length counts, so the start of the file gives the whole file's verdict.
    const native = makeDicom({ numberOfFrames: 65535, rows: 64, columns: 64 });
    const fromPrefix = warningsOf(readParsed(parseHeader(native.subarray(0, native.length - 4000), native.length))).filter(frameWarning);
    expect(fromPrefix).toEqual(warningsOf(readDicom(native)).filter(frameWarning));
    expect(fromPrefix).toHaveLength(1);
  });
});
