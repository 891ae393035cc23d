/**
 * Finds the vaulted original of an outside copy: by SOP Instance UID (or, for a copy of one of the
 * vault's own de-identified exports, the UID that share derived from it), else by the pixel
 * digests kept at import, else by study date and image geometry. Of several candidates the
 * closest is the original: identical first, then same dataset, then fewest changes.
 */
import type { CompareResult, MatchedBy } from '../../../shared/compare/compare-report';
import { originalsByDateAndSize, originalsByFrameDigests, originalsBySopUid, type StoredOriginal } from '../db/compare';
import type { VaultDatabase } from '../db/database';
import { classify, distance, LoadedImage, type Classification } from './classify';

/** The share feature's mapping from a UID it made back to the original UID (null: not one of ours). */
export type ExportUidLookup = (uid: string) => string | null;

export interface FindDeps {
  db: VaultDatabase;
  readBlob(blobId: string): Promise<Buffer>;
  exportUidLookup?: ExportUidLookup | undefined;
  signal?: AbortSignal | undefined;
}

/** Candidates read and classified at most per copy (a study date with many same-size images). */
const MAX_CANDIDATES = 64;
const IMAGE_POSITION = 0x00200032;
const IMAGE_ORIENTATION = 0x00200037;
const PIXEL_SPACING = 0x00280030;
const GEOMETRY_TAGS = [IMAGE_POSITION, IMAGE_ORIENTATION, PIXEL_SPACING] as const;

export type Found = { matchedBy: MatchedBy; original: StoredOriginal; classification: Classification; image: LoadedImage } | null;

function geometryOf(image: LoadedImage): (number[] | null)[] | null {
  const read = image.attributes();
  if ('reason' in read) return null;
  return GEOMETRY_TAGS.map((tag) => {
    const element = read.tree.dataset.find((e) => e.tag === tag);
    if (element === undefined) return null;
    return Buffer.from(element.value).toString('latin1').replace(/[\0 ]+$/, '').split('\\').map((v) => Number(v.trim()));
  });
}

function sameGeometry(a: (number[] | null)[], b: (number[] | null)[]): boolean {
  return a.every((values, i) => {
    const other = b[i] ?? null;
    if (values === null || other === null) return values === other;
    return values.length === other.length && values.every((v, j) => Math.abs(v - (other[j] ?? Number.NaN)) <= 1e-3);
  });
}

async function closest(deps: FindDeps, copy: LoadedImage, candidates: StoredOriginal[], matchedBy: MatchedBy, accept?: (image: LoadedImage) => boolean): Promise<Found> {
  let best: Found = null;
  for (const original of candidates.slice(0, MAX_CANDIDATES)) {
    deps.signal?.throwIfAborted();
    const image = LoadedImage.read(await deps.readBlob(original.blobId), deps.signal);
    if (image === null || (accept !== undefined && !accept(image))) continue;
    const classification = await classify(image, copy);
    if (best === null || distance(classification) < distance(best.classification)) best = { matchedBy, original, classification, image };
    if (classification.outcome === 'identical') break;
  }
  return best;
}

export async function findOriginal(deps: FindDeps, copy: LoadedImage): Promise<Found> {
  const uid = copy.facts.sopInstanceUid;
  if (uid !== null) {
    const bySop = await closest(deps, copy, originalsBySopUid(deps.db, uid), 'sop-instance-uid');
    if (bySop !== null) return bySop;
    const shared = deps.exportUidLookup?.(uid) ?? null;
    if (shared !== null) {
      const byShare = await closest(deps, copy, originalsBySopUid(deps.db, shared), 'share-uid');
      if (byShare !== null) return byShare;
    }
  }
  const digests = await copy.frameDigests();
  if (digests !== null && digests.length > 0) {
    const byPixels = await closest(deps, copy, originalsByFrameDigests(deps.db, digests, MAX_CANDIDATES), 'pixel-digest');
    if (byPixels !== null) return byPixels;
  }
  const { rows, columns } = copy.facts.image;
  const date = copy.facts.study.date;
  const geometry = geometryOf(copy);
  // Without a position in the patient, image size alone would pair any two slices.
  if (date === null || rows === null || columns === null || geometry === null || geometry[0] === null) return null;
  const candidates = originalsByDateAndSize(deps.db, date, rows, columns, MAX_CANDIDATES);
  return closest(deps, copy, candidates, 'geometry', (image) => {
    const other = geometryOf(image);
    return other !== null && sameGeometry(geometry, other);
  });
}

/** The report entry for one copy (without its path). */
export function resultOf(found: Found): Omit<CompareResult, 'path'> {
  if (found === null) return { outcome: 'no-original' };
  const { original, classification, matchedBy } = found;
  return {
    outcome: classification.outcome,
    matchedBy,
    original: {
      instanceId: original.instanceId,
      studyInstanceUid: original.studyInstanceUid,
      seriesInstanceUid: original.seriesInstanceUid,
      sopInstanceUid: original.sopInstanceUid,
      frames: original.frames,
    },
    ...(classification.changes !== undefined ? { changes: classification.changes } : {}),
    ...(classification.pixels !== undefined ? { pixels: classification.pixels } : {}),
    ...(classification.note !== undefined ? { note: classification.note } : {}),
  };
}

