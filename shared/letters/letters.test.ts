import { describe, expect, it } from 'vitest';
import { emptyProfile, type PersonProfile } from '../person-profile';
import { fillLetter, LETTER_KINDS, LETTERS, patientFromProfile, suggestedReplyBy, type LetterFacts } from './index';

const profile: PersonProfile = {
  ...emptyProfile(7),
  legalName: 'Maria Elena Ortiz', formerNames: ['Maria Lopez'], birthDate: '1971-03-04',
  address: '12 Birch Lane\nSpringfield, IL 62704', phone: '+1 217 555 0134', email: 'maria.ortiz@example.org',
  recordNumbers: [{ facility: 'Mercy Imaging', number: 'MRN-448812' }, { facility: 'Other Clinic', number: 'X-1' }],
  updatedAt: '2026-11-01T10:00:00Z',
};
const exam = {
  facility: 'Mercy Imaging', modality: 'CT', bodyPart: 'chest', date: '2026-10-14', accession: 'ACC-20261014-7',
  orderingPhysician: 'Dr. Ana Reyes', readingPhysician: 'Dr. Paul Chen',
};
const recipient = { organisation: 'Mercy Imaging', office: 'Privacy Officer', address: '400 Main Street\nSpringfield, IL 62701' };
const full: LetterFacts = { patient: patientFromProfile(profile, 'mercy imaging '), recipient, exam, letterDate: '2026-12-02' };
const text = (l: { paragraphs: string[] }) => l.paragraphs.join('\n');

describe('letters as data', () => {
  it('has the five kinds, each with a title, a summary and the rule it cites', () => {
    expect(LETTERS.map((l) => l.kind)).toEqual([...LETTER_KINDS]);
    expect(LETTERS.map((l) => l.rule)).toEqual([null, '45 CFR 164.528', '45 CFR 164.524', '45 CFR 164.522', '45 CFR 160.306']);
    expect(LETTERS.map((l) => l.replyDays)).toEqual([30, 60, 30, 30, null]);
    for (const l of LETTERS) expect(l.summary.length).toBeGreaterThan(40);
  });

  it('suggests reply-by dates: 30 days for access, 60 for an accounting', () => {
    expect(suggestedReplyBy('access', '2026-12-02')).toBe('2027-01-01');
    expect(suggestedReplyBy('accounting', '2026-12-02')).toBe('2027-01-31');
    expect(suggestedReplyBy('complaint-worksheet', '2026-12-02')).toBeNull();
  });
});

