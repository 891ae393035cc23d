import { describe, expect, it } from 'vitest';
import type { ExamSummary } from '../../../../shared/api/ai-record';
import type { PersonProfile } from '../../../../shared/person-profile';
import { DATE_LEARNED, draftOf, letterText, refill, type LetterSources } from './letter-text';

const exam: ExamSummary = {
  id: 3, personId: 1, personName: 'Jane Doe', studyId: null, studyInstanceUid: null, studyDate: null, studyDescription: null,
  origin: 'planned', date: '2026-12-10', facilityId: 2, facilityName: 'Mercy Imaging', modality: 'CT', bodyPart: 'Chest',
  orderingProvider: 'Dr Patel', reason: null, answered: 0, total: 23, flags: [], followUpsOpen: 0, followUpsOverdue: 0,
};
const patient: PersonProfile = {
  personId: 1, legalName: 'Jane Ann Doe', formerNames: [], birthDate: '1980-04-12', address: null, phone: null,
  email: 'jane@example.org', recordNumbers: [{ facility: 'Mercy Imaging', number: 'MRN-7' }], representative: null, notes: null,
} as unknown as PersonProfile;
const src: LetterSources = { exam, recipient: null, patient, questions: ['Was any AI software used on this exam?'], today: '2026-12-02' };

describe('letter text', () => {
  it('fills the AI-use inquiry from the profile and the exam, listing what is still blank', () => {
    const { text, missing } = letterText('ai-inquiry', src, {});
    expect(text.sender).toContain('Jane Ann Doe');
    expect(text.recipient).toContain('Mercy Imaging');
    expect(text.body).toContain('Was any AI software used on this exam?');
    expect(text.body).toContain('MRN-7');
    expect(text.body).toMatch(/CT scan of the chest at Mercy Imaging on December 10, 2026/);
    expect(missing).toContain('your address');
    expect(text.sender).toContain('[your address]');
  });

  it('keeps the patient’s edits and drops a blank they filled in from the missing list', () => {
    const filled = letterText('ai-inquiry', src, {}).text;
    const sender = filled.sender.replace('[your address]', '1 Main St, Springfield');
    const draft = draftOf({ ...filled, sender }, filled);
    expect(Object.keys(draft)).toEqual(['sender']);
    const again = letterText('ai-inquiry', src, draft);
    expect(again.text.sender).toContain('1 Main St');
    expect(again.missing).not.toContain('your address');
  });

  it('maps the complaint kind onto the worksheet and computes its deadline from the date learned', () => {
    const blank = letterText('complaint', src, {});
    expect(blank.text.title).toMatch(/Office for Civil Rights/);
    const dated = letterText('complaint', src, { [DATE_LEARNED]: '2026-11-30' });
    expect(dated.text.body).toContain('file by May 29, 2027, 180 days after you learned of it on November 30, 2026');
    // An edited part stays edited; the others follow the new date.
    const edited = { ...blank.text, title: 'My complaint' };
    const next = refill(edited, blank.text, dated.text);
    expect(next.title).toBe('My complaint');
    expect(next.body).toBe(dated.text.body);
    expect(draftOf(next, dated.text, { [DATE_LEARNED]: '2026-11-30' })).toEqual({ [DATE_LEARNED]: '2026-11-30', title: 'My complaint' });
  });
});
