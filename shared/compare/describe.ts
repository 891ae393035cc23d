/** Plain words for a compare result, the same in the app and on the command line. */
import type { AttributeChange, CompareResult, MatchedBy } from './compare-report';

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function describeOutcome(r: CompareResult): string {
  switch (r.outcome) {
    case 'identical':
      return 'Identical to your original';
    case 'same-dataset':
      return 'Identical to your original inside; only the file’s wrapper (file meta) differs';
    case 'same-pixels': {
      const changes = r.changes?.length ?? 0;
      return changes === 0 ? 'Same picture and details, stored differently' : `Same picture, details changed: ${count(changes, 'detail', 'details')}`;
    }
    case 'pixels-changed': {
      if (r.pixels === undefined) return 'The picture could not be checked, so it cannot be vouched for';
      const areas = r.pixels.frames.reduce((n, f) => n + f.boxes.length, 0);
      return `The picture was changed: ${count(r.pixels.changed, 'pixel', 'pixels')} in ${count(areas, 'area', 'areas')}`;
    }
    case 'no-original':
      return 'No original of this image was found in your vault';
  }
}

export const MATCHED_BY_WORDS: Record<MatchedBy, string> = {
  'sop-instance-uid': 'found by its image identifier (SOP Instance UID)',
  'share-uid': 'found as a copy of one of your own de-identified shares',
  'pixel-digest': 'found by its picture (its identifiers were changed)',
  geometry: 'found by study date and image position (identifiers and picture differ)',
};

export function describeChange(c: AttributeChange): string {
  const name = c.keyword ?? c.tag;
  const where = c.path === c.tag ? name : `${name} at ${c.path}`;
  if (c.change === 'added') return `${where} added: ${c.after ?? ''}`;
  if (c.change === 'removed') return `${where} removed (was ${c.before ?? ''})`;
  return `${where} changed from ${c.before ?? ''} to ${c.after ?? ''}`;
}
