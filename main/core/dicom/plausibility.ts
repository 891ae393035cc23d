/**
 * Guessing how a dataset is encoded when the file does not say (or says wrongly): read a few
 * elements strictly under each candidate encoding and keep the one that makes sense.
 */
import { EXPLICIT_BE, EXPLICIT_LE, IMPLICIT_LE, WalkError, readElementHeader, valueEnd, type Encoding, type Source } from './element-walker';

const SAMPLE_ELEMENTS = 8;
const CANDIDATES: Encoding[] = [EXPLICIT_LE, IMPLICIT_LE, EXPLICIT_BE];
/** A raw dataset (no preamble, no meta) starts with a low group such as 0008. */
export const RAW_DATASET_MAX_FIRST_GROUP = 0x0010;

interface Sample {
  /** Elements read completely. */
  count: number;
  reachedEnd: boolean;
  /** The next header read fine but its value runs past the end of the data. */
  truncated: boolean;
}

/**
 * How many leading elements read cleanly: ascending tags, known VRs, values inside the file, and
 * a first group no higher than `maxFirstGroup`.
 */
export function sampleElements(src: Source, start: number, enc: Encoding, maxFirstGroup = 0xfffc): Sample {
  let pos = start;
  let previousTag = -1;
  let count = 0;
  try {
    while (count < SAMPLE_ELEMENTS) {
      if (pos === src.bytes.length) return { count, reachedEnd: true, truncated: false };
      const header = readElementHeader(src, pos, enc, true);
      if (header === null || header.tag <= previousTag || header.tag >>> 16 === 0xfffe) break;
      if (count === 0 && header.tag >>> 16 > maxFirstGroup) break;
      if (header.tag >>> 16 === 0x7fe0) return { count: count + 1, reachedEnd: true, truncated: false };
      try {
        pos = valueEnd(src, header, enc);
      } catch (error) {
        if (error instanceof WalkError && error.reason === 'truncated') return { count, reachedEnd: false, truncated: true };
        throw error;
      }
      previousTag = header.tag;
      count++;
    }
  } catch (error) {
    if (!(error instanceof WalkError) && !(error instanceof RangeError)) throw error;
  }
  return { count, reachedEnd: false, truncated: false };
}

/**
 * Strict: three clean elements, or the whole (short) dataset. Lenient, for an encoding the file
 * itself declares: also a first header that reads cleanly even if the file is cut off after it.
 */
function plausibilityScore(src: Source, start: number, enc: Encoding, maxFirstGroup: number, lenient = false): number {
  const { count, reachedEnd, truncated } = sampleElements(src, start, enc, maxFirstGroup);
  if (count >= 3 || (reachedEnd && count >= 1)) return count;
  return lenient && truncated ? count + 1 : 0;
}

export function isPlausible(src: Source, start: number, enc: Encoding, lenient = false): boolean {
  return plausibilityScore(src, start, enc, 0xfffc, lenient) > 0;
}

/** The candidate encoding that reads the most elements cleanly (ties: earlier candidate), or null. */
export function inferEncoding(src: Source, start: number, maxFirstGroup = 0xfffc): Encoding | null {
  let best: Encoding | null = null;
  let bestScore = 0;
  for (const enc of CANDIDATES) {
    const score = plausibilityScore(src, start, enc, maxFirstGroup);
    if (score > bestScore) {
      best = enc;
      bestScore = score;
    }
  }
  return best;
}
