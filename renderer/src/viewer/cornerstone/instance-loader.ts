/**
 * The Cornerstone image loader for `scanvault:` ids (image-ids.ts). The file's bytes come through
 * the byte channel (renderer/src/api/bytes.ts) as an ArrayBuffer, never a Blob or object URL
 * (Chromium may spill large Blobs to its profile folder), and live only in memory: in the image
 * loader's dataset cache, parsed once per file for all its frames. Decoding runs in the image
 * loader's web workers (createImage hands the frame to them), after frame-fixes.ts.
 */
import type { Types } from '@cornerstonejs/core';
import { createImage, wadouri } from '@cornerstonejs/dicom-image-loader';
import type { DataSet } from 'dicom-parser';
import { parseBytePath } from '../../../../shared/api/bytes';
import { fetchBytes } from '../../api/bytes';
import { encapsulatedFrame } from './encapsulated-frame';
import { fixFrame } from './frame-fixes';
import { parseImageId } from './image-ids';
import { trackedRead } from './in-flight';
import { setPixelPatch } from './metadata';
import { recordTiming } from './timings';
import { asPart10 } from './part10';
import { modalityLutFrom, type ModalityLut } from './modality-lut';
import { colourWindow } from './colour-depth';
import { readSegmentedPalette } from './segmented-palette-data';

/** An error a viewer can show as it is: plain words and what to do, no names or UIDs. */
export class ViewerLoadError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'ViewerLoadError';
  }
}

const NOT_OURS = 'This image cannot be shown here. Close the study and open it again.';
/** A file with no image size (some test and incomplete files) has no picture; decoding it would only fail vaguely. */
export const NO_PICTURE = 'This file holds no picture to show: it has no image size and almost no image data, so it is probably incomplete or a test file. The original file is kept unchanged; if you need this image, ask for a complete copy.';
/** The loader's parser refused the file's layout (for example test files with a meta header but no transfer syntax). */
export const UNPARSABLE = 'This file has no picture that can be shown: its layout is damaged or incomplete, so it could not be read as an image. The original file is kept unchanged; if you need this image, ask for a complete copy.';
const UNREADABLE = 'This image could not be decoded: the file may be damaged or use a kind of compression the viewer cannot show. Run “Check vault”; the original file is kept unchanged.';

/** Reads one instance's bytes; the dataset cache calls this once per file. */
export async function readInstance(url: string): Promise<ArrayBuffer> {
  const ref = parseImageId(`scanvault:${url}`) === null ? null : parseBytePath(url);
  if (ref === null || (ref.kind !== 'instance' && ref.kind !== 'compare-copy')) throw new ViewerLoadError(NOT_OURS, 'BAD_REQUEST');
  const started = performance.now();
  const result = await trackedRead((signal) => fetchBytes(ref, { signal }));
  recordTiming('fetch', performance.now() - started);
  if (!result.ok) throw new ViewerLoadError(result.error.message, result.error.code);
  return asPart10(result.value);
}

/** The Modality LUT Sequence's first table, when the file has one and no rescale (PS3.3 C.11.1). */
function readModalityLut(dataSet: DataSet): ModalityLut | null {
  if (dataSet.elements.x00281053 !== undefined) return null;
  const item = dataSet.elements.x00283000?.items?.[0]?.dataSet;
  const descriptor = item?.elements.x00283002;
  const table = item?.elements.x00283006;
  if (item === undefined || descriptor === undefined || table === undefined) return null;
  const values = [0, 1, 2].map((i) => item.uint16('x00283002', i) ?? 0);
  const bytes = (item.byteArray as Uint8Array).slice(table.dataOffset, table.dataOffset + table.length);
  const data = new Uint16Array(bytes.length >> 1);
  for (let i = 0; i < data.length; i++) data[i] = (bytes[2 * i] ?? 0) | ((bytes[2 * i + 1] ?? 0) << 8);
  return descriptor.length === 6 ? modalityLutFrom(values, data, dataSet.uint16('x00280103') === 1) : null;
}

