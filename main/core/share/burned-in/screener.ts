/**
 * createScreener: is there text burned into an image's pixels, and where? Each sampled frame is
 * decoded (any transfer syntax the core decodes), turned into 8-bit display luminance, passed
 * through the fast stroke detector (text-detector.ts), and only its candidate lines are read by
 * OCR to confirm them. A cine is sampled (first, quarter, middle, three-quarter, last frame); a
 * region seen on two or more sampled frames is reported for every frame (frame null), as
 * ultrasound repeats its header band. All of it happens in memory.
 */
import { cpus } from 'node:os';
import { loadCompressedCodecs } from '../../dicom/decode-compressed';
import { openImage } from './image-frames';
import { OcrPool, type TextReader } from './ocr-pool';
import { confirmText, DEFAULT_CONFIRM, type ConfirmTuning } from './confirm';
import { toLuma8 } from './samples';
import { paletteLuma } from './palette';
import { DEFAULT_TUNING, detectTextCandidates, type Box, type DetectorTuning } from './text-detector';
import type { ScreenResult, Screener, TextRegion } from './types';

export interface ScreenerOptions {
  /** OCR worker threads (default: one per core, at most 2). */
  ocrWorkers?: number;
  /** Replaces tesseract (tests). */
  reader?: TextReader;
  detector?: Partial<DetectorTuning>;
  confirm?: Partial<ConfirmTuning>;
}

/** First, quarter, middle, three-quarter and last frame (fewer when the image has fewer). */
export function sampleFrames(frames: number): number[] {
  const picks = [0, Math.floor((frames - 1) / 4), Math.floor((frames - 1) / 2), Math.floor((3 * (frames - 1)) / 4), frames - 1];
  return [...new Set(picks.filter((f) => f >= 0))].sort((a, b) => a - b);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** Merges overlapping boxes until none overlap. */
export function mergeBoxes(boxes: readonly Box[]): Box[] {
  const out = [...boxes];
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i], b = out[j];
        if (a !== undefined && b !== undefined && overlaps(a, b)) {
          out[i] = unionBox(a, b);
          out.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
  }
  return out;
}

/** Regions per sampled frame to the reported list: repeats become frame null. */
export function combineFrames(found: ReadonlyMap<number, Box[]>, totalFrames: number): TextRegion[] {
  if (totalFrames === 1) return mergeBoxes([...found.values()].flat()).map((b) => ({ ...b, frame: null }));
  const all = [...found.entries()].flatMap(([frame, boxes]) => boxes.map((box) => ({ frame, box })));
  const regions: TextRegion[] = [];
  for (const box of mergeBoxes(all.map((a) => a.box))) {
    const frames = new Set(all.filter((a) => overlaps(a.box, box)).map((a) => a.frame));
    const only = frames.size === 1 ? [...frames][0] : undefined;
    regions.push({ ...box, frame: only ?? null });
  }
  return regions;
}

export function createScreener(opts: ScreenerOptions = {}): Screener {
  // Masking follows screening in the same process and is synchronous: have its decoders ready.
  loadCompressedCodecs().catch(() => undefined);
  const reader = opts.reader ?? new OcrPool(opts.ocrWorkers ?? Math.max(1, Math.min(2, cpus().length)));
  const detector = { ...DEFAULT_TUNING, ...opts.detector };
  const confirm = { ...DEFAULT_CONFIRM, ...opts.confirm };
  return {
    async screen(file: Uint8Array, signal?: AbortSignal): Promise<ScreenResult> {
      signal?.throwIfAborted();
      const image = openImage(file);
      const { info } = image;
      const frames = sampleFrames(info.frames);
      const palette = info.photometric === 'PALETTE COLOR' && info.samplesPerPixel === 1 ? paletteLuma(file) : null;
      const found = new Map<number, Box[]>();
      for (const index of frames) {
        signal?.throwIfAborted();
        const luma = toLuma8(await image.frame(index), info, palette);
        const candidates = detectTextCandidates(luma, info.columns, info.rows, detector);
        const confirmed: Box[] = [];
        for (const candidate of candidates) {
          const region = await confirmText(reader, luma, info.columns, info.rows, candidate, confirm, signal);
          if (region !== null) confirmed.push(region);
        }
        if (confirmed.length > 0) found.set(index, confirmed);
      }
      const regions = combineFrames(found, info.frames);
      return { textFound: regions.length > 0, regions, framesScreened: frames.length };
    },
    close: () => reader.close(),
  };
}
