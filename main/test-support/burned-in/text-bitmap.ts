/** Test helper: text rendered to a 1-bit bitmap with @napi-rs/canvas, to burn into pixel data. */
import { createCanvas } from '@napi-rs/canvas';

export interface TextBitmap {
  width: number;
  height: number;
  /** 1 where the glyphs are inked. */
  ink: Uint8Array;
}

/** `text` in a sans-serif face `px` pixels high, cropped to its inked pixels. */
export function renderText(text: string, px: number): TextBitmap {
  const canvas = createCanvas(Math.ceil(px * text.length * 0.9 + 8), Math.ceil(px * 1.6));
  const g = canvas.getContext('2d');
  g.fillStyle = '#000';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#fff';
  g.font = `${px}px sans-serif`;
  g.textBaseline = 'top';
  g.fillText(text, 2, 2);
  const rgba = g.getImageData(0, 0, canvas.width, canvas.height).data;
  let x0 = canvas.width, y0 = canvas.height, x1 = -1, y1 = -1;
  for (let y = 0; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++) {
      if ((rgba[(y * canvas.width + x) * 4] ?? 0) < 128) continue;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
  }
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) ink[y * width + x] = (rgba[((y + y0) * canvas.width + x + x0) * 4] ?? 0) >= 128 ? 1 : 0;
  }
  return { width, height, ink };
}
