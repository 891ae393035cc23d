/**
 * Which fragments hold a frame of compressed Pixel Data when the file's offset table cannot be
 * trusted. The image loader follows a Basic Offset Table blindly, and one that does not point at
 * item starts (real files carry tables off by a byte after odd-length fragments, or one entry too
 * many) makes every frame fail to decode. Such a table is set aside, as dcmtk and GDCM do, and
 * the frames are found the way the core finds them (main/core/dicom/fragments.ts).
 * No Cornerstone import: planFrame is pure, encapsulatedFrame reads dicom-parser's dataset.
 */
import { createJPEGBasicOffsetTable, readEncapsulatedImageFrame, type DataSet, type Element, type Fragment } from 'dicom-parser';

export type FramePlan =
  /** The table is sound, or there is none: the image loader's own reading is right. */
  | { kind: 'loader' }
  /** These fragments, in order, are the frame. */
  | { kind: 'fragments'; fragments: Fragment[] }
  /** Several fragments per frame and no usable table: find each frame's JPEG start. */
  | { kind: 'jpeg-starts' };

/** Whether the table has one entry per frame, each the start of an item, in order. */
export function offsetTableIsSound(table: readonly number[], fragments: readonly Fragment[], frames: number): boolean {
  if (table.length !== frames) return false;
  const starts = new Set(fragments.map((f) => f.offset));
  return table.every((offset, i) => starts.has(offset) && (i === 0 || offset > (table[i - 1] ?? 0)));
}

export function planFrame(table: readonly number[], fragments: readonly Fragment[], frames: number, frameIndex: number): FramePlan {
  if (table.length === 0 || offsetTableIsSound(table, fragments, frames)) return { kind: 'loader' };
  if (frames <= 1) return { kind: 'fragments', fragments: [...fragments] };
  const one = fragments[frameIndex];
  if (fragments.length === frames && one !== undefined) return { kind: 'fragments', fragments: [one] };
  return { kind: 'jpeg-starts' };
}

/** The frame's compressed bytes by the plan, or null when the loader's own reading applies. */
export function encapsulatedFrame(dataSet: DataSet, element: Element, frames: number, frameIndex: number): Uint8Array | null {
  const fragments = element.fragments ?? [];
  const plan = planFrame(element.basicOffsetTable ?? [], fragments, frames, frameIndex);
  const bytes = dataSet.byteArray as Uint8Array;
  if (plan.kind === 'loader') return null;
  if (plan.kind === 'fragments') {
    const out = new Uint8Array(plan.fragments.reduce((n, f) => n + f.length, 0));
    let at = 0;
    for (const f of plan.fragments) {
      out.set(bytes.subarray(f.position, f.position + f.length), at);
      at += f.length;
    }
    return out;
  }
  // dicom-parser finds where each JPEG image starts (its SOI marker) and builds a table from that.
  const jpegStarts = createJPEGBasicOffsetTable(dataSet, element, fragments);
  return new Uint8Array(readEncapsulatedImageFrame(dataSet, element, frameIndex, jpegStarts, fragments));
}
