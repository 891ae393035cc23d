/**
 * Checks the Number of Frames a file declares against the image data it really holds. A file that
 * claims 65535 frames with one present imports (the original is kept byte-exact), but the person
 * is told, and viewers must not trust the count.
 */
import { readEncapsulated } from './fragments';
import type { ParsedHeader } from './header';
import type { DicomFacts } from './types';

/** How many whole frames the image data holds, or null when that cannot be told. */
export function framesPresent(header: ParsedHeader, image: DicomFacts['image']): number | null {
  const pixel = header.pixelData;
  if (pixel === null) return null;
  if (pixel.length === null) {
    // Null when the items run past the bytes held (a damaged file, or only the start of a large
    // one is in memory): then nothing can be said. Each frame has at least one fragment (PS3.5 A.4).
    const enc = readEncapsulated(header.layout.dataset, pixel.offset);
    return enc === null ? null : enc.fragments.length;
  }
  // A cut-off value already has its own warning; `length` counts only when the file holds it all
  // (true also when only the start of a large file was parsed).
  if (!pixel.complete) return null;
  const { rows, columns, bitsAllocated } = image;
  if (rows === null || columns === null || bitsAllocated === null || rows === 0 || columns === 0 || bitsAllocated === 0) return null;
  const subsampled = image.photometric === 'YBR_FULL_422' || image.photometric === 'YBR_PARTIAL_422';
  const valuesPerPixel = subsampled ? 2 : (image.samplesPerPixel ?? 1);
  const frameBits = rows * columns * valuesPerPixel * bitsAllocated;
  return Math.floor((pixel.length * 8) / frameBits);
}

export function frameCountWarning(header: ParsedHeader, image: DicomFacts['image']): string | null {
  if (image.frames <= 1) return null;
  const present = framesPresent(header, image);
  if (present === null || present >= image.frames) return null;
  return `The file says it holds ${image.frames} images (frames), but its image data has room for only ${present}. `
    + 'It was kept as it is; only the frames that are there can be shown.';
}