describe('fillLetter with every fact given', () => {
  it('fills the access letter from the profile and exam, with no blanks left', () => {
    const l = fillLetter('access', full);
    expect(l.fieldsMissing).toEqual([]);
    expect(l.title).toBe('Request for a copy of my images and reports (45 CFR 164.524)');
    expect(l.senderBlock).toBe('Maria Elena Ortiz\n12 Birch Lane\nSpringfield, IL 62704\nPhone: +1 217 555 0134\nEmail: maria.ortiz@example.org');
    expect(l.recipientBlock).toBe('Privacy Officer\nMercy Imaging\n400 Main Street\nSpringfield, IL 62701');
    expect(l.date).toBe('December 2, 2026');
    expect(l.replyBy).toBe('2027-01-01');
    expect(l.paragraphs[0]).toBe('Dear Privacy Officer,');
    expect(l.paragraphs[1]).toBe('I am writing as your patient Maria Elena Ortiz, born March 4, 1971 (formerly known as Maria Lopez; medical record number MRN-448812).');
    expect(text(l)).toContain('the CT of the chest at Mercy Imaging on October 14, 2026 (accession number ACC-20261014-7; ordered by Dr. Ana Reyes; read by Dr. Paul Chen)');
    expect(text(l)).toContain('original full-resolution DICOM');
    expect(text(l)).toMatch(/AI or computer-aided software kept in my record/);
    expect(text(l)).toContain('by January 1, 2027');
    expect(text(l)).toContain('by email to maria.ortiz@example.org');
    expect(l.paragraphs.at(-1)).toBe('Sincerely,\n\n\nMaria Elena Ortiz');
    expect(text(l)).not.toMatch(/\[/);
  });

  it('lists the chosen questions in the AI-use inquiry and adds the state law where the exam was', () => {
    const l = fillLetter('ai-use-inquiry', { ...full, examState: 'tx', questions: ['Was any AI software used on this exam?', 'Were my images sent to a cloud service?'] });
    expect(l.fieldsMissing).toEqual([]);
    expect(l.paragraphs).toContain('1. Was any AI software used on this exam?');
    expect(l.paragraphs).toContain('2. Were my images sent to a cloud service?');
    expect(text(l)).toContain('Texas');
    expect(text(l)).toContain('FDA clearance or approval number');
    expect(l.replyBy).toBe('2027-01-01');
    expect(text(fillLetter('ai-use-inquiry', { ...full, questions: ['Q?'] }))).not.toContain('Texas');
  });

  it('asks for six years of disclosures at most, with the 60-day clock and the fee rule', () => {
    const l = fillLetter('accounting', { ...full, periodFrom: '2015-01-01' });
    expect(text(l)).toContain('from December 2, 2020 to December 2, 2026');
    expect(text(l)).toContain('The rule covers the six years before a request, so I am asking from December 2, 2020.');
    expect(text(l)).toContain('within 60 days');
    expect(text(l)).toContain('any disclosure of images or reports from the CT of the chest at Mercy Imaging on October 14, 2026');
    expect(l.replyBy).toBe('2027-01-31');
    expect(text(l)).toContain('the first accounting in any 12 months is free');
    expect(text(fillLetter('accounting', { ...full, lastAccountingRequest: '2026-03-01' }))).toContain('less than 12 months ago');
    expect(text(fillLetter('accounting', { ...full, lastAccountingRequest: '2025-03-01' }))).toContain('this one is free');
  });

  it('names the restricted use, the vendor, self-paid items and another contact channel when given', () => {
    const l = fillLetter('restriction', { ...full, vendorName: 'Acme Radiology AI, Inc.', selfPaidItems: 'the MRI of October 2026', alternateContact: 'by email, not by phone' });
    expect(text(l)).toContain('train, test or improve artificial intelligence software');
    expect(text(l)).toContain('do not disclose my information to Acme Radiology AI, Inc.');
    expect(text(l)).toContain('164.522(a)(1)(vi)');
    expect(text(l)).toContain('164.522(b)');
    expect(text(fillLetter('restriction', full))).not.toContain('164.522(b)');
    expect(text(fillLetter('restriction', { ...full, restrictedUse: 'Do not send my scans to any vendor.' }))).toContain('Do not send my scans to any vendor.');
  });

  it('writes a representative in as the sender and signer', () => {
    const patient = { ...full.patient, representative: { name: 'Luis Ortiz', relationship: 'son', phone: null, email: 'luis@example.org' } };
    const l = fillLetter('access', { ...full, patient });
    expect(l.senderBlock.split('\n')[0]).toBe('Luis Ortiz, for Maria Elena Ortiz');
    expect(l.paragraphs[1]).toContain('on behalf of your patient Maria Elena Ortiz');
    expect(l.paragraphs[1]).toContain('as their son. A copy of the document that gives me this authority is enclosed.');
    expect(text(l)).toContain('by email to luis@example.org');
    expect(l.paragraphs.at(-1)).toBe('Sincerely,\n\n\nLuis Ortiz, for Maria Elena Ortiz');
  });
});

describe('fillLetter with facts missing', () => {
  it('leaves a visible blank for each missing fact and lists each once', () => {
    const bare: LetterFacts = { patient: patientFromProfile(emptyProfile(1)), letterDate: '2026-12-02' };
    const l = fillLetter('access', bare);
    expect(l.fieldsMissing).toEqual([
      'your full legal name', 'your address', 'your phone number or email', 'name of the hospital or practice', 'their postal address',
      'your birth date', 'kind of exam, e.g. CT or MRI', 'body part', 'where the exam was done', 'exam date',
    ]);
    for (const f of l.fieldsMissing) expect(`${l.senderBlock}\n${l.recipientBlock}\n${text(l)}`).toContain(`[${f}]`);
    expect(l.senderBlock).toBe('[your full legal name]\n[your address]\n[your phone number or email]');
    expect(l.recipientBlock).toBe('Release of Information\n[name of the hospital or practice]\n[their postal address]');
    expect(text(l)).toContain('by post to the address above');
    expect(l.paragraphs[0]).toBe('Dear Release of Information team,');
  });

  it('leaves out optional facts (accession, physicians, record number) without a blank', () => {
    const patient = patientFromProfile(profile, 'Unknown Hospital');
    expect(patient.recordNumber).toBeNull();
    const l = fillLetter('ai-use-inquiry', { ...full, patient, exam: { ...exam, accession: null, orderingPhysician: ' ', readingPhysician: null } });
    expect(text(l)).toContain('the CT of the chest at Mercy Imaging on October 14, 2026.');
    expect(text(l)).not.toContain('record number');
    expect(l.fieldsMissing).toEqual(['the questions you want answered']);
    expect(l.paragraphs).toContain('1. [the questions you want answered]');
  });

  it('keeps a reply-by date the patient chose', () => {
    expect(fillLetter('access', { ...full, replyBy: '2026-12-20' }).replyBy).toBe('2026-12-20');
    expect(() => fillLetter('access', { ...full, letterDate: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('the complaint worksheet', () => {
  const facts: LetterFacts = {
    ...full, dateLearned: '2026-09-15', whatHappened: 'My CT images were given to an AI company without my permission.',
    whyWrong: 'They were disclosed without my authorization.', whenHappened: 'August 2026', relationToOrganisation: 'patient',
    earlierLetters: [{ date: '2026-10-01', what: 'Request for an accounting of disclosures', reply: null }],
  };

  it('computes the 180-day limit from the date learned and the days left', () => {
    const w = fillLetter('complaint-worksheet', facts);
    expect(w.replyBy).toBeNull();
    expect(w.recipientBlock.split('\n')).toEqual(['Centralized Case Management Operations', 'U.S. Department of Health and Human Services', '200 Independence Avenue, S.W., Room 509F HHH Bldg.', 'Washington, D.C. 20201']);
    expect(w.paragraphs[1]).toBe('Deadline: file by March 14, 2027, 180 days after you learned of it on September 15, 2026. 102 days from December 2, 2026.');
    expect(text(w)).toContain('I am (or was) its patient.');
    expect(text(w)).toContain('October 1, 2026: Request for an accounting of disclosures (no reply)');
    expect(text(w)).toContain('Which exam: the CT of the chest at Mercy Imaging');
    expect(w.fieldsMissing).toEqual([]);
  });

  it('says when the limit has passed and what can still be done', () => {
    const w = fillLetter('complaint-worksheet', { ...facts, dateLearned: '2026-01-10' });
    expect(w.paragraphs[1]).toContain('file by July 9, 2026');
    expect(w.paragraphs[1]).toContain('That date has passed. OCR can still accept a complaint if you show good cause');
  });

  it('leaves the deadline open with a blank when the date learned is missing', () => {
    const w = fillLetter('complaint-worksheet', { patient: full.patient, letterDate: '2026-12-02' });
    expect(w.fieldsMissing).toEqual([
      'date you learned of it', 'name of the hospital or practice', 'their postal address', 'patient, employee or other',
      'when it happened', 'what happened, in your words', 'which right or rule was not respected',
    ]);
    expect(w.paragraphs[1]).toContain('180 days after [date you learned of it]');
  });
});
