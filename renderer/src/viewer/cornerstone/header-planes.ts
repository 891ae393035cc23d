/**
 * A picture's plane (size, orientation, position) from the first bytes of its file alone, for the
 * volume check. Reading whole files for four values each made the check fetch the series twice
 * over (the dataset cache drops what the check read once it lets go) and took the fetch bandwidth
 * cine and scrolling need; a range read of the header costs the core one 64 KiB chunk.
 *
 * Only a single-frame file's own attributes are read. A header that does not fit in the bytes read
 * (large private data), a deflated file, an enhanced (functional group) file or anything the parser
 * refuses gives null: the caller then reads the whole file as before.
 */
import { parseDicom, type DataSet } from 'dicom-parser';
import { parseBytePath } from '../../../../shared/api/bytes';
import { fetchBytes } from '../../api/bytes';
import { parseImageId } from './image-ids';
import { trackedRead } from './in-flight';
import { ViewerLoadError } from './instance-loader';
import { asPart10 } from './part10';
import type { SlicePlane } from './volume-check';

/** One blob chunk: headers of ordinary CT/MR slices are a few KiB. */
export const HEADER_BYTES = 64 * 1024;

const PIXEL_DATA = 'x7fe00010';
/** Enhanced objects keep their planes in functional groups, per frame: not for this reader. */
const FUNCTIONAL_GROUPS = ['x52009229', 'x52009230'];

/** A DS attribute's `count` values, or null when it is absent, short or not numbers. */
function numbers(dataSet: DataSet, tag: string, count: number): number[] | null {
  const parts = dataSet.string(tag)?.split('\\') ?? [];
  if (parts.length !== count || parts.some((p) => p.trim() === '')) return null;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

/**
 * The plane from a file's first bytes (`bytes`), or null when they do not hold the whole header.
 * The parser stops at Pixel Data: reaching it means every attribute before it lies inside `bytes`.
 */
export function planeFromHeader(bytes: ArrayBuffer): SlicePlane | null {
  let dataSet: DataSet;
  try {
    dataSet = parseDicom(new Uint8Array(asPart10(bytes)), { untilTag: PIXEL_DATA });
  } catch {
    return null;
  }
  if (dataSet.elements[PIXEL_DATA] === undefined) return null;
  if (FUNCTIONAL_GROUPS.some((tag) => dataSet.elements[tag] !== undefined)) return null;
  return {
    rows: dataSet.uint16('x00280010') ?? null,
    columns: dataSet.uint16('x00280011') ?? null,
    orientation: numbers(dataSet, 'x00200037', 6),
    position: numbers(dataSet, 'x00200032', 3),
  };
}

/** Whether an image id names a whole single-frame file (multi-frame ids carry `?frame=`). */
export function isSingleFrameId(imageId: string): boolean {
  const parsed = parseImageId(imageId);
  return parsed !== null && !imageId.includes('?');
}

/** Reads the header of one single-frame image; null when only the whole file will do. Rejects when the file cannot be read. */
export async function readHeaderPlane(imageId: string): Promise<SlicePlane | null> {
  const parsed = parseImageId(imageId);
  const ref = parsed === null ? null : parseBytePath(parsed.url);
  if (ref === null) throw new Error(`not a scanvault image id: ${imageId}`);
  const result = await trackedRead((signal) => fetchBytes(ref, { signal, range: { start: 0, end: HEADER_BYTES } }));
  if (!result.ok) throw new ViewerLoadError(result.error.message, result.error.code);
  return planeFromHeader(result.value);
}
