import { describe, expect, it } from 'vitest';
import type { HeldBackItem } from '../../../../shared/share/share-domain';
import { decisionFor, mergeDecision, releaseWarning, reviewCounts } from './review-state';

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

  it('says in the release confirmation why the item was held back', () => {
    expect(releaseWarning(item(1, 'S', 'text-found'), true)).toMatch(/^Text was found/);
    expect(releaseWarning(item(1, 'S', 'burned-in-flagged', 0), true)).toMatch(/^The file says/);
    expect(releaseWarning(item(1, 'S', 'burned-in-likely', 0), true)).toMatch(/^No text was found/);
    expect(releaseWarning(item(1, 'S', 'burned-in-likely', 0), false)).toMatch(/could not look inside/);
    expect(releaseWarning(item(1, 'S', 'report', 0), true)).toMatch(/report’s text/);
  });
});

describe('preview rows', async () => {
  const { changeWords, sortRows } = await import('./PreviewStep');
  const row = (tag: string, keyword: string, change: 'kept' | 'changed' | 'removed' | 'added', after: string | null = 'x') => ({ tag, keyword, change, before: 'b', after });
  it('puts removed first, then replaced, added, kept, with the file meta last in each', () => {
    const sorted = sortRows([row('(0008,0060)', 'Modality', 'kept'), row('(0002,0003)', 'MediaStorageSOPInstanceUID', 'changed'), row('(0010,0010)', 'PatientName', 'changed'), row('(0010,1000)', 'OtherPatientIDs', 'removed', null)]);
    expect(sorted.map((r) => r.keyword)).toEqual(['OtherPatientIDs', 'PatientName', 'MediaStorageSOPInstanceUID', 'Modality']);
  });
  it('says in plain words what kind of change it is', () => {
    expect(changeWords(row('(0010,0030)', 'PatientBirthDate', 'changed', ''))).toBe('Emptied (left blank)');
    expect(changeWords(row('(0008,0020)', 'StudyDate', 'changed'))).toBe('Moved by the secret number of days');
    expect(changeWords(row('(0020,000D)', 'StudyInstanceUID', 'changed'))).toMatch(/new ID/);
  });
});
