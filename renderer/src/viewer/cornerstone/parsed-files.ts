/**
 * Holding parsed files: the image loader's dataset cache counts its users, and a file's metadata
 * (plane, pixel module) is answered only while some user holds it. Decoded images hold their file
 * until Cornerstone drops them, which thumbnails and cache eviction do at any moment; a caller
 * that reads metadata over time (the volume check, side views) holds the files itself, without
 * decoding a single picture, and releases them when done.
 */
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import type { DataSet } from 'dicom-parser';
import { parseImageId } from './image-ids';
import { readInstance } from './instance-loader';
import { settleInOrder } from './settle-in-order';

export interface HeldFiles {
  /** The parsed file of each id, in the order given. */
  dataSets: DataSet[];
  /** Gives the files back to the cache; safe to call more than once. */
  release: () => void;
}

/**
 * Files read at once. Reading a whole series at once queues every fetch together, so the pictures
 * that cine and scrolling need next wait behind the rest; a few at a time, in series order, keeps
 * the check's reads in step with what is shown.
 */
const PARALLEL_READS = 4;

/** Parses (or reuses) the files behind `imageIds`; rejects, holding nothing, if any cannot be read. */
export async function holdParsedFiles(imageIds: readonly string[]): Promise<HeldFiles> {
  const urls = imageIds.map((id) => {
    const parsed = parseImageId(id);
    if (parsed === null) throw new Error(`not a scanvault image id: ${id}`);
    return { url: parsed.url, imageId: id };
  });
  const unique = [...new Map(urls.map((u) => [u.url, u])).values()];
  const settled = await settleInOrder(unique, PARALLEL_READS, (u) => wadouri.dataSetCacheManager.load(u.url, readInstance, u.imageId) as Promise<DataSet>);
  const held = unique.filter((_, i) => settled[i]?.status === 'fulfilled').map((u) => u.url);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    for (const url of held) wadouri.dataSetCacheManager.unload(url);
  };
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) {
    release();
    throw failed.reason;
  }
  const byUrl = new Map(unique.map((u, i) => [u.url, (settled[i] as PromiseFulfilledResult<DataSet>).value]));
  return { dataSets: urls.map((u) => byUrl.get(u.url) as DataSet), release };
}
