import { describe, expect, test } from 'vitest';
import { renderText } from '../../../test-support/burned-in/text-bitmap';
import { looksLikeText, DEFAULT_CONFIRM, padBox } from './confirm';
import { detectTextCandidates, textLines } from './text-detector';

function canvas(width: number, height: number, fill = 40): Uint8Array {
  return new Uint8Array(width * height).fill(fill);
}

function draw(luma: Uint8Array, width: number, text: string, x: number, y: number, px: number, value = 255) {
  const bitmap = renderText(text, px);
  for (let j = 0; j < bitmap.height; j++) for (let i = 0; i < bitmap.width; i++) if (bitmap.ink[j * bitmap.width + i] === 1) luma[(y + j) * width + x + i] = value;
  return { x, y, width: bitmap.width, height: bitmap.height };
}

describe('fast text detector', () => {
  test('finds a line of bright text and nothing on a plain or smoothly varying image', () => {
    const luma = canvas(200, 80);
    const box = draw(luma, 200, 'JANE DOE 1962', 10, 30, 14);
    const found = detectTextCandidates(luma, 200, 80);
    expect(found).toHaveLength(1);
    expect(found[0]!.x).toBeLessThanOrEqual(box.x + 2);
    expect(found[0]!.x + found[0]!.width).toBeGreaterThanOrEqual(box.x + box.width - 2);
    const gradient = Uint8Array.from({ length: 200 * 80 }, (_, i) => (i % 200) + 20);
    expect(detectTextCandidates(gradient, 200, 80)).toEqual([]);
  });

  test('a large bright blob and a single letter are not text', () => {
    const luma = canvas(200, 80);
    for (let y = 10; y < 60; y++) for (let x = 10; x < 70; x++) luma[y * 200 + x] = 250;
    draw(luma, 200, 'L', 150, 30, 14);
    expect(detectTextCandidates(luma, 200, 80)).toEqual([]);
  });

  test('faint text (little contrast) is below the detector', () => {
    const luma = canvas(200, 80, 120);
    draw(luma, 200, 'JANE DOE', 10, 30, 14, 160);
    expect(detectTextCandidates(luma, 200, 80)).toEqual([]);
  });

  test('glyphs group into lines by height, overlap and gap', () => {
    const glyph = (x: number, y: number, h = 10) => ({ x, y, width: 6, height: h });
    expect(textLines([glyph(0, 0), glyph(8, 0), glyph(16, 1)], 3, 48)).toEqual([{ x: 0, y: 0, width: 22, height: 11 }]);
    expect(textLines([glyph(0, 0), glyph(8, 0), glyph(60, 0)], 3, 48)).toEqual([]); // too far apart
    expect(textLines([glyph(0, 0), glyph(8, 30), glyph(16, 0)], 3, 48)).toEqual([]); // not on one line
  });
});

describe('OCR confirmation rule', () => {
  test('enough letters or digits on one line, with enough confidence', () => {
    expect(looksLikeText('DOE, JANE\n', 90, DEFAULT_CONFIRM)).toBe(true);
    expect(looksLikeText('DOE" JANE\n', 28, DEFAULT_CONFIRM)).toBe(true); // long reading, '^' lowered the confidence
    expect(looksLikeText('ND\n', 46, DEFAULT_CONFIRM)).toBe(false);
    expect(looksLikeText('al\n', 45, DEFAULT_CONFIRM)).toBe(false);
    expect(looksLikeText('ET\n2H\nely It\n\n[Ee 4\n', 28, DEFAULT_CONFIRM)).toBe(false); // shapes read as several lines
    expect(looksLikeText('4711\n', 80, DEFAULT_CONFIRM)).toBe(true);
    // Pixel fonts on real ultrasound are read right at near-zero confidence: one clean line counts.
    expect(looksLikeText('CINE 0118\n', 17, DEFAULT_CONFIRM)).toBe(true);
    expect(looksLikeText("'MSTSKEL\n", 0, DEFAULT_CONFIRM)).toBe(true);
    expect(looksLikeText('~/ (|) .,\n', 0, DEFAULT_CONFIRM)).toBe(false);
  });

  test('the suggested mask is the candidate padded, inside the image', () => {
    expect(padBox({ x: 2, y: 50, width: 40, height: 10 }, 100, 58)).toEqual({ x: 0, y: 45, width: 47, height: 13 });
  });
});
