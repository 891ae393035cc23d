/**
 * The Cornerstone image loader for `scanvault:` ids (image-ids.ts). The file's bytes come through
 * the byte channel (renderer/src/api/bytes.ts) as an ArrayBuffer, never a Blob or object URL
 * (Chromium may spill large Blobs to its profile folder), and live only in memory: in the image
 * loader's dataset cache, parsed once per file for all its frames. Decoding runs in the image
 * loader's web workers (createImage hands the frame to them).
 */
import type { Types } from '@cornerstonejs/core';
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import { fetchBytes } from '../../api/bytes';
import { parseImageId } from './image-ids';
import { trackedRead } from './in-flight';
import { asPart10 } from './part10';

/** An error a viewer can show as it is: plain words and what to do, no names or UIDs. */
export class ViewerLoadError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'ViewerLoadError';
  }
}

const NOT_OURS = 'This image cannot be shown here. Close the study and open it again.';

/** Reads one instance's bytes; the dataset cache calls this once per file. */
async function readInstance(url: string): Promise<ArrayBuffer> {
  const parsed = parseImageId(`scanvault:${url}`);
  if (parsed === null) throw new ViewerLoadError(NOT_OURS, 'BAD_REQUEST');
  const result = await trackedRead((signal) => fetchBytes({ kind: 'instance', id: parsed.instanceId }, { signal }));
  if (!result.ok) throw new ViewerLoadError(result.error.message, result.error.code);
  return asPart10(result.value);
}

export function loadScanvaultImage(imageId: string, options: Record<string, unknown> = {}): Types.IImageLoadObject {
  const parsed = parseImageId(imageId);
  if (parsed === null) {
    return { promise: Promise.reject(new ViewerLoadError(NOT_OURS, 'BAD_REQUEST')) };
  }
  const dataSet = wadouri.dataSetCacheManager.load(parsed.url, readInstance, imageId);
  return wadouri.loadImageFromPromise(dataSet, imageId, parsed.frameIndex, parsed.url, options);
}