async function decodeFrame(imageId: string, dataSet: DataSet, frameIndex: number, options: Record<string, unknown>): Promise<Types.IImage> {
  const started = performance.now();
  if (!((dataSet.uint16('x00280010') ?? 0) > 0 && (dataSet.uint16('x00280011') ?? 0) > 0)) throw new ViewerLoadError(NO_PICTURE, 'NO_PICTURE');
  const pixelElement = dataSet.elements.x7fe00010;
  let pixelData: Uint8Array;
  try {
    const frames = Math.max(1, dataSet.intString('x00280008') ?? 1);
    const own = pixelElement?.encapsulatedPixelData === true ? encapsulatedFrame(dataSet, pixelElement, frames, frameIndex) : null;
    pixelData = own ?? (wadouri.getPixelData(dataSet, frameIndex) as Uint8Array);
  } catch {
    throw new ViewerLoadError(UNREADABLE, 'BLOB_CORRUPT');
  }
  const fix = await fixFrame({
    transferSyntax: dataSet.string('x00020010') ?? '',
    pixelData,
    bitsAllocated: dataSet.uint16('x00280100') ?? 0,
    samplesPerPixel: dataSet.uint16('x00280002') ?? 1,
    photometric: (dataSet.string('x00280004') ?? '').trim(),
    rows: dataSet.uint16('x00280010') ?? 0,
    columns: dataSet.uint16('x00280011') ?? 0,
    pixelVr: pixelElement?.vr,
    frameIndex,
    bitsStored: dataSet.uint16('x00280101') ?? dataSet.uint16('x00280100') ?? 0,
    pixelRepresentation: dataSet.uint16('x00280103') ?? 0,
    modalityLut: readModalityLut(dataSet),
    segmentedPalette: readSegmentedPalette(dataSet),
    ...(pixelElement === undefined ? {} : { pixelElement: (dataSet.byteArray as Uint8Array).subarray(pixelElement.dataOffset, pixelElement.dataOffset + pixelElement.length) }),
  });
  setPixelPatch(imageId, fix.patch);
  try {
    const image = (await createImage(imageId, fix.pixelData, fix.transferSyntax, options)) as unknown as Types.IImage & { data?: DataSet };
    image.data = dataSet;
    // Colour kept at its depth (RGB, not palette or YBR, which the loader turns into 8-bit) opens over its range.
    const wide = image.color && image.getPixelData().BYTES_PER_ELEMENT > 1 ? colourWindow(dataSet.uint16('x00280101') ?? 8) : null;
    if (wide !== null) {
      image.windowWidth = wide.width;
      image.windowCenter = wide.center;
    }
    recordTiming('decode', performance.now() - started);
    return image;
  } catch {
    throw new ViewerLoadError(UNREADABLE, 'BLOB_CORRUPT');
  }
}

export function loadScanvaultImage(imageId: string, options: Record<string, unknown> = {}): Types.IImageLoadObject {
  const parsed = parseImageId(imageId);
  if (parsed === null) return { promise: Promise.reject(new ViewerLoadError(NOT_OURS, 'BAD_REQUEST')) };
  const loaded = wadouri.dataSetCacheManager.load(parsed.url, readInstance, imageId) as Promise<DataSet>;
  return {
    promise: loaded.then((dataSet) => decodeFrame(imageId, dataSet, parsed.frameIndex, options), (error: unknown) => {
      // The bytes arrived (reading failures are ViewerLoadErrors), so the parser refused the file itself.
      throw error instanceof ViewerLoadError ? error : new ViewerLoadError(UNPARSABLE, 'NO_PICTURE');
    }),
    // Cornerstone calls this when it drops the image: the file's parsed bytes go with its last frame.
    decache: () => {
      wadouri.dataSetCacheManager.unload(parsed.url);
      setPixelPatch(imageId, null);
    },
  };
}
