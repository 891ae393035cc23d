/**
 * The burned-in review's bookkeeping: which decision applies to a held-back item (its own, or one
 * made for its whole series), merging a new decision into the list, and counts for the summary.
 * Pure (unit-tested in Node).
 */
import type { HeldBackItem, ShareDecision, ShareDraft } from '../../../../shared/share/share-domain';

export function decisionFor(item: HeldBackItem, draft: Pick<ShareDraft, 'heldBack' | 'decisions'>): ShareDecision | null {
  const own = draft.decisions.find((d) => d.instanceId === item.instanceId);
  if (own) return own;
  for (const d of draft.decisions) {
    if (d.scope !== 'series') continue;
    const source = draft.heldBack.find((h) => h.instanceId === d.instanceId);
    if (source && source.seriesInstanceUid === item.seriesInstanceUid) return d;
  }
  return null;
}

/** The decision list with `next` in place of any earlier decision for the same picture (and, for a series decision, for the other pictures of its series). */
export function mergeDecision(decisions: readonly ShareDecision[], next: ShareDecision, heldBack: readonly HeldBackItem[]): ShareDecision[] {
  const series = heldBack.find((h) => h.instanceId === next.instanceId)?.seriesInstanceUid;
  const sameSeries = new Set(next.scope === 'series' ? heldBack.filter((h) => h.seriesInstanceUid === series).map((h) => h.instanceId) : [next.instanceId]);
  return [...decisions.filter((d) => !sameSeries.has(d.instanceId)), next];
}

export interface ReviewCounts { undecided: number; excluded: number; masked: number; released: number }

export function reviewCounts(draft: Pick<ShareDraft, 'heldBack' | 'decisions'>): ReviewCounts {
  const counts: ReviewCounts = { undecided: 0, excluded: 0, masked: 0, released: 0 };
  for (const item of draft.heldBack) {
    const d = decisionFor(item, draft);
    if (!d) counts.undecided++;
    else if (d.action === 'exclude') counts.excluded++;
    else if (d.action === 'mask') counts.masked++;
    else counts.released++;
  }
  return counts;
}

/**
 * Releasing a held-back item as it is always takes a second "yes": it was held back because it may
 * show the patient's name, and a header rule, the screener or a report's kind said so. The dialog
 * says why, in the words of its reason.
 */
export function releaseWarning(item: HeldBackItem, screeningAvailable: boolean): string {
  if (item.reason === 'report') return 'The report’s text leaves the computer exactly as it is, including any names or numbers in it.';
  const why = item.textRegions.length > 0 || item.reason === 'text-found' ? 'Text was found in this picture.'
    : item.reason === 'burned-in-flagged' ? 'The file says this picture has text printed into it.'
      : screeningAvailable ? 'No text was found in this picture, but this kind of picture often has text printed into it.'
        : 'This kind of picture often has text printed into it, and this version of ScanVault could not look inside the picture.';
  return `${why} If it shows your name, ID or birth date, the doctor will see it. Include it only if you have looked and it shows nothing about you.`;
}

const REASON_WORDS: Record<HeldBackItem['reason'], string> = {
  report: 'A written report',
  'burned-in-flagged': 'The file says it has text in the picture',
  'burned-in-likely': 'This kind of picture often has text in it',
  'text-found': 'Text was found in the picture',
  'not-screened': 'ScanVault could not look inside this picture for text',
};

export function reasonWords(item: HeldBackItem): string {
  return REASON_WORDS[item.reason];
}
