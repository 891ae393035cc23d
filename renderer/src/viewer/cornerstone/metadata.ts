/**
 * Metadata for `scanvault:` ids, read from the dataset the loader parsed (the image loader's own
 * dicom-parser based provider, multi-frame functional groups included). Registered above the
 * default providers, and answers nothing for ids that are not ours. Corrected where that provider
 * is wrong (found by e2e/viewer-decode.spec.ts):
 * - enhanced multi-frame images keep rescale and window in functional groups, which the provider's
 *   modality and VOI modules do not look into (an enhanced CT lost its -1024 intercept);
 * - frames frame-fixes.ts changed before decoding (pixel module overrides; a Modality LUT Sequence
 *   already applied);
 * - segmented palette colour files, which its pixel module throws on: they decode as 8-bit RGB.
 */
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import type { DataSet } from 'dicom-parser';
import type { PixelPatch } from './frame-fixes';
import { parseImageId } from './image-ids';
import { hasSegmentedPalette, segmentedPixelModule } from './segmented-palette-data';

export const METADATA_PRIORITY = 10_000;

const patches = new Map<string, PixelPatch>();

export function setPixelPatch(imageId: string, patch: PixelPatch | null): void {
  if (patch === null) patches.delete(imageId);
  else patches.set(imageId, patch);
}

export function clearPixelPatches(): void {
  patches.clear();
}

export function pixelPatchCount(): number {
  return patches.size;
}

type Module = Record<string, unknown> | undefined;

/** The dataset of one frame, functional groups folded in (as the loader's provider sees it). */
function frameDataSet(imageId: string): DataSet | undefined {
  const parsed = parseImageId(imageId);
  if (parsed === null) return undefined;
  const key = imageId.includes('?frame=') ? `${parsed.url}&frame=${parsed.frameIndex + 1}` : parsed.url;
  return wadouri.dataSetCacheManager.get(key);
}

/** First item of a functional-group macro sequence in the folded frame dataset. */
function macro(ds: DataSet | undefined, tag: string): DataSet | undefined {
  return ds?.elements[tag]?.items?.[0]?.dataSet;
}

function numbers(ds: DataSet, tag: string): number[] | undefined {
  const text = ds.string(tag);
  if (text === undefined) return undefined;
  const values = text.split('\\').map(Number).filter((n) => Number.isFinite(n));
  return values.length > 0 ? values : undefined;
}

function modalityLut(base: Module, imageId: string): Module {
  // frame-fixes.ts mapped the frame through its Modality LUT Sequence already.
  if (patches.get(imageId)?.modalityLutApplied) return { ...base, rescaleSlope: 1, rescaleIntercept: 0, rescaleType: 'US', modalityLUTSequence: undefined };
  if (base?.rescaleSlope !== undefined || base?.rescaleIntercept !== undefined) return base;
  const item = macro(frameDataSet(imageId), 'x00289145'); // Pixel Value Transformation Sequence
  if (item === undefined) return base;
  return { ...base, rescaleIntercept: item.floatString('x00281052'), rescaleSlope: item.floatString('x00281053'), rescaleType: item.string('x00281054') };
}

function voiLut(base: Module, imageId: string): Module {
  if (base?.windowCenter !== undefined) return base;
  const item = macro(frameDataSet(imageId), 'x00289132'); // Frame VOI LUT Sequence
  if (item === undefined) return base;
  return { ...base, windowCenter: numbers(item, 'x00281050'), windowWidth: numbers(item, 'x00281051'), voiLUTFunction: item.string('x00281056') ?? base?.voiLUTFunction };
}

export function scanvaultMetadata(type: string, imageId: string): unknown {
  if (typeof imageId !== 'string' || parseImageId(imageId) === null) return undefined;
  if (type === 'imagePixelModule') {
    const ds = frameDataSet(imageId);
    if (ds !== undefined && hasSegmentedPalette(ds)) return segmentedPixelModule(ds);
  }
  const base = wadouri.metaData.metaDataProvider(type, imageId) as Module;
  if (type === 'modalityLutModule') return modalityLut(base, imageId);
  if (type === 'voiLutModule') return voiLut(base, imageId);
  if (type === 'imagePixelModule') {
    const patch = patches.get(imageId);
    return patch === undefined || base === undefined ? base : { ...base, ...patch };
  }
  return base;
}
