/**
 * Side views (MPR): one series as a volume in three orthographic viewports (axial, sagittal,
 * coronal). Cornerstone's volume loader orders the slices by Image Position (Patient) along the
 * slice normal (sortImageIdsAndGetSpacing), never by instance number; checkVolume says up front
 * whether the slices form a volume at all and, if not, why.
 */
import { Enums, cache, metaData, setVolumesForViewports, volumeLoader, type RenderingEngine, type Types } from '@cornerstonejs/core';
import { isSingleFrameId, readHeaderPlane } from './header-planes';
import { holdParsedFiles } from './parsed-files';
import { settleInOrder } from './settle-in-order';
import { checkVolume, type SlicePlane, type VolumeCheck } from './volume-check';

export type MprOrientation = 'axial' | 'sagittal' | 'coronal';
export const MPR_ORIENTATIONS: readonly MprOrientation[] = ['axial', 'sagittal', 'coronal'];

const AXIS: Record<MprOrientation, Enums.OrientationAxis> = {
  axial: Enums.OrientationAxis.AXIAL,
  sagittal: Enums.OrientationAxis.SAGITTAL,
  coronal: Enums.OrientationAxis.CORONAL,
};

interface PlaneModule {
  rows?: number | null;
  columns?: number | null;
  imageOrientationPatient?: number[] | null;
  imagePositionPatient?: number[] | null;
}

/** Header reads at once: a few, in series order, so they keep pace with what is being shown. */
const HEADER_READS = 4;

/**
 * Each picture's plane. Single-frame files: from a range read of the header (header-planes.ts).
 * Multi-frame files, and any header that does not fit the range: the whole file is parsed (not
 * decoded) and held while the metadata is read, so a thumbnail or the cache dropping a decoded
 * picture meanwhile cannot take its header away. Rejects if any file cannot be read, and with the
 * signal's reason once `signal` is aborted.
 */
export async function readPlanes(imageIds: readonly string[], signal?: AbortSignal): Promise<SlicePlane[]> {
  const fromHeaders = await settleInOrder(imageIds, HEADER_READS, (id) => (isSingleFrameId(id) ? readHeaderPlane(id) : Promise.resolve(null)), signal);
  const failed = fromHeaders.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const planes = fromHeaders.map((s) => (s as PromiseFulfilledResult<SlicePlane | null>).value);
  const rest = imageIds.filter((_, i) => planes[i] === null);
  if (rest.length === 0) return planes as SlicePlane[];
  signal?.throwIfAborted();
  const fromFiles = new Map((await readPlanesFromFiles(rest)).map((plane, i) => [rest[i] as string, plane]));
  return imageIds.map((id, i) => planes[i] ?? (fromFiles.get(id) as SlicePlane));
}

async function readPlanesFromFiles(imageIds: readonly string[]): Promise<SlicePlane[]> {
  const held = await holdParsedFiles(imageIds);
  try {
    return imageIds.map((id) => {
      const p = metaData.get('imagePlaneModule', id) as PlaneModule | undefined;
      return {
        rows: p?.rows ?? null,
        columns: p?.columns ?? null,
        orientation: p?.imageOrientationPatient?.map(Number) ?? null,
        position: p?.imagePositionPatient?.map(Number) ?? null,
      };
    });
  } finally {
    held.release();
  }
}

export async function checkSeriesVolume(imageIds: readonly string[], signal?: AbortSignal): Promise<VolumeCheck> {
  return checkVolume(await readPlanes(imageIds, signal));
}

let volumeCount = 0;

export class MprView {
  private volumeId: string | null = null;
  /** The series' files, held while the volume is shown: its loader reads their metadata as it streams. */
  private releaseFiles: (() => void) | null = null;
  private destroyed = false;
  private markLoaded: () => void = () => undefined;
  /** Settles when every slice of the volume has been loaded (the views fill in progressively before). */
  readonly loaded: Promise<void> = new Promise((resolve) => { this.markLoaded = resolve; });

  constructor(readonly engine: RenderingEngine, readonly viewportIds: Record<MprOrientation, string>, elements: Record<MprOrientation, HTMLDivElement>) {
    for (const o of MPR_ORIENTATIONS) {
      engine.enableElement({
        viewportId: viewportIds[o],
        type: Enums.ViewportType.ORTHOGRAPHIC,
        element: elements[o],
        defaultOptions: { orientation: AXIS[o], background: [0, 0, 0] as Types.Point3 },
      });
    }
  }

  /** Builds the volume (slices sorted by position) and shows it in the three viewports. */
  async show(imageIds: string[]): Promise<void> {
    this.releaseFiles?.();
    const held = await holdParsedFiles(imageIds);
    if (this.destroyed) { held.release(); return; }
    this.releaseFiles = held.release;
    volumeCount += 1;
    const volumeId = `cornerstoneStreamingImageVolume:sv-mpr-${volumeCount}`;
    const volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds });
    this.volumeId = volumeId;
    const loader = (volume as { load?: (done: () => void) => void }).load;
    if (loader) loader.call(volume, () => this.markLoaded());
    else this.markLoaded();
    await setVolumesForViewports(this.engine, [{ volumeId }], MPR_ORIENTATIONS.map((o) => this.viewportIds[o]));
    this.engine.renderViewports(MPR_ORIENTATIONS.map((o) => this.viewportIds[o]));
  }

  destroy(): void {
    this.destroyed = true;
    for (const o of MPR_ORIENTATIONS) this.engine.disableElement(this.viewportIds[o]);
    if (this.volumeId) cache.removeVolumeLoadObject(this.volumeId);
    this.volumeId = null;
    this.releaseFiles?.();
    this.releaseFiles = null;
  }
}
