/**
 * Test-only page: exposes the viewer adapter's decode path to a Playwright spec. The spec serves
 * sample files at /bytes/instance/<n>, so bytes reach the adapter through the production byte
 * channel code (fetchBytes) and the production loader, metadata and workers.
 */
import { cache, imageLoader } from '@cornerstonejs/core';
import { initViewer } from '../../../renderer/src/viewer/cornerstone/init';
import { imageIdsFor } from '../../../renderer/src/viewer/cornerstone/image-ids';
import { viewerCacheStats } from '../../../renderer/src/viewer/cornerstone/caches';
import { clearViewerCaches } from '../../../renderer/src/viewer/cornerstone/lock';
// Brings the renderer's Window declarations (window.scanvaultHost, read by fetchBytes) into scope.
export type { DesktopHost } from '../../../renderer/src/api/client';

export interface DecodedSample {
  rows: number;
  columns: number;
  color: boolean;
  /** Values per pixel (1 grey, 3 RGB, 4 RGBA). */
  channels: number;
  slope: number;
  intercept: number;
  /** The typed array's class and its bytes, base64 (JSON arrays of millions of numbers are too slow). */
  arrayType: string;
  base64: string;
}

function toBase64(data: ArrayBufferView): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

declare global {
  interface Window {
    viewerCacheStats: typeof viewerCacheStats;
    clearViewerCaches: typeof clearViewerCaches;
    /** Loads a frame and keeps it in the cache (as a viewport would). */
    keepSample: (instanceId: number, frames: number | null, frameIndex: number) => Promise<void>;
    decodeSample: (instanceId: number, frames: number | null, frameIndex: number) => Promise<DecodedSample>;
    viewerReady: Promise<void>;
  }
}

window.viewerReady = initViewer();
window.viewerCacheStats = viewerCacheStats;
window.clearViewerCaches = clearViewerCaches;
window.keepSample = async (instanceId, frames, frameIndex) => {
  await window.viewerReady;
  await imageLoader.loadAndCacheImage(imageIdsFor({ id: instanceId, frames })[frameIndex] ?? '');
};

window.decodeSample = async (instanceId, frames, frameIndex) => {
  await window.viewerReady;
  const imageId = imageIdsFor({ id: instanceId, frames })[frameIndex];
  if (imageId === undefined) throw new Error('no such frame');
  const image = await imageLoader.loadAndCacheImage(imageId);
  const data = image.getPixelData() as unknown as ArrayBufferView & { length: number };
  const result: DecodedSample = {
    rows: image.rows,
    columns: image.columns,
    color: image.color,
    channels: data.length / (image.rows * image.columns),
    slope: image.slope,
    intercept: image.intercept,
    arrayType: data.constructor.name,
    base64: toBase64(data),
  };
  cache.removeImageLoadObject(imageId);
  return result;
};
