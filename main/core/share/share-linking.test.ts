/**
 * Shares are unlinkable unless the patient asks for a follow-up: two shares of one study have no
 * UID, pseudonym or date shift in common; a follow-up reuses its earlier share's. Within a share,
 * series still group and references resolve, and no original UID survives.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeShareVault, filesUnder, type ShareVault } from '../../test-support/share/share-vault';
import { readDicomTree } from './deid';

interface Seen { uids: Set<string>; studyDates: Set<string>; patientIds: Set<string>; seriesUids: Set<string> }

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').replace(/[\0 ]+$/, '');

function read(dir: string): Seen {
  const seen: Seen = { uids: new Set(), studyDates: new Set(), patientIds: new Set(), seriesUids: new Set() };
  for (const [name, bytes] of filesUnder(dir)) {
    if (!name.startsWith('DICOM/')) continue;
    const tree = readDicomTree(bytes);
    for (const e of tree.dataset) {
      if (e.vr === 'UI' && !text(e.value).startsWith('1.2.840.10008.')) seen.uids.add(text(e.value));
      if (e.tag === 0x00080020) seen.studyDates.add(text(e.value));
      if (e.tag === 0x00100020) seen.patientIds.add(text(e.value));
      if (e.tag === 0x0020000e) seen.seriesUids.add(text(e.value));
    }
  }
  return seen;
}

describe('linking shares', () => {
  let v: ShareVault;
  let studyUid: string;
  let originalUids: string[];
  beforeAll(async () => {
    v = await makeShareVault();
    studyUid = await v.addStudy(3, { studyDate: '20240315' });
    originalUids = v.core.requireVault().db.prepare('SELECT sop_instance_uid FROM instances').pluck().all() as string[];
  });
  afterAll(() => v.cleanup());

  it('two shares of the same study share no UID, pseudonym or date shift; a follow-up reuses all three', async () => {
    const first = await v.exportTo((await v.prepare({ studyUids: [studyUid] })).draftId, 'folder', 'first');
    const second = await v.exportTo((await v.prepare({ studyUids: [studyUid] })).draftId, 'folder', 'second');
    const followDraft = await v.prepare({ studyUids: [studyUid], followUpOfShareId: first.shareId });
    expect(followDraft.pseudonym).toBe(first.pseudonym);
    const follow = await v.exportTo(followDraft.draftId, 'folder', 'follow');
    const [a, b, c] = [read(path.join(v.root, 'first')), read(path.join(v.root, 'second')), read(path.join(v.root, 'follow'))];
    expect(first.pseudonym).not.toBe(second.pseudonym);
    expect([...a.uids].filter((u) => b.uids.has(u))).toEqual([]);
    expect([...a.studyDates].filter((d) => b.studyDates.has(d))).toEqual([]);
    expect([...a.patientIds]).toEqual([first.pseudonym]);
    // Series still group: one series UID for the three files, and the original UIDs are all gone.
    expect(a.seriesUids.size).toBe(1);
    for (const uid of originalUids) expect(a.uids.has(uid)).toBe(false);
    expect([...c.uids].sort()).toEqual([...a.uids].sort());
    expect([...c.studyDates]).toEqual([...a.studyDates]);
    expect(follow.pseudonym).toBe(first.pseudonym);
    // The shifted date is 1 to 10 years before the real one (the study was 2024-03-15).
    const shifted = [...a.studyDates][0]!;
    expect(Number(shifted.slice(0, 4))).toBeLessThan(2024);
    expect(Number(shifted.slice(0, 4))).toBeGreaterThanOrEqual(2013);
  });

  it('refuses a follow-up of a share that has no secret (identified or unknown)', async () => {
    const identified = await v.exportTo((await v.prepare({ studyUids: [studyUid], identified: true, options: [] })).draftId, 'folder', 'ident');
    const { jobId } = await v.core.prepareShare({
      selection: { studyUids: [studyUid], seriesUids: [] }, identified: false, options: [], burnedIn: 'hold', includeReports: false, followUpOfShareId: identified.shareId,
    });
    expect((await v.core.waitForJob(jobId)).error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
