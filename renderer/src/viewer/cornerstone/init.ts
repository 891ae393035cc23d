/**
 * Starts Cornerstone3D once for the whole app: core, tools, the DICOM image loader with its web
 * workers (decoding off the UI thread, codec WASM from npm), our `scanvault:` loader and metadata.
 * Safe to call many times and from many components: every call shares the first one's promise;
 * a failed start is forgotten so the next call tries again.
 */
import { init as initCore, metaData, registerImageLoader } from '@cornerstonejs/core';
import { init as initLoader } from '@cornerstonejs/dicom-image-loader';
import { init as initTools } from '@cornerstonejs/tools';
import { purgeViewerCaches } from './caches';
import { IMAGE_ID_SCHEME } from './image-ids';
import { loadScanvaultImage } from './instance-loader';
import { onViewerLock } from './lock';
import { METADATA_PRIORITY, scanvaultMetadata } from './metadata';
import { exposeTimings } from './timings';

let starting: Promise<void> | null = null;

/** One or two decode workers: this app shares a small machine with the core's own work. */
export function decodeWorkerCount(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return cores !== undefined && cores >= 2 ? 2 : 1;
}

function start(): Promise<void> {
  initCore();
  initTools();
  initLoader({ maxWebWorkers: decodeWorkerCount(), strict: false });
  registerImageLoader(IMAGE_ID_SCHEME, loadScanvaultImage);
  metaData.addProvider(scanvaultMetadata, METADATA_PRIORITY);
  onViewerLock(purgeViewerCaches);
  exposeTimings();
  return Promise.resolve();
}

export function initViewer(): Promise<void> {
  starting ??= start().catch((error: unknown) => {
    starting = null;
    throw error;
  });
  return starting;
}
