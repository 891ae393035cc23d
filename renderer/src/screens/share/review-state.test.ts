import { describe, expect, it } from 'vitest';
import type { HeldBackItem } from '../../../../shared/share/share-domain';
import { decisionFor, mergeDecision, releaseNeedsConfirm, reviewCounts } from './review-state';

const item = (instanceId: number, series: string, reason: HeldBackItem['reason'] = 'text-found', regions = 1): HeldBackItem => ({
  instanceId, sopInstanceUid: `1.${instanceId}`, seriesInstanceUid: series, modality: 'US', reason, explanation: 'x',
  textRegions: Array.from({ length: regions }, () => ({ x: 0, y: 0, width: 10, height: 5, frame: null })), frameCount: 1, columns: 64, rows: 64,
});
const heldBack = [item(1, 'S1'), item(2, 'S1'), item(3, 'S2')];

describe('burned-in review bookkeeping', () => {
  it('applies a series decision to every held-back picture of that series only', () => {
    const decisions = mergeDecision([], { instanceId: 1, action: 'mask', masks: [{ x: 0, y: 0, width: 10, height: 5, frame: null }], scope: 'series' }, heldBack);
    const draft = { heldBack, decisions };
    expect(decisionFor(heldBack[1]!, draft)?.action).toBe('mask');
    expect(decisionFor(heldBack[2]!, draft)).toBeNull();
    expect(reviewCounts(draft)).toEqual({ undecided: 1, excluded: 0, masked: 2, released: 0 });
  });

  it('replaces an earlier decision, and a series decision replaces the pictures’ own ones', () => {
    let decisions = mergeDecision([], { instanceId: 2, action: 'release', masks: [], scope: 'image' }, heldBack);
    decisions = mergeDecision(decisions, { instanceId: 3, action: 'exclude', masks: [], scope: 'image' }, heldBack);
    decisions = mergeDecision(decisions, { instanceId: 1, action: 'exclude', masks: [], scope: 'series' }, heldBack);
    expect(decisions.map((d) => d.instanceId).sort()).toEqual([1, 3]);
    expect(reviewCounts({ heldBack, decisions })).toEqual({ undecided: 0, excluded: 3, masked: 0, released: 0 });
  });

  it('asks again before releasing a picture with text found or flagged, not one only likely by its kind', () => {
    expect(releaseNeedsConfirm(item(1, 'S', 'text-found'))).toBe(true);
    expect(releaseNeedsConfirm(item(1, 'S', 'burned-in-flagged', 0))).toBe(true);
    expect(releaseNeedsConfirm(item(1, 'S', 'burned-in-likely', 0))).toBe(false);
  });
});
