/**
 * The pictures of a series as the viewer steps through them: one entry per frame, each knowing its
 * instance (for the details panel and overlays) and frame number. Pure apart from the image id
 * format, which the pixels side owns.
 */
import type { InstanceKind, ViewerSeries } from '../../../../shared/api/viewer';
import { imageIdsFor } from '../../viewer/cornerstone/image-ids';

export interface Entry {
  imageId: string;
  instanceId: number;
  instanceNumber: number | null;
  /** 1-based frame and frame count for multi-frame objects; null for single frames. */
  frame: { number: number; of: number } | null;
}

export function seriesEntries(series: ViewerSeries): Entry[] {
  return series.instances.filter((i) => i.kind === 'image').flatMap((instance) =>
    imageIdsFor(instance).map((imageId, k, all) => ({
      imageId,
      instanceId: instance.id,
      instanceNumber: instance.instanceNumber,
      frame: instance.frames === null ? null : { number: k + 1, of: all.length },
    })),
  );
}

/** How many pictures a series has, counting every frame (the strip shows this). */
export function pictureCount(series: ViewerSeries): number {
  return series.instances.reduce((n, i) => n + (i.kind === 'image' ? Math.max(1, i.frames ?? 1) : 0), 0);
}

const KIND_TEXT: Record<Exclude<InstanceKind, 'image'>, string> = {
  pdf: 'This series holds a PDF document, not pictures.',
  report: 'This series holds a written report (structured report), not pictures.',
  other: 'This series holds data that is not a picture (for example a treatment plan or a waveform), so there is nothing to show here.',
};

/** For a series without pictures: what it holds instead, in plain words. */
export function noPicturesText(series: ViewerSeries): string {
  const kinds = new Set(series.instances.map((i) => i.kind));
  if (kinds.size === 0) return 'This series is empty.';
  for (const kind of ['pdf', 'report', 'other'] as const) if (kinds.has(kind)) return KIND_TEXT[kind];
  return KIND_TEXT.other;
}

/** Side views are offered for CT and MR, where slices are usually a volume. */
export function mightBeVolume(series: ViewerSeries): boolean {
  return (series.modality === 'CT' || series.modality === 'MR') && pictureCount(series) >= 3;
}
