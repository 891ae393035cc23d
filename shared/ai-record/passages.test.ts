import { describe, expect, it } from 'vitest';
import { findPassages, PASSAGE_TERMS, TERM_GROUPS, type Passage, type PassageTerm } from './passages';

// Written for these tests in the style of real imaging consent forms and privacy notices.
const PAGE_1 = `NORTHFIELD IMAGING ASSOCIATES
Consent for Imaging Services and Use of Images

1. Your images and reports. We use your health information for treatment, payment and health care operations, including quality improvement.
Our staff receive privacy training every year. Images are read by trained radiologists.
2. Artificial intelligence. Some examinations are analysed with software that may be hosted in the cloud by a
third-party vendor acting as our business associate. The weather forecast said it would be cloudy.`;

const PAGE_2 = `3. Research. Your images may be de-
identified and used for future research without additional consent. Identifiers may be removed and
the images shared with for-profit companies to develop, train or improve algorithms. You will not
receive any share in the profits. Some data sets are coded; the key to the code is kept by the
study team and a study number links them back to you.`;

const PAGE_3 = `4. How long this lasts. This authorization does not expire. You may revoke it in writing at any
time, except where we have already acted on it. Information disclosed under this authorization may be
redisclosed by the recipient and no longer protected by federal privacy law. We will not sell your
information or receive remuneration for it. You may opt out of research use by writing to the Privacy Officer.`;

const terms = (ps: Passage[]) => ps.map((p) => p.term);
const onPage = (ps: Passage[], page: number) => ps.filter((p) => p.page === page);
const first = (ps: Passage[], term: PassageTerm) => {
  const p = ps.find((x) => x.term === term);
  if (!p) throw new Error(`no ${term} in ${JSON.stringify(ps.map((x) => [x.term, x.phrase]))}`);
  return p;
};

