/**
 * The second pass: OCR reads one candidate line (cropped with a margin, enlarged to a size
 * tesseract reads well, shown dark on light) and the candidate counts as text when OCR finds
 * enough letters or digits with enough confidence. The region returned is the candidate padded,
 * the suggested mask.
 */
import type { TextReader } from './ocr-pool';
import { toPgm } from './ocr-pool';
import type { Box } from './text-detector';

export interface ConfirmTuning {
  /** Letters and digits OCR must find, at tesseract's mean confidence (0-100) of at least minConfidence... */
  minAlphanumerics: number;
  minConfidence: number;
  /** ... or this many at this lower confidence (a longer reading is rarely noise; '^' in names lowers it). */
  longAlphanumerics: number;
  longConfidence: number;
  /** ... or a single clean line (letters and digits, little else) this long, at any confidence. */
  cleanLineAlphanumerics: number;
  /** Line height tesseract gets to read (crops are enlarged up to 4x). */
  targetHeight: number;
}

export const DEFAULT_CONFIRM: ConfirmTuning = { minAlphanumerics: 3, minConfidence: 45, longAlphanumerics: 6, longConfidence: 20, cleanLineAlphanumerics: 5, targetHeight: 40 };

/** Pads a box by about half its height (glyph parts the detector missed), clipped to the image. */
export function padBox(box: Box, width: number, height: number): Box {
  const pad = Math.max(3, Math.ceil(box.height * 0.5));
  const x = Math.max(0, box.x - pad), y = Math.max(0, box.y - pad);
  return { x, y, width: Math.min(width, box.x + box.width + pad) - x, height: Math.min(height, box.y + box.height + pad) - y };
}

/** White border around the crop: tesseract reads a line far better with room around it. */
const MARGIN = 12;

/** The crop, enlarged by `scale` (bilinear), inverted and framed in white, as 8-bit grey. */
export function cropForOcr(luma: Uint8Array, width: number, box: Box, scale: number): { grey: Uint8Array; width: number; height: number } {
  const w = box.width * scale, h = box.height * scale;
  const stride = w + 2 * MARGIN;
  const grey = new Uint8Array(stride * (h + 2 * MARGIN)).fill(255);
  const at = (x: number, y: number) => luma[(box.y + Math.min(box.height - 1, y)) * width + box.x + Math.min(box.width - 1, x)] ?? 0;
  for (let y = 0; y < h; y++) {
    const sy = Math.max(0, (y + 0.5) / scale - 0.5), y0 = Math.floor(sy), fy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.max(0, (x + 0.5) / scale - 0.5), x0 = Math.floor(sx), fx = sx - x0;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      grey[(y + MARGIN) * stride + x + MARGIN] = 255 - Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { grey, width: stride, height: h + 2 * MARGIN };
}

const alphanumericCount = (line: string) => (line.match(/[A-Za-z0-9]/g) ?? []).length;

export function looksLikeText(text: string, confidence: number, t: ConfirmTuning): boolean {
  // A candidate is one line of glyphs: a reading spread over several lines is shapes, not text.
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const alphanumerics = Math.max(0, ...lines.map(alphanumericCount));
  if (alphanumerics >= t.longAlphanumerics && confidence >= t.longConfidence) return true;
  if (alphanumerics >= t.minAlphanumerics && confidence >= t.minConfidence) return true;
  // Pixel fonts (ultrasound, scanner overlays) are read right at a very low confidence: one clean
  // line of mostly letters and digits is text whatever tesseract's confidence says.
  const only = lines.length === 1 ? (lines[0] ?? '') : '';
  const visible = only.replace(/\s/g, '').length;
  return alphanumerics >= t.cleanLineAlphanumerics && visible > 0 && alphanumericCount(only) / visible >= 0.85;
}

export async function confirmText(
  reader: TextReader, luma: Uint8Array, width: number, height: number, candidate: Box, t: ConfirmTuning, signal?: AbortSignal,
): Promise<Box | null> {
  const region = padBox(candidate, width, height);
  const scale = Math.max(1, Math.min(4, Math.ceil(t.targetHeight / Math.max(1, candidate.height))));
  const crop = cropForOcr(luma, width, region, scale);
  const reading = await reader.read(toPgm(crop.grey, crop.width, crop.height), signal);
  return looksLikeText(reading.text, reading.confidence, t) ? region : null;
}
