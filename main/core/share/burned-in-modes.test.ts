/**
 * The burned-in modes with a fake Screener and mask function (the real ones live in burned-in/):
 * hold lists images with text and keeps them back until the patient decides, exclude leaves them
 * out, mask covers the regions found, trust-headers screens nothing. Header rules apply in every
 * mode, also when no screener is available.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeShareVault, type ShareVault } from '../../test-support/share/share-vault';
import { SECOND_OPINION_DEFAULTS } from '../../../shared/share/options';
import type { BurnedInMode, ShareDraft } from '../../../shared/share/share-domain';
import { JobRunner } from '../jobs/job-runner';
import type { MaskPixels, Screener, TextRegion } from './burned-in/types';
import { readDicomTree } from './deid';
import { ShareFeature } from './share-feature';

const REGION: TextRegion = { x: 1, y: 2, width: 5, height: 3, frame: null };

/** Finds "text" in files whose Series Description says so; counts what it screened. */
function fakeScreener(log: string[]): () => Screener {
  return () => ({
    screen(file) {
      const description = readDicomTree(file).dataset.find((e) => e.tag === 0x0008103e);
      const withText = Buffer.from(description?.value ?? []).toString('latin1').includes('TEXT');
      log.push(withText ? 'text' : 'clean');
      return Promise.resolve({ textFound: withText, regions: withText ? [REGION] : [], framesScreened: 1 });
    },
    close: () => Promise.resolve(),
  });
}

/** Sets the masked rectangle's pixels to 0 (16-bit native pixel data, the fixtures' kind). */
const fakeMask: MaskPixels = (file, masks) => {
  const bytes = Buffer.from(file);
  const tree = readDicomTree(bytes);
  const pixels = tree.dataset.find((e) => e.tag === 0x7fe00010)!.value;
  const columns = 16;
  for (const m of masks) for (let y = m.y; y < m.y + m.height; y++) for (let x = m.x; x < m.x + m.width; x++) pixels.fill(0, (y * columns + x) * 2, (y * columns + x) * 2 + 2);
  return { bytes, transferSyntaxUid: '1.2.840.10008.1.2.1', conversions: ['masked rectangles set to the lowest value'] };
};

