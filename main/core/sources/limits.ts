import type { ZipLimits } from './types';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * Defaults, chosen from measurements rather than guesses:
 * - Compression ratio 200. Deflating every file of the team's 443-file DICOM corpus at level 9
 *   gave at most 18:1 for clinical images (palette ultrasound), 7.8:1 for the files over 1 MB and
 *   2:1 for the real portal zip (abd1.zip); synthetic flat-colour test patterns reached 129:1.
 *   Deflate itself tops out near 1032:1, which is where bombs live. 200 leaves 1.5x over the
 *   flattest synthetic image and 10x over clinical ones, and is only judged past RATIO_GRACE_BYTES
 *   (below), so small, very flat images (dose-report screenshots, empty segmentations) never trip it.
 * - 4 GiB per entry / 64 GiB per archive: the largest real multi-frame objects are a few GiB;
 *   a whole hospital CD or DVD is under 9 GiB. Entries over 256 MiB are streamed by the import
 *   (never whole in memory: see import/prepare-stream.ts), so these bound time and disk, not memory.
 *   4 GiB is also where zip64 would start; yauzl reads zip64, the limit keeps bombs short.
 * - 100 000 entries: a DVD of thin-slice CTs holds around 20 000 files.
 * - One level of zip-in-zip (portal downloads wrap per-study zips in one outer zip); the inner zip
 *   must fit in memory because nothing is ever extracted to disk, hence maxNestedArchiveBytes.
 *   This is the one place an import holds more than its usual ~200 MB: up to 512 MiB for the
 *   inner archive (per-study zips of a CT are often 200-600 MB; refusing them would send patients
 *   to unzip by hand).
 */
export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 100_000,
  maxEntryUncompressed: 4 * GiB,
  maxTotalUncompressed: 64 * GiB,
  maxCompressionRatio: 200,
  maxNestingDepth: 1,
  maxNestedArchiveBytes: 512 * MiB,
});

/**
 * The ratio is only judged once an entry has produced this many bytes: a few MiB of anything is
 * harmless, and deciding earlier would reject small, flat images that compress extremely well.
 */
export const RATIO_GRACE_BYTES = 8 * MiB;

export function resolveLimits(partial: Partial<ZipLimits> | undefined): ZipLimits {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...partial };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`ZipLimits.${name} must be a finite number >= 0`);
  }
  return limits;
}
