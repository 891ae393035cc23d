/** The accounting of disclosures: outside shares with a document, per-person listing, and CSV that is safe to open. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeShareVault, type ShareVault } from '../../test-support/share/share-vault';
import { buildPdf } from '../../test-support/documents/minimal-pdf';
import { CSV_COLUMNS, sharesCsv } from './share-log';

describe('the share log', () => {
  let v: ShareVault;
  let studyUid: string;
  let personId: number;
  beforeAll(async () => {
    v = await makeShareVault();
    studyUid = await v.addStudy(1, { studyDescription: 'MR KNEE' });
    personId = (await v.core.listLibrary()).people[0]!.id;
  });
  afterAll(() => v.cleanup());

  it('records a share made outside the app, with its letter stored encrypted, as an event', async () => {
    const letter = path.join(v.root, 'letter.pdf');
    writeFileSync(letter, buildPdf([{ text: ['The hospital sent your images to Acme Insurance.'] }]));
    const record = await v.core.recordOutsideShare({
      personId, date: '2025-11-03', recipient: { name: 'Claims desk', role: null, org: 'Acme Insurance', contact: '1 Main St' }, purpose: 'insurance claim',
      method: 'CD sent by the hospital', studyUids: [studyUid], description: 'They asked the hospital directly.', document: { kind: 'path', path: letter },
    });
    expect(record).toMatchObject({ outside: true, profile: null, packageSha256: null, personIds: [personId], date: '2025-11-03', note: 'They asked the hospital directly.', items: [{ level: 'study', uid: studyUid }] });
    expect(record.documentId).not.toBeNull();
    expect(v.core.requireVault().events.list().at(-1)).toMatchObject({ kind: 'share', details: { shareId: record.id, outside: true, document: true } });
    const verify = await v.core.startVerify({});
    expect((await v.core.waitForJob(verify.jobId)).verifyReport).toMatchObject({ ok: true });
    await expect(v.core.recordOutsideShare({
      personId, date: '2025-11-03', recipient: { name: 'X', role: null, org: null, contact: null }, purpose: 'p', method: 'm', studyUids: [], description: null,
      document: { kind: 'path', path: path.join(v.root, 'nope.pdf') },
    })).rejects.toMatchObject({ code: 'PATH_NOT_FOUND' });
  });

  it('lists exports and outside shares per person, newest first, and as CSV with the same columns', async () => {
    const report = await v.exportTo((await v.prepare({ studyUids: [studyUid] })).draftId, 'folder');
    const { shares } = await v.core.listShares({ personId });
    expect(shares.map((s) => s.outside)).toEqual([false, true]);
    expect(shares[0]!.id).toBe(report.shareId);
    expect((await v.core.listShares({ personId: personId + 1000 })).shares).toEqual([]);
    const { csv } = await v.core.getSharesCsv({ personId });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4); // header, two shares, final empty line
    expect(lines[2]).toContain('Acme Insurance,');
    expect(lines[2]).toContain('"1 Main St"'.replaceAll('"', '')); // no quoting needed
  });

  it('quotes per RFC 4180 and defuses cells a spreadsheet would run as a formula', () => {
    const csv = sharesCsv([{
      id: 1, date: '2026-01-01', recipient: { name: '=HYPERLINK("http://x")', role: '+1', org: 'A, B', contact: 'line1\nline2' }, purpose: '@SUM(A1)', method: '-x',
      items: [{ level: 'study', uid: '1.2', label: 'CT "head"' }], profile: null, options: ['a', 'b'], packageSha256: null, pseudonym: null, outside: true,
      personIds: [1], fileCount: null, documentId: null, note: null,
    }]);
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain(`'+1`);
    expect(row).toContain('"A, B"');
    expect(csv).toContain('"line1\nline2"');
    expect(row).not.toMatch(/,[=+\-@]/);
    expect(csv).toContain('"study 1.2 (CT ""head"")"');
  });
});
