/**
 * A letter's text: filled from the vault's facts by shared/letters, with the patient's edits on top
 * (kept in the letter's draft, one field per part). Pure, so it is unit-tested.
 */
import type { ExamSummary, LetterKind, Provider } from '../../../../shared/api/ai-record';
import { fillLetter, LETTERS, patientFromProfile, type LetterFacts, type LetterKind as FillKind } from '../../../../shared/letters';
import type { PersonProfile } from '../../../../shared/person-profile';
import { modalityLabel } from '../../format';

/** The contract's letter kinds and shared/letters' kinds differ in two names. */
const FILL_KIND: Record<LetterKind, FillKind> = {
  'ai-inquiry': 'ai-use-inquiry',
  accounting: 'accounting',
  access: 'access',
  restriction: 'restriction',
  complaint: 'complaint-worksheet',
};

export const LETTER_KIND_ORDER: readonly LetterKind[] = ['ai-inquiry', 'accounting', 'access', 'restriction', 'complaint'];

export function letterDefinition(kind: LetterKind) {
  const def = LETTERS.find((l) => l.kind === FILL_KIND[kind]);
  if (!def) throw new RangeError(`no letter for ${kind}`);
  return def;
}

/** The parts a patient can edit, by draft field name. */
export const LETTER_FIELDS = ['sender', 'date', 'recipient', 'title', 'body'] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];
export type LetterText = Record<LetterField, string>;

/** "20260312" or "2026-03-12" -> "2026-03-12"; anything else -> null. */
function isoOf(date: string | null): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date?.trim() ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export interface LetterSources {
  exam: ExamSummary | null;
  recipient: Provider | null;
  patient: PersonProfile | null;
  /** The AI-use inquiry asks these (the exam's unanswered questions). */
  questions: readonly string[];
  today: string;
}

/** Facts the patient gives in the editor, kept in the draft beside the text edits. */
export const DATE_LEARNED = 'fact.dateLearned';

export function factsFor(src: LetterSources, draft: Readonly<Record<string, string>> = {}): LetterFacts {
  const { exam, recipient, patient } = src;
  const facilityName = recipient?.name ?? exam?.facilityName ?? null;
  const modality = exam?.modality ? (/^[A-Z]{2,3}$/.test(exam.modality) ? modalityLabel(exam.modality) : exam.modality) : null;
  return {
    patient: patient ? patientFromProfile(patient, facilityName) : {},
    recipient: { organisation: facilityName, office: recipient?.privacyOfficer ?? null, address: recipient?.contact ?? null },
    exam: exam ? {
      facility: exam.facilityName, modality, bodyPart: exam.bodyPart?.toLowerCase() ?? null,
      date: isoOf(exam.date ?? exam.studyDate), accession: null, orderingPhysician: exam.orderingProvider, readingPhysician: null,
    } : null,
    letterDate: src.today,
    questions: [...src.questions],
    dateLearned: isoOf(draft[DATE_LEARNED] ?? null),
  };
}

/** What the vault fills in, then the patient's edits over it; `missing` lists the blanks left in the filled text. */
export function letterText(kind: LetterKind, src: LetterSources, draft: Readonly<Record<string, string>>): { text: LetterText; missing: string[] } {
  const filled = fillLetter(FILL_KIND[kind], factsFor(src, draft));
  const base: LetterText = {
    sender: filled.senderBlock,
    date: filled.date,
    recipient: filled.recipientBlock,
    title: filled.title,
    body: filled.paragraphs.join('\n\n'),
  };
  const text = { ...base };
  for (const f of LETTER_FIELDS) {
    const edited = draft[f];
    if (edited !== undefined) text[f] = edited;
  }
  const stillBlank = (label: string) => LETTER_FIELDS.some((f) => text[f].includes(`[${label}]`));
  return { text, missing: filled.fieldsMissing.filter(stillBlank) };
}

/** Only the parts that differ from the filled text are kept as edits (plus the facts given). */
export function draftOf(text: LetterText, filled: LetterText, facts: Readonly<Record<string, string>> = {}): Record<string, string> {
  const draft: Record<string, string> = { ...facts };
  for (const f of LETTER_FIELDS) if (text[f] !== filled[f]) draft[f] = text[f];
  return draft;
}

/** After a fact changed: parts the patient had not edited follow the new filled text; edits stay. */
export function refill(text: LetterText, before: LetterText, after: LetterText): LetterText {
  const next = { ...text };
  for (const f of LETTER_FIELDS) if (text[f] === before[f]) next[f] = after[f];
  return next;
}