describe('findPassages', () => {
  const pages = [PAGE_1, PAGE_2, PAGE_3];
  const found = findPassages(pages);

  it('gives every group a label and a one-line explanation, covering the fixed term list', () => {
    expect(TERM_GROUPS.map((g) => g.term)).toEqual([...PASSAGE_TERMS]);
    for (const g of TERM_GROUPS) {
      expect(g.label.length).toBeGreaterThan(3);
      expect(g.explanation).toMatch(/^[A-Z].{20,200}\.$/u);
      expect(g.explanation).not.toContain('\n');
    }
  });

  it('points start/end at the exact text of the page it was found on', () => {
    for (const p of found) expect(pages[p.page - 1]!.slice(p.start, p.end)).toBe(p.phrase);
  });

  it('finds each kind of passage on the right page', () => {
    expect(new Set(terms(onPage(found, 1)))).toEqual(new Set(['operations', 'training', 'cloud', 'third-party']));
    expect(new Set(terms(onPage(found, 2)))).toEqual(new Set([
      'de-identified', 'secondary-use', 'research-and-development', 'data-sharing', 'sale-or-commercial', 'training',
      'remuneration', 'coded-or-pseudonymised',
    ]));
    expect(new Set(terms(onPage(found, 3)))).toEqual(new Set([
      'no-expiry', 'revocation', 'data-sharing', 'redisclosure', 'sale-or-commercial', 'remuneration', 'opt-out', 'research-and-development',
    ]));
  });

  it('joins a word split by a hyphen at a line break and keeps the original text as the phrase', () => {
    const p = first(onPage(found, 2), 'de-identified');
    expect(p.phrase).toBe('de-\nidentified');
    expect(p.context).toBe('Your images may be deidentified and used for future research without additional consent.');
  });

  it('takes the longest phrase of a group and the sentence around it', () => {
    const ops = onPage(found, 1).filter((p) => p.term === 'operations').map((p) => p.phrase);
    expect(ops).toEqual(['health care operations', 'quality improvement']);
    expect(first(onPage(found, 2), 'secondary-use').phrase).toBe('future research');
    expect(onPage(found, 2).filter((p) => p.term === 'secondary-use').map((p) => p.phrase)).toEqual(['future research', 'without additional consent']);
    expect(first(onPage(found, 3), 'no-expiry').phrase).toBe('does not expire');
    expect(first(onPage(found, 3), 'no-expiry').context).toBe('This authorization does not expire.');
    expect(first(onPage(found, 3), 'redisclosure').phrase).toBe('redisclosed');
    expect(first(onPage(found, 3), 'revocation').phrase).toBe('revoke');
    expect(first(onPage(found, 3), 'opt-out').phrase).toBe('opt out');
    expect(first(onPage(found, 2), 'remuneration').phrase).toBe('share in the profits');
  });

  it('finds AI training only next to AI words, not staff training or trained radiologists', () => {
    const training = found.filter((p) => p.term === 'training').map((p) => [p.page, p.phrase]);
    expect(training).toEqual([[1, 'Artificial intelligence'], [2, 'develop, train or improve algorithms']]);
  });

  it('does not take "cloudy" for cloud, nor "sellers", "wholesale" or "colour-coded"', () => {
    expect(onPage(found, 1).filter((p) => p.term === 'cloud').map((p) => p.phrase)).toEqual(['cloud']);
    const none = findPassages(['The sellers of the building were paid wholesale prices. The charts are colour-coded and the sky was cloudy.']);
    expect(none).toEqual([]);
  });

  it('finds "sell" in its forms, and commercial use', () => {
    const hits = findPassages(['We may sell, resell or license your data to partners. Images sold to companies for commercial purposes.'])
      .filter((p) => p.term === 'sale-or-commercial').map((p) => p.phrase);
    expect(hits).toEqual(['sell', 'resell', 'license your data to', 'sold', 'commercial']);
  });

  it('skips the standard wording of a HIPAA notice that is not about data use', () => {
    const notice = 'We may disclose information for workers\u2019 compensation and to comply with law. Your diagnoses are coded for billing. ' +
      'If you have questions, contact us. Staff can help with anything outside us and our clinic hours.';
    const ps = findPassages([notice]);
    expect(ps.map((p) => [p.term, p.phrase])).toEqual([['data-sharing', 'disclose']]);
    const coded = findPassages(['Your images will be coded and the code key kept by the study team. Coded data sets may be shared.']);
    expect(coded.filter((p) => p.term === 'coded-or-pseudonymised').map((p) => p.phrase)).toEqual(['images will be coded', 'Coded data sets']);
    expect(findPassages(['Images may be processed outside the US or outside the EU.']).map((p) => p.phrase)).toEqual(['outside the US', 'outside the EU']);
  });

  it('matches case-insensitively, across line breaks and with hyphen variants', () => {
    const ps = findPassages(['DATA SHARING with THIRD\nPARTIES. Opt-\nout forms are online. Your data is De-Identified and Pseudonymised. Cloud-based storage.']);
    expect(ps.map((p) => [p.term, p.phrase])).toEqual([
      ['data-sharing', 'DATA SHARING'],
      ['third-party', 'THIRD\nPARTIES'],
      ['opt-out', 'Opt-\nout'],
      ['de-identified', 'De-Identified'],
      ['coded-or-pseudonymised', 'Pseudonymised'],
      ['cloud', 'Cloud'],
    ]);
  });

  it('reads ligatures and soft hyphens from PDF text', () => {
    const text = 'Images are de-identi\uFB01ed and anony\u00ADmised.';
    const ps = findPassages([text]);
    expect(ps.map((p) => p.term)).toEqual(['de-identified', 'de-identified']);
    expect(ps[0]!.phrase).toBe('de-identi\uFB01ed');
    expect(ps[1]!.phrase).toBe('anony\u00ADmised');
  });

  it('cuts the context of a very long sentence to about 200 characters around the phrase', () => {
    const long = `${'We describe many things about billing and appointments, '.repeat(8)}and we may share images with a cloud provider ${'for scheduling and reminders and payment, '.repeat(8)}.`;
    const p = first(findPassages([long]), 'cloud');
    expect(p.context.length).toBeLessThanOrEqual(210);
    expect(p.context).toContain('cloud provider');
    expect(p.context.startsWith('…')).toBe(true);
  });

  it('gives nothing for empty pages and keeps page numbers for later pages', () => {
    expect(findPassages(['', '   ', ''])).toEqual([]);
    const ps = findPassages(['', '', 'Data may be stored in the cloud.']);
    expect(ps.map((p) => p.page)).toEqual([3]);
  });
});
