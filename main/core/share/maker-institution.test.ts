/**
 * A scanner left at its factory settings writes its maker into the hospital field (Institution
 * Name "SIEMENS", Manufacturer "SIEMENS"). The vault's index of the person's hospitals must not
 * turn that into a hospital the leak guard looks for: it stopped every share of such a scan,
 * since every file keeps its Manufacturer. A real hospital's name is still looked for.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, makeShareVault, type ShareVault } from '../../test-support/share/share-vault';

describe('a maker\'s name in the hospital field', () => {
  let v: ShareVault;
  beforeAll(async () => { v = await makeShareVault(); });
  afterAll(() => v.cleanup());

  const dicomText = (dir: string) => [...filesUnder(dir)].filter(([name]) => name.startsWith('DICOM/')).map(([, bytes]) => bytes.toString('latin1')).join('');

  it('does not stop the share: the maker stays in Manufacturer', async () => {
    const studyUid = await v.addStudy(2, { institution: 'SIEMENS', manufacturer: 'SIEMENS' });
    const draft = await v.prepare({ studyUids: [studyUid] });
    const report = await v.exportTo(draft.draftId, 'folder', 'factory');
    expect(report.files).toBe(2);
    expect(dicomText(path.join(v.root, 'factory'))).toContain('SIEMENS');
  });

  it('still looks for a real hospital of the same maker\'s scanner, in the share\'s descriptions too', async () => {
    const studyUid = await v.addStudy(1, { institution: 'Lakeview General', manufacturer: 'SIEMENS', studyDescription: 'CT HEAD Lakeview General' });
    const draft = await v.prepare({ studyUids: [studyUid] });
    await v.exportTo(draft.draftId, 'folder', 'hospital');
    const text = dicomText(path.join(v.root, 'hospital'));
    expect(text).toContain('CT HEAD'); // Clean Descriptors keeps the description, without the hospital
    expect(text).not.toContain('Lakeview');
  });
});
