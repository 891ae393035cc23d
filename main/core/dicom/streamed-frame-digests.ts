/**
 * Frame digests of uncompressed pixel data computed while a large file streams past, one frame
 * held at a time. Each frame gets exactly the canonical bytes frameDigests gives it (same swap,
 * same split), so the digests are the same as for the file read whole.
 */
import { createHash } from 'node:crypto';
import { frameGeometry, type FrameDigestResult } from './digests';
import type { ParsedHeader } from './header';
import { frameBitLength, splitNativeFrames, swapBytes, swapUnitForVr, type FrameGeometry } from './native-frames';
import type { DicomFacts } from './types';

export const STREAMED_PENDING = 'The image is very large; its frame fingerprints are computed later in the background';

export class NativeFrameHasher {
  private readonly frame: Buffer;
  private filled = 0;
  private readonly digests: Buffer[] = [];

  private constructor(private readonly start: number, private readonly end: number, private readonly g: FrameGeometry, private readonly swapUnit: number) {
    this.frame = Buffer.allocUnsafe(frameBitLength(g) / 8);
  }

  /**
   * A hasher for the pixel data `header` (parsed from the file's start) describes, or the result
   * to record when none applies: 'none' for the reasons frameDigests gives, 'pending' where this
   * cannot stream (compressed, deflated, frames not on byte boundaries or over maxFrameBytes).
   */
  static forFile(header: ParsedHeader, prefix: Uint8Array, facts: DicomFacts, maxFrameBytes: number): NativeFrameHasher | Exclude<FrameDigestResult, { status: 'done' }> {
    const pixel = header.pixelData;
    if (facts.image.pixelDataOffset === null || pixel === null) return { status: 'none', reason: 'The file has no image data' };
    if (pixel.length === null || header.layout.dataset.bytes !== prefix) return { status: 'pending', reason: STREAMED_PENDING };
    if (!pixel.complete) return { status: 'none', reason: 'The image data is incomplete (the file ends early)' };
    const g = frameGeometry(facts, header);
    if (g === null) return { status: 'none', reason: 'The image size is not stated in the file' };
    const bits = frameBitLength(g);
    if (bits <= 0) return { status: 'none', reason: 'The image size is not stated in the file' };
    if (pixel.length * 8 < bits * g.frames) return { status: 'none', reason: 'The image data is shorter than the image size stated in the file' };
    const unit = header.layout.encoding.littleEndian ? 1 : swapUnitForVr(pixel.vr);
    if (bits % 8 !== 0 || bits / 8 > maxFrameBytes || (bits / 8) % unit !== 0) return { status: 'pending', reason: STREAMED_PENDING };
    return new NativeFrameHasher(pixel.offset, pixel.offset + (bits / 8) * g.frames, g, unit);
  }

  /** `chunk` holds the file's bytes from `offset` on; chunks arrive in order. */
  feed(chunk: Uint8Array, offset: number): void {
    let from = Math.max(this.start, offset);
    const to = Math.min(this.end, offset + chunk.length);
    while (from < to) {
      const take = Math.min(to - from, this.frame.length - this.filled);
      this.frame.set(chunk.subarray(from - offset, from - offset + take), this.filled);
      this.filled += take;
      from += take;
      if (this.filled === this.frame.length) this.digestFrame();
    }
  }

  finish(): FrameDigestResult {
    if (this.digests.length !== this.g.frames) return { status: 'none', reason: 'The image data is incomplete (the file ends early)' };
    return { status: 'done', digests: this.digests };
  }

  private digestFrame(): void {
    this.filled = 0;
    const raw = this.swapUnit > 1 ? swapBytes(this.frame, this.swapUnit) : this.frame;
    const split = splitNativeFrames(raw, { ...this.g, frames: 1 });
    const frame = 'frames' in split ? split.frames[0] : undefined;
    if (frame !== undefined) this.digests.push(createHash('sha256').update(frame).digest());
  }
}
