/**
 * Small previews (library thumbnails) drawn by the same decode path as the viewer: the image is
 * loaded through the `scanvault:` loader (decoded in its workers), mapped to 8-bit grey with the
 * file's first window (or its value range) or taken as RGB, drawn into the given canvas (no WebGL
 * context per thumbnail), then dropped from the image cache so a long list keeps no full-size
 * images. At most two previews decode at a time, whatever the list does.
 */
import { cache, imageLoader, type Types } from '@cornerstonejs/core';
import type { ViewerInstance } from '../../../../shared/api/viewer';
import { imageIdsFor } from './image-ids';
import { initViewer } from './init';
import { colourLevel } from './colour-depth';

const MAX_AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  while (running >= MAX_AT_ONCE) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  signal?.throwIfAborted();
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function firstNumber(value: number | number[] | undefined): number | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Display values (RGBA) of a decoded image: linear window for grey (MONOCHROME1 inverted), RGB as it is. */
export function displayRgba(image: Pick<Types.IImage, 'rows' | 'columns' | 'color' | 'minPixelValue' | 'maxPixelValue' | 'windowCenter' | 'windowWidth' | 'photometricInterpretation'>, pixels: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  const count = image.rows * image.columns;
  const out = new Uint8ClampedArray(count * 4);
  if (image.color) {
    const channels = pixels.length / count;
    // 16-bit colour opens in a window over its range (colour-depth.ts); 8-bit in 0..255.
    const window = { width: firstNumber(image.windowWidth) ?? 256, center: firstNumber(image.windowCenter) ?? 128 };
    for (let p = 0; p < count; p++) {
      for (let c = 0; c < 3; c++) out[p * 4 + c] = colourLevel(pixels[p * channels + c] ?? 0, window);
      out[p * 4 + 3] = 255;
    }
    return out;
  }
  const width = firstNumber(image.windowWidth) ?? image.maxPixelValue - image.minPixelValue;
  const center = firstNumber(image.windowCenter) ?? (image.maxPixelValue + image.minPixelValue) / 2;
  const low = center - width / 2;
  const scale = width > 0 ? 255 / width : 0;
  const invert = image.photometricInterpretation === 'MONOCHROME1';
  for (let p = 0; p < count; p++) {
    const grey = Math.max(0, Math.min(255, ((pixels[p] ?? 0) - low) * scale));
    const shown = invert ? 255 - grey : grey;
    out[p * 4] = shown;
    out[p * 4 + 1] = shown;
    out[p * 4 + 2] = shown;
    out[p * 4 + 3] = 255;
  }
  return out;
}

function drawImage(canvas: HTMLCanvasElement, image: Types.IImage): void {
  canvas.width = image.columns;
  canvas.height = image.rows;
  const rgba = displayRgba(image, image.getPixelData());
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, image.columns, image.rows), 0, 0);
}

/** The image a series is previewed by: the middle image, its middle frame. */
export function previewImageId(instances: readonly ViewerInstance[]): string | null {
  const images = instances.filter((i) => i.kind === 'image');
  const middle = images[Math.floor((images.length - 1) / 2)];
  if (middle === undefined) return null;
  const ids = imageIdsFor(middle);
  return ids[Math.floor((ids.length - 1) / 2)] ?? null;
}

/** Draws the image into `canvas`; rejects when it cannot be decoded or `signal` aborts first. */
export async function renderPreview(canvas: HTMLCanvasElement, imageId: string, signal?: AbortSignal): Promise<void> {
  await initViewer();
  await limited(async () => {
    // A picture the viewer already has stays in the cache; only the preview's own load is dropped.
    const ownLoad = cache.getImageLoadObject(imageId) === undefined;
    try {
      const image = await imageLoader.loadAndCacheImage(imageId);
      signal?.throwIfAborted();
      drawImage(canvas, image);
    } finally {
      if (ownLoad) cache.removeImageLoadObject(imageId, { force: true });
    }
  }, signal);
}