describe('burned-in text in a share', () => {
  let v: ShareVault;
  let feature: ShareFeature;
  let jobs: JobRunner;
  let ctUid: string;
  let usUid: string;
  const screened: string[] = [];
  beforeAll(async () => {
    v = await makeShareVault();
    ctUid = await v.addStudy(2, { seriesDescription: 'AXIAL TEXT' });
    usUid = await v.addStudy(1, { modality: 'US', seriesDescription: 'ABDOMEN' });
    jobs = new JobRunner();
    feature = new ShareFeature(() => v.core.requireVault(), jobs, { screener: fakeScreener(screened), maskPixels: fakeMask });
  });
  afterAll(() => v.cleanup());

  const prepare = async (burnedIn: BurnedInMode, f = feature): Promise<ShareDraft> => {
    const { jobId } = await f.prepareShare({ selection: { studyUids: [ctUid, usUid], seriesUids: [] }, identified: false, options: [...SECOND_OPINION_DEFAULTS], burnedIn, includeReports: false, followUpOfShareId: null });
    const job = await jobs.waitFor(jobId);
    expect(job.error).toBeUndefined();
    return job.shareDraft!;
  };

  it('hold: images with text found and ultrasound without a flag are held back, with plain reasons and suggested masks', async () => {
    screened.length = 0;
    const draft = await prepare('hold');
    expect(draft).toMatchObject({ fileCount: 0, screeningAvailable: true, screened: { images: 3, withText: 2 } });
    expect(draft.heldBack.map((h) => [h.modality, h.reason]).sort()).toEqual([['CT', 'text-found'], ['CT', 'text-found'], ['US', 'burned-in-likely']]);
    expect(draft.heldBack.find((h) => h.reason === 'text-found')!.textRegions).toEqual([REGION]);
    // One decision for the series releases both CT images after review; the ultrasound image is left out.
    const ct = draft.heldBack.find((h) => h.modality === 'CT')!;
    const us = draft.heldBack.find((h) => h.modality === 'US')!;
    const decided = await feature.setShareDecisions({ draftId: draft.draftId, decisions: [{ instanceId: ct.instanceId, action: 'mask', masks: [], scope: 'series' }, { instanceId: us.instanceId, action: 'exclude', masks: [], scope: 'image' }] });
    expect(decided.fileCount).toBe(2);
    expect(decided.decisions.filter((d) => d.action === 'mask').map((d) => d.masks)).toEqual([[REGION], [REGION]]);
    const { jobId } = await feature.startExport({ draftId: draft.draftId, recipient: { name: 'Dr X', role: null, org: null, contact: null }, purpose: 'review', destination: { kind: 'folder', path: `${v.root}/masked` } });
    const report = (await jobs.waitFor(jobId)).exportReport!;
    expect(report.files).toBe(2);
    expect(report.masked.map((m) => m.regions)).toEqual([[REGION], [REGION]]);
    expect(report.heldBack.map((h) => h.reason)).toEqual(['burned-in-likely']);
    expect(report.conversions).toEqual([{ conversion: 'masked rectangles set to the lowest value', files: 2 }]);
  });

  it('exclude leaves them out; mask covers the found text without review; trust-headers screens nothing', async () => {
    const excluded = await prepare('exclude');
    expect(excluded.fileCount).toBe(0);
    expect(excluded.decisions.map((d) => d.action)).toEqual(['exclude', 'exclude', 'exclude']);
    const masked = await prepare('mask');
    // The ultrasound image has no text region to cover, so it stays held back for review.
    expect(masked.fileCount).toBe(2);
    expect(masked.decisions.map((d) => d.action)).toEqual(['mask', 'mask']);
    screened.length = 0;
    const trusting = await prepare('trust-headers');
    expect(screened).toEqual([]);
    expect(trusting).toMatchObject({ fileCount: 2, screeningAvailable: false, screened: { images: 0, withText: 0 } });
    expect(trusting.heldBack.map((h) => h.reason)).toEqual(['burned-in-likely']);
  });

  it('without a screener the header rules still apply, and masking is refused in plain words', async () => {
    const bare = new ShareFeature(() => v.core.requireVault(), jobs);
    const draft = await prepare('hold', bare);
    expect(draft).toMatchObject({ fileCount: 2, screeningAvailable: false });
    expect(draft.heldBack.map((h) => h.reason)).toEqual(['burned-in-likely']);
    await expect(bare.setShareDecisions({ draftId: draft.draftId, decisions: [{ instanceId: draft.heldBack[0]!.instanceId, action: 'mask', masks: [REGION], scope: 'image' }] }))
      .rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const released = await bare.setShareDecisions({ draftId: draft.draftId, decisions: [{ instanceId: draft.heldBack[0]!.instanceId, action: 'release', masks: [], scope: 'image' }] });
    expect(released.fileCount).toBe(3);
  });

  it('previews one file before and after: the name becomes the pseudonym, UIDs change, pixel data is kept', async () => {
    const draft = await prepare('trust-headers');
    const preview = await feature.previewShareFile({ draftId: draft.draftId });
    const row = (keyword: string) => preview.rows.find((r) => r.keyword === keyword && !r.tag.includes('['));
    expect(row('PatientName')).toMatchObject({ change: 'changed', before: 'WHITFIELD^MARGARET', after: draft.pseudonym });
    expect(row('SOPInstanceUID')).toMatchObject({ change: 'changed' });
    expect(row('InstitutionName')?.before).toBe('Mercy Hospital');
    expect(row('InstitutionName')?.after ?? null).not.toBe('Mercy Hospital');
    expect(row('AccessionNumber')?.after ?? null).not.toBe('ACC123');
    expect(row('PatientIdentityRemoved')).toMatchObject({ change: 'added', after: 'YES' });
    expect(row('PixelData')).toMatchObject({ change: 'kept' });
    await feature.discardShareDraft({ draftId: draft.draftId });
    await expect(feature.getShareDraft({ draftId: draft.draftId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
