/**
 * The fast first pass of burned-in text screening, pure TypeScript: finds rows of character-sized
 * bright strokes. Text is drawn as thin strokes far brighter than what is beside them, in glyphs of
 * similar height standing side by side on a line; anatomy rarely looks like that. Only the boxes
 * found here are read by OCR, so an image without such rows costs a few milliseconds.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectorTuning {
  /** A stroke pixel is at least this bright (0-255, display luminance). */
  minBrightness: number;
  /** ... and this much brighter than pixels within `reach` on both sides (across or along). */
  minContrast: number;
  reach: number;
  /** Glyph height range in pixels. */
  minGlyphHeight: number;
  maxGlyphHeight: number;
  /** Glyphs on one line needed for a candidate. */
  minGlyphs: number;
}

export const DEFAULT_TUNING: DetectorTuning = {
  minBrightness: 140, minContrast: 70, reach: 4, minGlyphHeight: 5, maxGlyphHeight: 48, minGlyphs: 3,
};

/** 1 where a pixel is a bright thin stroke (thin across, or thin along). */
export function strokeMask(luma: Uint8Array, width: number, height: number, t: DetectorTuning): Uint8Array {
  const mask = new Uint8Array(width * height);
  const r = t.reach;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const v = luma[row + x] ?? 0;
      if (v < t.minBrightness) continue;
      const dark = v - t.minContrast;
      if (darkWithin(luma, row + x, -1, Math.min(r, x), dark) && darkWithin(luma, row + x, 1, Math.min(r, width - 1 - x), dark)) {
        mask[row + x] = 1;
      } else if (darkWithin(luma, row + x, -width, Math.min(r, y), dark) && darkWithin(luma, row + x, width, Math.min(r, height - 1 - y), dark)) {
        mask[row + x] = 1;
      }
    }
  }
  return mask;
}

function darkWithin(luma: Uint8Array, at: number, step: number, steps: number, dark: number): boolean {
  for (let k = 1; k <= steps; k++) if ((luma[at + k * step] ?? 255) <= dark) return true;
  return false;
}

/** Bounding boxes of 8-connected components of the mask (iterative flood fill, no recursion). */
export function components(mask: Uint8Array, width: number, height: number): (Box & { pixels: number })[] {
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  const found: (Box & { pixels: number })[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1 || seen[start] === 1) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = width, y0 = height, x1 = -1, y1 = -1, pixels = 0;
    while (top > 0) {
      const at = stack[--top] ?? 0;
      const x = at % width;
      const y = (at - x) / width;
      pixels++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const n = ny * width + nx;
          if (mask[n] === 1 && seen[n] === 0) {
            seen[n] = 1;
            stack[top++] = n;
          }
        }
      }
    }
    found.push({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, pixels });
  }
  return found;
}

function isGlyph(c: Box & { pixels: number }, t: DetectorTuning): boolean {
  if (c.height < t.minGlyphHeight || c.height > t.maxGlyphHeight) return false;
  if (c.width > c.height * 3 || c.pixels < 6) return false;
  // Strokes, not filled blobs or lone specks.
  const fill = c.pixels / (c.width * c.height);
  return fill > 0.12 && fill < 0.9;
}

function onOneLine(a: Box, b: Box): boolean {
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (overlap < 0.5 * Math.min(a.height, b.height)) return false;
  if (Math.max(a.height, b.height) > 2.5 * Math.min(a.height, b.height)) return false;
  const gap = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
  return gap <= 1.6 * Math.max(a.height, b.height);
}

function union(boxes: readonly Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Groups glyphs into lines (union-find over neighbouring glyphs); a line needs minGlyphs glyphs. */
export function textLines(glyphs: readonly Box[], minGlyphs: number, maxGlyphHeight: number): Box[] {
  const sorted = [...glyphs].sort((a, b) => a.x - b.x);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      // Sorted by x: past the widest possible gap nothing further can join.
      if (b === undefined || b.x - (a.x + a.width) > 1.6 * maxGlyphHeight) break;
      if (onOneLine(a, b)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Box[]>();
  sorted.forEach((box, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), box]);
  });
  return [...groups.values()].filter((g) => g.length >= minGlyphs && onBaseline(g)).map(union);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Most glyphs of a line of text stand on one baseline; bright speckle in a row does not. */
function onBaseline(glyphs: readonly Box[]): boolean {
  const bottoms = glyphs.map((g) => g.y + g.height);
  const base = median(bottoms);
  const tolerance = Math.max(1.5, 0.2 * median(glyphs.map((g) => g.height)));
  return bottoms.filter((b) => Math.abs(b - base) <= tolerance).length >= 0.6 * glyphs.length;
}

/** Candidate text lines in an 8-bit luminance image. */
export function detectTextCandidates(luma: Uint8Array, width: number, height: number, t: DetectorTuning = DEFAULT_TUNING): Box[] {
  const mask = strokeMask(luma, width, height, t);
  const glyphs = components(mask, width, height).filter((c) => isGlyph(c, t));
  return textLines(glyphs, t.minGlyphs, t.maxGlyphHeight);
}
