/**
 * Test-only page: exposes the viewer adapter's decode path to a Playwright spec. The spec serves
 * sample files at /bytes/instance/<n>, so bytes reach the adapter through the production byte
 * channel code (fetchBytes) and the production loader, metadata and workers.
 */
import { cache, Enums, imageLoader, RenderingEngine, type StackViewport } from '@cornerstonejs/core';
import { initViewer } from '../../../renderer/src/viewer/cornerstone/init';
import { imageIdsFor } from '../../../renderer/src/viewer/cornerstone/image-ids';
import { viewerCacheStats } from '../../../renderer/src/viewer/cornerstone/caches';
import { clearViewerCaches } from '../../../renderer/src/viewer/cornerstone/lock';
import { StackView } from '../../../renderer/src/viewer/cornerstone/viewport';
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

/**
 * 'half-range': centred on the picture's value range, half as wide (so both ends clip and the
 * middle is stretched); null: no window (colour).
 */
export type DisplayWindow = { center: number; width: number } | 'half-range' | null;

export interface DisplayedSample {
  /** The canvas size: the picture's size when shown 1:1. */
  width: number;
  height: number;
  /** The smallest and largest value in modality units (rescale applied). */
  low: number;
  high: number;
  /** The window drawn with (null: the colour picture as it is). */
  window: { center: number; width: number } | null;
  /** The canvas's RGBA bytes, base64. */
  base64: string;
}

declare global {
  interface Window {
    viewerCacheStats: typeof viewerCacheStats;
    clearViewerCaches: typeof clearViewerCaches;
    /** Loads a frame and keeps it in the cache (as a viewport would). */
    keepSample: (instanceId: number, frames: number | null, frameIndex: number) => Promise<void>;
    decodeSample: (instanceId: number, frames: number | null, frameIndex: number) => Promise<DecodedSample>;
    /** The picture drawn by the production stack view at 1:1, nearest neighbour, in the given window. */
    renderDisplay: (instanceId: number, frames: number | null, frameIndex: number, window: DisplayWindow) => Promise<DisplayedSample>;
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

let displays = 0;

window.renderDisplay = async (instanceId, frames, frameIndex, voi) => {
  await window.viewerReady;
  const imageId = imageIdsFor({ id: instanceId, frames })[frameIndex];
  if (imageId === undefined) throw new Error('no such frame');
  const image = await imageLoader.loadAndCacheImage(imageId);
  const scaled = (image as { preScale?: { scaled?: boolean } }).preScale?.scaled === true;
  const toModality = (v: number): number => (scaled ? v : v * image.slope + image.intercept);
  const element = document.createElement('div');
  element.style.cssText = `width:${image.columns}px;height:${image.rows}px;position:absolute;left:0;top:0`;
  document.body.append(element);
  displays += 1;
  const engine = new RenderingEngine(`display-${displays}`);
  try {
    const view = new StackView(engine, 'display', element);
    await view.show([imageId]);
    const viewport = engine.getViewport<StackViewport>('display');
    viewport.setProperties({ interpolationType: Enums.InterpolationType.NEAREST });
    const low = toModality(image.minPixelValue);
    const high = toModality(image.maxPixelValue);
    const used = voi === 'half-range' ? { center: (low + high) / 2, width: Math.max(2, Math.round((high - low) / 2)) } : voi;
    if (used !== null) view.setWindow(used.width, used.center);
    // A render that never comes (an error inside Cornerstone's animation frame) fails this sample, not the run.
    const rendered = new Promise<void>((resolve, reject) => {
      const late = setTimeout(() => reject(new Error('the viewport did not draw within 20 s')), 20_000);
      element.addEventListener(Enums.Events.IMAGE_RENDERED, () => { clearTimeout(late); resolve(); }, { once: true });
    });
    viewport.render();
    await rendered;
    const canvas = element.querySelector('canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) throw new Error('no 2D canvas in the viewport');
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, low, high, window: used, base64: toBase64(pixels) };
  } finally {
    engine.destroy();
    element.remove();
    cache.removeImageLoadObject(imageId);
  }
};
