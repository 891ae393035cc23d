/**
 * A copy of one of the vault's own de-identified exports, checked with "Check a copy": its UIDs were
 * all remade with the share's secret, so only the share can map it back to the original.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeShareVault, type ShareVault } from '../../test-support/share/share-vault';
import { readDicomTree } from './deid';
import { exportedUidLookup } from './exported-uids';

describe('recognising a copy of an export', () => {
  let v: ShareVault;
  let studyUid: string;
  beforeAll(async () => {
    v = await makeShareVault();
    studyUid = await v.addStudy(2, { studyDescription: 'CT KNEE' });
    await v.addStudy(2, { studyDescription: 'CT HEAD' }); // not shared: its UIDs must not be mapped
  });
  afterAll(() => v.cleanup());

  it('maps only the UIDs a share made back to their originals', async () => {
    const draft = await v.prepare({ studyUids: [studyUid] });
    await v.exportTo(draft.draftId, 'folder', 'shared');
    const lookup = exportedUidLookup(() => v.core.requireVault().db);
    const job = await v.core.waitForJob((await v.core.startCompare({ paths: [path.join(v.root, 'shared', 'DICOM')] })).jobId);
    const results = job.compareReport!.results;
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(result).toMatchObject({ outcome: 'same-pixels', matchedBy: 'share-uid' });
      // The original found is in the shared study, and the lookup agrees with what compare used.
      expect(result.original?.studyInstanceUid).toBe(studyUid);
      const copyUid = Buffer.from(readDicomTree(readFileSync(path.join(v.root, 'shared', result.path))).meta.find((e) => e.tag === 0x00020003)!.value).toString('latin1').replace(/\0$/, '');
      expect(copyUid).not.toBe(result.original?.sopInstanceUid);
      expect(lookup(copyUid)).toBe(result.original?.sopInstanceUid);
    }
    expect(lookup(studyUid)).toBeNull();
    expect(lookup('2.25.1')).toBeNull();
  });
});
