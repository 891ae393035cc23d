/**
 * A share holds one person's scans: every file of a de-identified copy carries the same made-up
 * name, so two people's studies would reach the doctor as one patient's history. A follow-up,
 * which reuses an earlier share's name, likewise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_PERSON_PER_SHARE } from '../../../shared/share/share-domain';
import { SECOND_OPINION_DEFAULTS } from '../../../shared/share/options';
import { makeShareVault, type ShareVault } from '../../test-support/share/share-vault';

describe('one person per share', () => {
  let v: ShareVault;
  let margaret: string;
  let john: string;
  beforeAll(async () => {
    v = await makeShareVault();
    margaret = await v.addStudy(1);
    john = await v.addStudy(1, { patientName: 'OKAFOR^JOHN', patientId: 'CITY-5521', birthDate: '19750203' });
  });
  afterAll(() => v.cleanup());

  const prepare = async (studyUids: string[], identified: boolean, followUpOfShareId: number | null = null) => {
    const { jobId } = await v.core.prepareShare({
      selection: { studyUids, seriesUids: [] }, identified, options: identified ? [] : [...SECOND_OPINION_DEFAULTS], burnedIn: 'hold', includeReports: false, followUpOfShareId,
    });
    return v.core.waitForJob(jobId);
  };

  it('refuses studies of two people, de-identified or identified, saying why and what to do', async () => {
    for (const identified of [false, true]) {
      const job = await prepare([margaret, john], identified);
      expect(job.error).toMatchObject({ code: 'BAD_REQUEST', message: ONE_PERSON_PER_SHARE });
    }
    expect(ONE_PERSON_PER_SHARE).not.toMatch(/WHITFIELD|OKAFOR/i);
  });

  it('lets a follow-up reuse an earlier share\'s made-up name only for the same person\'s scans', async () => {
    const first = await prepare([margaret], false);
    const { shareId } = await v.exportTo(first.shareDraft!.draftId, 'folder');
    const other = await prepare([john], false, shareId);
    expect(other.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('That earlier share was of another person’s scans') as unknown });
    const later = await v.addStudy(1); // Margaret again, a newer scan
    expect((await prepare([later], false, shareId)).shareDraft?.pseudonym).toBe(first.shareDraft?.pseudonym);
  });

  it('shares each person\'s studies on their own, and both together once the records are linked as one person', async () => {
    expect((await prepare([margaret], false)).shareDraft?.fileCount).toBe(1);
    expect((await prepare([john], false)).shareDraft?.fileCount).toBe(1);
    const { people } = await v.core.listPeople();
    const [first, second] = people;
    await v.core.linkRecords({ personId: first!.id, recordIds: second!.records.map((r) => r.id) });
    expect((await prepare([margaret, john], false)).shareDraft?.fileCount).toBe(2);
    expect((await prepare([john], false, 1)).error).toBeUndefined(); // the follow-up's person is John's now too
  });
});
