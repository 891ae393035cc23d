/**
 * Emptying and measuring the viewer's memory: Cornerstone's image cache, the image loader's
 * parsed files, reads in flight, pixel overrides, and the decode workers (terminated, so nothing
 * they decoded survives in their heaps; the worker manager starts new ones on the next decode).
 */
import { cache, getWebWorkerManager, imageLoader } from '@cornerstonejs/core';
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import { abortAllReads, readsInFlight } from './in-flight';
import { clearPixelPatches, pixelPatchCount } from './metadata';
import { prefetchQueued, purgePrefetch } from './prefetch';

/** The name the image loader's init() registers its decode workers under. */
export const DECODE_WORKER_NAME = 'dicomImageLoader';

const extraPurges = new Set<() => void>();
const extraCounts = new Set<() => number>();

/** Other adapter caches (thumbnails) join the purge and the count. */
export function registerViewerCache(purge: () => void, count: () => number): void {
  extraPurges.add(purge);
  extraCounts.add(count);
}

export function purgeViewerCaches(): void {
  purgePrefetch();
  abortAllReads();
  imageLoader.cancelLoadAll();
  cache.purgeCache();
  wadouri.dataSetCacheManager.purge();
  clearPixelPatches();
  for (const purge of extraPurges) purge();
  getWebWorkerManager().terminate(DECODE_WORKER_NAME);
}

export interface ViewerCacheStats {
  /** Bytes of decoded images in Cornerstone's cache. */
  imageBytes: number;
  /** Files held parsed (with their bytes) by the image loader. */
  parsedFiles: number;
  parsedBytes: number;
  readsInFlight: number;
  /** Pictures queued or loading ahead of cine. */
  prefetching: number;
  pixelOverrides: number;
  /** Entries in other adapter caches (thumbnails). */
  otherEntries: number;
}

export function viewerCacheStats(): ViewerCacheStats {
  const parsed = wadouri.dataSetCacheManager.getInfo();
  let otherEntries = 0;
  for (const count of extraCounts) otherEntries += count();
  return {
    imageBytes: cache.getCacheSize(),
    parsedFiles: parsed.numberOfDataSetsCached,
    parsedBytes: parsed.cacheSizeInBytes,
    readsInFlight: readsInFlight(),
    prefetching: prefetchQueued(),
    pixelOverrides: pixelPatchCount(),
    otherEntries,
  };
}
