/**
 * How one outside copy differs from one stored original: identical bytes; the same dataset with
 * other file meta; the same decoded pixels with attributes changed; or pixels changed (with where
 * and how much). Compressed files are compared on their decoded pixels.
 */
import { createHash } from 'node:crypto';
import type { AttributeChange, CompareOutcome, FrameDifference, PixelDifference } from '../../../shared/compare/compare-report';
import { readDicom } from '../dicom/read-dicom';
import type { DicomFacts } from '../dicom/types';
import { diffDataset, diffMeta, readTree, type TreeResult } from './attribute-diff';
import { decodeAllFrames, type DecodedFrames } from './decoded-frames';
import { frameDifference } from './pixel-diff';

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** An image read into memory with what comparing it needs, each worked out once and kept. */
export class LoadedImage {
  private frames: Promise<DecodedFrames> | null = null;
  private tree: TreeResult | null = null;
  private digest: Buffer | null = null;

  constructor(readonly bytes: Uint8Array, readonly facts: DicomFacts, private readonly signal?: AbortSignal) {}

  /** null when the bytes are not a readable instance. */
  static read(bytes: Uint8Array, signal?: AbortSignal): LoadedImage | null {
    const read = readDicom(bytes);
    return read.kind === 'instance' ? new LoadedImage(bytes, read.facts, signal) : null;
  }

  get sha256(): Buffer {
    return (this.digest ??= sha256(this.bytes));
  }

  get datasetDigest(): Buffer {
    return sha256(this.bytes.subarray(this.facts.datasetOffset));
  }

  decoded(): Promise<DecodedFrames> {
    return (this.frames ??= decodeAllFrames(this.bytes, this.facts, this.signal));
  }

  attributes(): TreeResult {
    return (this.tree ??= readTree(this.bytes));
  }

  /** The frame digests the import keeps (concatenated), or null when the pixels cannot be decoded. */
  async frameDigests(): Promise<Buffer | null> {
    const decoded = await this.decoded();
    return 'frames' in decoded ? Buffer.concat(decoded.frames.map(sha256)) : null;
  }
}

export interface Classification {
  outcome: Exclude<CompareOutcome, 'no-original'>;
  changes?: AttributeChange[];
  pixels?: PixelDifference;
  note?: string;
}

function attributeChanges(original: LoadedImage, copy: LoadedImage, metaOnly: boolean): { changes: AttributeChange[] } | { note: string } {
  const a = original.attributes();
  const b = copy.attributes();
  if ('reason' in a) return { note: `The original's details could not be read: ${a.reason}` };
  if ('reason' in b) return { note: `The copy's details could not be read: ${b.reason}` };
  return { changes: metaOnly ? diffMeta(a.tree, b.tree) : diffDataset(a.tree, b.tree) };
}

async function pixelDifference(original: LoadedImage, copy: LoadedImage): Promise<PixelDifference | { note: string }> {
  const a = await original.decoded();
  const b = await copy.decoded();
  if ('reason' in a) return { note: `The original's image could not be decoded: ${a.reason}` };
  if ('reason' in b) return { note: `The copy's image could not be decoded: ${b.reason}` };
  const sa = a.shape;
  const sb = b.shape;
  if (sa.rows !== sb.rows || sa.columns !== sb.columns || sa.samples !== sb.samples || sa.bitsAllocated !== sb.bitsAllocated || a.frames.length !== b.frames.length) {
    const pixels = sb.rows * sb.columns;
    const frames = b.frames.map((_, i): FrameDifference => ({ frame: i + 1, boxes: [[0, 0, sb.columns - 1, sb.rows - 1]], changed: pixels, maxDiff: 0, meanDiff: 0 }));
    return { changed: pixels * b.frames.length, frames, sizeChanged: true };
  }
  const frames: FrameDifference[] = [];
  for (let i = 0; i < a.frames.length; i++) {
    const difference = frameDifference(i, a.frames[i] ?? new Uint8Array(), b.frames[i] ?? new Uint8Array(), sa);
    if (difference !== null) frames.push(difference);
  }
  return { changed: frames.reduce((n, f) => n + f.changed, 0), frames };
}

export async function classify(original: LoadedImage, copy: LoadedImage): Promise<Classification> {
  if (original.sha256.equals(copy.sha256)) return { outcome: 'identical' };
  if (original.datasetDigest.equals(copy.datasetDigest)) {
    const meta = attributeChanges(original, copy, true);
    return { outcome: 'same-dataset', ...meta };
  }
  const changes = attributeChanges(original, copy, false);
  const hasPixels = original.facts.image.pixelDataOffset !== null || copy.facts.image.pixelDataOffset !== null;
  if (!hasPixels) return { outcome: 'same-pixels', ...changes };
  const pixels = await pixelDifference(original, copy);
  // Pixels that cannot be decoded cannot be vouched for: say so, and do not call them the same.
  if ('note' in pixels) return { outcome: 'pixels-changed', ...changes, note: pixels.note };
  return pixels.changed === 0 ? { outcome: 'same-pixels', ...changes } : { outcome: 'pixels-changed', ...changes, pixels };
}

/** For choosing the closest of several stored copies: lower is closer. */
export function distance(c: Classification): number {
  const order = { identical: 0, 'same-dataset': 1, 'same-pixels': 2, 'pixels-changed': 3 } as const;
  const detail = c.outcome === 'pixels-changed' ? (c.pixels?.changed ?? Number.MAX_SAFE_INTEGER) : (c.changes?.length ?? 0);
  return order[c.outcome] * 1e12 + Math.min(detail, 1e12 - 1);
}
