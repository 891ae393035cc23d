/**
 * What "check a copy" finds for each outside file, shared by the CLI's --json output, the API and
 * the UI. The shape follows issue 10: `{ results: [{ path, outcome, ... }] }`.
 */
import { z } from 'zod';

export const CompareOutcome = z.enum(['identical', 'same-dataset', 'same-pixels', 'pixels-changed', 'no-original']);
export type CompareOutcome = z.infer<typeof CompareOutcome>;

/** How the copy was paired with its original. */
export const MatchedBy = z.enum(['sop-instance-uid', 'share-uid', 'pixel-digest', 'geometry']);
export type MatchedBy = z.infer<typeof MatchedBy>;

export const AttributeChange = z.object({
  /** The attribute itself, e.g. "(0010,0010)". */
  tag: z.string(),
  keyword: z.string().nullable(),
  change: z.enum(['changed', 'added', 'removed']),
  /** Readable value in the original (null when added); binary values as "N bytes". */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** Where it is: the tag, or inside sequences e.g. "(0008,1115)[0](0020,000E)". */
  path: z.string(),
});
export type AttributeChange = z.infer<typeof AttributeChange>;

/** [x0, y0, x1, y1]: columns and rows of the first and last changed pixel, inclusive, from 0. */
export const Box = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]);
export type Box = z.infer<typeof Box>;

export const FrameDifference = z.object({
  /** From 1, as DICOM numbers frames. */
  frame: z.number().int().min(1),
  boxes: z.array(Box),
  changed: z.number().int(),
  /** Largest and mean absolute difference of the changed pixels, in stored values. */
  maxDiff: z.number(),
  meanDiff: z.number(),
});
export type FrameDifference = z.infer<typeof FrameDifference>;

export const PixelDifference = z.object({
  changed: z.number().int(),
  /** Only frames with changes. */
  frames: z.array(FrameDifference),
  /** Set when the copy's image has another size or frame count: every pixel counts as changed. */
  sizeChanged: z.boolean().optional(),
});
export type PixelDifference = z.infer<typeof PixelDifference>;

export const MatchedOriginal = z.object({
  instanceId: z.number().int(),
  studyInstanceUid: z.string(),
  seriesInstanceUid: z.string(),
  sopInstanceUid: z.string(),
  /** Frames of the original (for the viewer); null when not recorded. */
  frames: z.number().int().nullable(),
});
export type MatchedOriginal = z.infer<typeof MatchedOriginal>;

export const CompareResult = z.object({
  path: z.string(),
  outcome: CompareOutcome,
  matchedBy: MatchedBy.optional(),
  original: MatchedOriginal.optional(),
  /** same-dataset: File Meta changes; same-pixels and pixels-changed: the dataset's (and the transfer syntax). */
  changes: z.array(AttributeChange).optional(),
  pixels: PixelDifference.optional(),
  /** Why the pixels could not be compared (e.g. a compression ScanVault cannot decode); outcome stays cautious. */
  note: z.string().optional(),
  /** For the side-by-side view: the copy held in memory, served on the byte channel as /bytes/compare-copy/<copyId>. */
  copyId: z.number().int().optional(),
  /** The copy's number of frames (1 for single-frame images). */
  frames: z.number().int().optional(),
});
export type CompareResult = z.infer<typeof CompareResult>;

export const CompareReport = z.object({
  results: z.array(CompareResult),
  /** Not medical image files (disc furniture, text files): not compared, not a problem. */
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
  /** Medical image files that could not be read (damaged), or could not be read from their place. */
  failed: z.array(z.object({ path: z.string(), error: z.string() })),
});
export type CompareReport = z.infer<typeof CompareReport>;

/** The CLI's exit code 0: every copy is the original, byte for byte or with only new file meta, and nothing failed. */
export function everyCopyUnchanged(report: CompareReport): boolean {
  return report.failed.length === 0 && report.results.length > 0
    && report.results.every((r) => r.outcome === 'identical' || r.outcome === 'same-dataset');
}
