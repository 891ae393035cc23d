/**
 * Cine prefetch: loads and decodes the next few pictures of a stack before cine reaches them, so
 * playing waits on the screen, not on fetch+decode. The window is bounded (AHEAD pictures, LOADS at
 * once) so memory stays small; it lives in Cornerstone's in-memory cache, which locking purges.
 * A load that finishes after a purge is dropped from the cache again.
 */
import { cache, imageLoader } from '@cornerstonejs/core';

export const AHEAD = 24;
export const LOADS = 2;

/** The indices after `current` (wrapping, as cine does), nearest first; at most `ahead`, never `current`. */
export function aheadIndices(current: number, count: number, ahead: number = AHEAD): number[] {
  const n = Math.min(ahead, Math.max(0, count - 1));
  return Array.from({ length: n }, (_, i) => (current + 1 + i) % count);
}

let generation = 0;
let queue: string[] = [];
let running = 0;

/** Called by purgeViewerCaches: forget what was queued; loads still running are dropped when done. */
export function purgePrefetch(): void {
  generation += 1;
  queue = [];
}

export function prefetchQueued(): number {
  return queue.length + running;
}

function pump(): void {
  while (running < LOADS && queue.length) {
    const imageId = queue.shift() as string;
    if (cache.getImageLoadObject(imageId)) continue;
    const started = generation;
    running += 1;
    imageLoader.loadAndCacheImage(imageId).then(
      () => { if (started !== generation) cache.removeImageLoadObject(imageId, { force: true }); },
      () => undefined, // the viewport shows the error when cine reaches that picture
    ).finally(() => { running -= 1; pump(); });
  }
}

/** Replaces the queue with the pictures after `current` that are not loaded or loading yet. */
export function prefetchAhead(imageIds: readonly string[], current: number): void {
  queue = aheadIndices(current, imageIds.length).map((i) => imageIds[i] as string).filter((id) => !cache.getImageLoadObject(id));
  pump();
}
