import { describe, expect, it } from 'vitest';
import type { PersonSummary, StudySummary } from '../../../../shared/domain';
import type { ShareRecord } from '../../../../shared/share/share-domain';
import { SECOND_OPINION_DEFAULTS } from '../../../../shared/share/options';
import { checkRecipient, chosenPeople, DEFAULT_METHOD, earlierSharesWith, EMPTY_RECIPIENT, stepNumber, toggleSeries, toggleStudy, toPrepareRequest, toRecipient, toSelection, type Chosen } from './wizard-state';

const series = (id: number, uid: string) => ({ id, seriesInstanceUid: uid, modality: 'CT', bodyPart: null, description: null, seriesNumber: id, instanceCount: 1, conflictCount: 0, alteredCount: 0 });
const study = (id: number, uid: string, s: ReturnType<typeof series>[]): StudySummary => ({
  id, studyInstanceUid: uid, date: null, description: null, modalities: ['CT'], institution: null, sources: [], seriesCount: s.length, instanceCount: s.length, attachments: [], series: s,
});
const A = study(1, '1.2.1', [series(11, '1.2.1.1'), series(12, '1.2.1.2')]);
const B = study(2, '1.2.2', [series(21, '1.2.2.1')]);

describe('share wizard state', () => {
  it('numbers the seven steps', () => {
    expect(stepNumber('choose')).toBe(1);
    expect(stepNumber('recipient')).toBe(2);
    expect(stepNumber('summary')).toBe(7);
  });

  it('sends a whole study as its UID only, and a partly chosen study with its chosen series', () => {
    let chosen: Chosen = new Map();
    chosen = toggleStudy(chosen, B, true);
    chosen = toggleSeries(chosen, A, 12, true);
    expect(toSelection(chosen, [A, B])).toEqual({ studyUids: ['1.2.1', '1.2.2'], seriesUids: ['1.2.1.2'] });
    // Ticking the last series makes the study whole again; unticking every series drops it.
    chosen = toggleSeries(chosen, A, 11, true);
    expect(chosen.get(1)).toBe('all');
    expect(toSelection(chosen, [A, B]).seriesUids).toEqual([]);
    chosen = toggleSeries(toggleSeries(chosen, A, 11, false), A, 12, false);
    expect(toSelection(chosen, [A, B])).toEqual({ studyUids: ['1.2.2'], seriesUids: [] });
  });

  it('finds the people the chosen studies belong to: two linked records are one person', () => {
    const C = study(3, '1.2.3', [series(31, '1.2.3.1')]);
    const record = (id: number, studies: StudySummary[]) => ({ studies, id }) as unknown as PersonSummary['records'][number];
    const people = [
      { id: 1, displayName: null, studyCount: 2, records: [record(1, [A]), record(2, [B])] },
      { id: 2, displayName: null, studyCount: 1, records: [record(3, [C])] },
    ] as PersonSummary[];
    expect(chosenPeople(people, new Map([[1, 'all'], [2, 'all']]))).toEqual([1]);
    expect(chosenPeople(people, new Map([[1, 'all'], [3, 'all']]))).toEqual([1, 2]);
  });

  it('drops options and the follow-up for an identified export', () => {
    const chosen: Chosen = new Map([[2, 'all']]);
    const deid = toPrepareRequest(chosen, [B], { ...DEFAULT_METHOD, followUpOfShareId: 4 });
    expect(deid).toMatchObject({ identified: false, options: [...SECOND_OPINION_DEFAULTS], followUpOfShareId: 4, burnedIn: 'hold', includeReports: false });
    const ident = toPrepareRequest(chosen, [B], { ...DEFAULT_METHOD, identified: true, followUpOfShareId: 4 });
    expect(ident).toMatchObject({ identified: true, options: [], followUpOfShareId: null });
  });

  it('asks for a name and a purpose in plain words, and trims the recipient', () => {
    expect(Object.keys(checkRecipient(EMPTY_RECIPIENT, ' '))).toEqual(['name', 'purpose']);
    expect(checkRecipient({ ...EMPTY_RECIPIENT, name: 'Dr Lee' }, 'Second opinion')).toEqual({});
    expect(checkRecipient({ ...EMPTY_RECIPIENT, name: 'x'.repeat(201) }, 'p').name).toMatch(/200 characters/);
    expect(toRecipient({ name: ' Dr Lee ', role: '', org: ' City Clinic ', contact: '  ' })).toEqual({ name: 'Dr Lee', role: null, org: 'City Clinic', contact: null });
  });

  it('finds earlier de-identified shares of the same person with the same recipient for a follow-up', () => {
    const rec = (id: number, name: string, pseudonym: string | null, outside = false, personIds = [1]): ShareRecord => ({
      id, date: '2026-01-01', recipient: { name, role: null, org: null, contact: null }, purpose: 'p', method: 'm', items: [], profile: null,
      options: [], packageSha256: null, pseudonym, outside, personIds, fileCount: null, documentId: null, note: null,
    });
    const shares = [rec(1, 'Dr  Lee', 'SECOND-OPINION-AAAA'), rec(2, 'Dr Lee', null), rec(3, 'dr lee', 'X', true), rec(4, 'Dr Kim', 'Y'), rec(5, 'Dr Lee', 'Z', false, [2])];
    expect(earlierSharesWith(shares, 'DR LEE', [1]).map((s) => s.id)).toEqual([1]);
    expect(earlierSharesWith(shares, 'DR LEE', [2]).map((s) => s.id)).toEqual([5]); // another person's share is never continued
    expect(earlierSharesWith(shares, ' ', [1])).toEqual([]);
  });
});

describe('share log words', async () => {
  const { csvFileName, itemsLine, recipientLine } = await import('./share-text');
  it('writes a recipient, the items and a safe CSV file name', () => {
    expect(recipientLine({ name: 'Dr Lee', role: null, org: 'City Clinic', contact: 'x' })).toBe('Dr Lee, City Clinic');
    expect(itemsLine({ items: [{ level: 'study', uid: '1.2', label: 'CT head, 2024-03-20' }], fileCount: 3 })).toBe('CT head, 2024-03-20 (3 files)');
    expect(itemsLine({ items: [], fileCount: null })).toBe('Not specified');
    expect(csvFileName('Jane Doë', '2026-12-02')).toBe('shares-jane-doe-2026-12-02.csv');
    expect(csvFileName(null, '2026-12-02')).toBe('shares-everyone-2026-12-02.csv');
  });
});
