/**
 * Image ids of the viewer: one per frame, naming the instance's byte path so the loader, the
 * metadata provider and the caches all key on the same string. Pure: no Cornerstone import, so
 * the rest of the renderer may build ids without pulling in the viewer.
 *
 *   scanvault:/bytes/instance/<id>            a single-frame image
 *   scanvault:/bytes/instance/<id>?frame=<n>  frame n (1-based) of a multi-frame image
 *   scanvault:/bytes/compare-copy/<id>[?frame=<n>]  an outside copy held by a compare job (Check a copy)
 *
 * The wadouri helpers (parseImageId, the dataset cache) read this shape: scheme, a URL and an
 * optional `frame=` parameter.
 */
import { bytePath } from '../../../../shared/api/bytes';

export const IMAGE_ID_SCHEME = 'scanvault';

/** What imageIdsFor needs from a ViewerInstance (shared/api/viewer.ts); a ViewerInstance fits. */
export interface FrameSource {
  id: number;
  /** Number of Frames; null for a single-frame image. */
  frames: number | null;
}

/** One image id per frame, in frame order. */
export function imageIdsFor(instance: FrameSource, kind: ViewableKind = 'instance'): string[] {
  const base = `${IMAGE_ID_SCHEME}:${bytePath({ kind, id: instance.id })}`;
  if (instance.frames === null) return [base];
  const count = Math.max(1, instance.frames);
  return Array.from({ length: count }, (_, i) => `${base}?frame=${i + 1}`);
}

/** Byte kinds the viewer shows: stored instances, and outside copies being compared. */
export type ViewableKind = 'instance' | 'compare-copy';

export interface ParsedImageId {
  /** The row id of the instance (for a compare copy: its copy id). */
  instanceId: number;
  /** 0-based frame index. */
  frameIndex: number;
  /** The dataset cache key: the byte path without the frame. */
  url: string;
}

const PATTERN = /^scanvault:\/bytes\/(instance|compare-copy)\/([1-9][0-9]{0,15})(?:\?frame=([1-9][0-9]{0,8}))?$/;

/** The instance and frame an id names, or null for anything that is not one of ours. */
export function parseImageId(imageId: string): ParsedImageId | null {
  const match = PATTERN.exec(imageId);
  if (!match) return null;
  const kind = match[1] === 'compare-copy' ? 'compare-copy' : 'instance';
  const instanceId = Number(match[2]);
  if (!Number.isSafeInteger(instanceId)) return null;
  return { instanceId, frameIndex: match[3] === undefined ? 0 : Number(match[3]) - 1, url: bytePath({ kind, id: instanceId }) };
}
