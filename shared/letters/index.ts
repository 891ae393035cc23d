/**
 * The request letters of the AI-use record, prefilled from the vault.
 *
 * Entry points:
 *   fillLetter(kind: LetterKind, facts: LetterFacts): FilledLetter
 *     -> { kind, title, senderBlock, recipientBlock, date, paragraphs, replyBy, fieldsMissing }
 *   LETTERS: the five kinds as data (title, rule cited, usual office, reply days, one-line summary)
 *   patientFromProfile(profile, facility?): LetterFacts['patient'] from the person's profile
 *   suggestedReplyBy(kind, letterDate), complaintDeadline(dateLearned)
 * Pure (no I/O, no clock: the letter date is a fact). Missing facts become visible blanks such as
 * "[your address]", each listed once in `fieldsMissing`; optional facts (accession number, record
 * number, physicians) are left out when absent instead.
 */
import type { PersonProfile } from '../person-profile';
import { Blanks } from './blanks';
import { closing, howToReply, recipientBlock, salutation, senderBlock, type Parts } from './common';
import { addDays, isCalendarDate, longDate } from './dates';
import type { FilledLetter, LetterFacts, LetterKind } from './facts';
import { accessBody } from './kinds/access';
import { accountingBody } from './kinds/accounting';
import { aiUseInquiryBody } from './kinds/ai-use-inquiry';
import { complaintWorksheetBody } from './kinds/complaint-worksheet';
import { restrictionBody } from './kinds/restriction';

export { LETTER_KINDS, LetterExam, LetterFacts, LetterPatient, LetterRecipient, type FilledLetter, type LetterKind } from './facts';
export { complaintDeadline } from './dates';

export interface LetterDefinition {
  kind: LetterKind;
  title: string;
  /** The rule the letter relies on, as cited in it (null: none). */
  rule: string | null;
  /** Used in the address and salutation when the patient names no office. */
  defaultOffice: string;
  /** Suggested days to reply (the rule's own clock where there is one); null: not a letter to answer. */
  replyDays: number | null;
  summary: string;
  body(p: Parts): string[];
}

const OCR_ADDRESS = 'Centralized Case Management Operations\nU.S. Department of Health and Human Services\n200 Independence Avenue, S.W., Room 509F HHH Bldg.\nWashington, D.C. 20201';

export const LETTERS: readonly LetterDefinition[] = [
  {
    kind: 'ai-use-inquiry', title: 'Questions about the use of AI in my imaging exam', rule: null, defaultOffice: 'Privacy Officer', replyDays: 30,
    summary: 'Asks whether AI was used on an exam, which product, and what happened to your images. No law sets a reply time, so it suggests 30 days.',
    body: aiUseInquiryBody,
  },
  {
    kind: 'accounting', title: 'Request for an accounting of disclosures', rule: '45 CFR 164.528', defaultOffice: 'Privacy Officer', replyDays: 60,
    summary: 'Asks who your health information was given to outside care and billing, for up to six years back. They have 60 days.',
    body: accountingBody,
  },
  {
    kind: 'access', title: 'Request for a copy of my images and reports', rule: '45 CFR 164.524', defaultOffice: 'Release of Information', replyDays: 30,
    summary: 'Asks for your original images, the reports and any AI results kept in your record. They have 30 days.',
    body: accessBody,
  },
  {
    kind: 'restriction', title: 'Request to restrict use of my images, including for AI training', rule: '45 CFR 164.522', defaultOffice: 'Privacy Officer', replyDays: 30,
    summary: 'Asks them not to use or share your images for AI training, research or products, and to answer in writing.',
    body: restrictionBody,
  },
  {
    kind: 'complaint-worksheet', title: 'Facts for a privacy complaint to the Office for Civil Rights', rule: '45 CFR 160.306', defaultOffice: 'Office for Civil Rights', replyDays: null,
    summary: 'Gathers what a complaint to HHS needs, with the 180-day deadline worked out, for you to file yourself.',
    body: complaintWorksheetBody,
  },
];

function definition(kind: LetterKind): LetterDefinition {
  const def = LETTERS.find((l) => l.kind === kind);
  if (!def) throw new RangeError(`unknown letter kind ${String(kind)}`);
  return def;
}

export function suggestedReplyBy(kind: LetterKind, letterDate: string): string | null {
  const days = definition(kind).replyDays;
  return days === null ? null : addDays(letterDate, days);
}

export function fillLetter(kind: LetterKind, facts: LetterFacts): FilledLetter {
  if (!isCalendarDate(facts.letterDate)) throw new RangeError('letterDate must be a calendar date (YYYY-MM-DD)');
  const def = definition(kind);
  const blanks = new Blanks();
  const p: Parts = { facts, blanks };
  const sender = senderBlock(p);
  if (def.replyDays === null) {
    return {
      kind, title: def.title, senderBlock: sender, recipientBlock: OCR_ADDRESS, date: longDate(facts.letterDate),
      paragraphs: def.body(p), replyBy: null, fieldsMissing: blanks.list(),
    };
  }
  const recipient = recipientBlock(p, def.defaultOffice);
  const replyBy = facts.replyBy && isCalendarDate(facts.replyBy) ? facts.replyBy : addDays(facts.letterDate, def.replyDays);
  const paragraphs = [
    salutation(p, def.defaultOffice),
    ...def.body(p),
    howToReply(p, replyBy),
    ...closing(p),
  ];
  return {
    kind, title: def.rule ? `${def.title} (${def.rule})` : def.title, senderBlock: sender, recipientBlock: recipient,
    date: longDate(facts.letterDate), paragraphs, replyBy, fieldsMissing: blanks.list(),
  };
}

/**
 * The patient part of the facts from the person's profile. `facility` picks the record number
 * kept for that hospital (names compared without case or surrounding spaces).
 */
export function patientFromProfile(profile: PersonProfile, facility?: string | null): LetterFacts['patient'] {
  const key = facility?.trim().toLowerCase();
  const record = key ? profile.recordNumbers.find((r) => r.facility.trim().toLowerCase() === key) : undefined;
  return {
    legalName: profile.legalName, formerNames: profile.formerNames, birthDate: profile.birthDate,
    address: profile.address, phone: profile.phone, email: profile.email,
    recordNumber: record?.number ?? null, representative: profile.representative,
  };
}
