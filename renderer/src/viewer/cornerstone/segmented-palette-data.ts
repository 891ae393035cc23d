/**
 * Reads a file's Segmented Palette Color Lookup Tables from the parsed dataset (dicom-parser),
 * for segmented-palette.ts, and the pixel module the image loader's provider cannot give for such
 * a file (it reads the plain table elements unconditionally and throws without them).
 */
import type { DataSet } from 'dicom-parser';
import { expandSegmentedLut, type Palette } from './segmented-palette';

const SEGMENTED = ['x00281221', 'x00281222', 'x00281223'] as const;

export function hasSegmentedPalette(dataSet: DataSet): boolean {
  return (dataSet.string('x00280004') ?? '').trim() === 'PALETTE COLOR' && SEGMENTED.every((tag) => dataSet.elements[tag] !== undefined);
}

function words(dataSet: DataSet, tag: string): number[] {
  const count = (dataSet.elements[tag]?.length ?? 0) >> 1;
  return Array.from({ length: count }, (_, i) => dataSet.uint16(tag, i) ?? 0);
}

/** The expanded palette, or null when the file has none or its tables are malformed. */
export function readSegmentedPalette(dataSet: DataSet): Palette | null {
  if (!hasSegmentedPalette(dataSet)) return null;
  try {
    const [red, green, blue] = SEGMENTED.map((tag) => expandSegmentedLut(words(dataSet, tag)));
    if (red === undefined || green === undefined || blue === undefined) return null;
    return { red, green, blue, firstMapped: dataSet.uint16('x00281101', 1) ?? 0, entryBits: dataSet.uint16('x00281101', 2) ?? 16 };
  } catch {
    return null; // the loader then refuses the frame with its plain "could not be decoded" error
  }
}

/** The pixel module of a segmented-palette file as the adapter decodes it: 8-bit RGB (frame-fixes.ts). */
export function segmentedPixelModule(dataSet: DataSet): Record<string, unknown> {
  return {
    samplesPerPixel: 3, photometricInterpretation: 'RGB', planarConfiguration: 0,
    rows: dataSet.uint16('x00280010'), columns: dataSet.uint16('x00280011'),
    bitsAllocated: 8, bitsStored: 8, highBit: 7, pixelRepresentation: 0,
    pixelAspectRatio: dataSet.string('x00280034'),
  };
}
