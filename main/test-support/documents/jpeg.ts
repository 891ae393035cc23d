/**
 * Encodes a grey image as a JPEG in memory, as a phone photo of a form would arrive. Uses
 * @napi-rs/canvas, which pdf.js installs as an optional dependency; returns null where that
 * module is absent, so a test can report itself skipped.
 */
import type * as NapiCanvas from '@napi-rs/canvas';
import type { GreyImage } from './bitmap-font';

export async function encodeJpeg(image: GreyImage, quality = 85): Promise<Uint8Array | null> {
  let lib: typeof NapiCanvas;
  try {
    lib = await import('@napi-rs/canvas');
  } catch {
    return null;
  }
  const canvas = lib.createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(image.width, image.height);
  image.pixels.forEach((v, i) => { data.data.set([v, v, v, 255], i * 4); });
  ctx.putImageData(data, 0, 0);
  return new Uint8Array(await canvas.encode('jpeg', quality));
}
