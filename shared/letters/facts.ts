/**
 * The facts a letter is filled from, as zod schemas so the API contract can reuse them. Every
 * fact may be missing: the letter then shows a visible blank such as "[your address]" and lists
 * it in `fieldsMissing`. Dates are YYYY-MM-DD. The patient part maps one-to-one onto the person's
 * profile (shared/person-profile.ts); `patientFromProfile` (./index.ts) does that mapping.
 */
import { z } from 'zod';

const text = z.string().trim().max(2000).nullable().optional();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write dates as YYYY-MM-DD.').nullable().optional();

export const LETTER_KINDS = ['ai-use-inquiry', 'accounting', 'access', 'restriction', 'complaint-worksheet'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LetterPatient = z.object({
  legalName: text,
  formerNames: z.array(z.string()).optional(),
  birthDate: date,
  address: text,
  phone: text,
  email: text,
  /** The medical record number at the recipient, if known (optional in every letter). */
  recordNumber: text,
  /** Someone writing for the patient (parent, carer, legal representative). */
  representative: z.object({ name: z.string(), relationship: text, phone: text, email: text }).nullable().optional(),
});
export type LetterPatient = z.infer<typeof LetterPatient>;

export const LetterRecipient = z.object({
  organisation: text,
  /** Privacy Officer, Release of Information, Health Information Management... */
  office: text,
  address: text,
});
export type LetterRecipient = z.infer<typeof LetterRecipient>;

export const LetterExam = z.object({
  facility: text,
  modality: text,
  bodyPart: text,
  date,
  accession: text,
  orderingPhysician: text,
  readingPhysician: text,
});
export type LetterExam = z.infer<typeof LetterExam>;

export const LetterFacts = z.object({
  patient: LetterPatient,
  recipient: LetterRecipient.optional(),
  exam: LetterExam.nullable().optional(),
  /** The date written on the letter; reply-by dates are counted from it. */
  letterDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Overrides the suggested reply-by date. */
  replyBy: date,
  /** AI-use inquiry: the question texts the patient chose, in order. */
  questions: z.array(z.string().trim().min(1)).optional(),
  /** AI-use inquiry: two-letter US state where the exam took place (TX, CA and CO add a sentence). */
  examState: text,
  /** Accounting: the period asked about (at most six years before the letter). */
  periodFrom: date,
  periodTo: date,
  /** Accounting: when the patient last asked this provider for an accounting. */
  lastAccountingRequest: date,
  /** Access: how the copy should come ("a download link", "a USB drive", "a CD"). */
  copyFormat: text,
  /** Access: send the copy to this other person or practice instead (name and address). */
  sendCopyTo: text,
  /** Restriction: the use to stop, in the patient's words (a default sentence is used otherwise). */
  restrictedUse: text,
  /** Restriction: a company the patient names (an AI vendor). */
  vendorName: text,
  /** Restriction: services paid in full out of pocket, to keep from the health plan. */
  selfPaidItems: text,
  /** Restriction: another way to be contacted (confidential communications). */
  alternateContact: text,
  /** Complaint worksheet. */
  dateLearned: date,
  whatHappened: text,
  whyWrong: text,
  whenHappened: text,
  relationToOrganisation: z.enum(['patient', 'employee', 'other']).nullable().optional(),
  earlierCaseNumber: text,
  earlierLetters: z.array(z.object({ date: z.string(), what: z.string(), reply: z.string().nullable().optional() })).optional(),
});
export type LetterFacts = z.infer<typeof LetterFacts>;

/** A letter ready to show, edit and print. */
export interface FilledLetter {
  kind: LetterKind;
  title: string;
  /** Who writes (the patient, or their representative for them), one line per row, "\n" between. */
  senderBlock: string;
  /** Organisation, office and address, "\n" between lines. */
  recipientBlock: string;
  /** The letter date written out ("December 2, 2026"). */
  date: string;
  /** Salutation, body, closing and signature, in order; list items are paragraphs of their own. */
  paragraphs: string[];
  /** The suggested or given reply-by date (YYYY-MM-DD), or null when the letter asks none. */
  replyBy: string | null;
  /** The blanks left in the text, as written inside their brackets ("your address"). */
  fieldsMissing: string[];
}
