/**
 * Metadata for `scanvault:` ids, read from the dataset the loader parsed (the image loader's own
 * dicom-parser based provider, multi-frame functional groups included). Registered above the
 * default providers, and answers nothing for ids that are not ours.
 */
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import { parseImageId } from './image-ids';

export const METADATA_PRIORITY = 10_000;

export function scanvaultMetadata(type: string, imageId: string): unknown {
  if (typeof imageId !== 'string' || parseImageId(imageId) === null) return undefined;
  return wadouri.metaData.metaDataProvider(type, imageId);
}
