/**
 * Plain words for exams, flags and passages, shared by the screens and the printouts. Pure (no DOM),
 * so the wording is unit-tested.
 */
import type { ExamSummary } from '../../../../shared/api/ai-record';
import { AI_FLAG_LABELS, questionById, type AiFlag } from '../../../../shared/questionnaire';
import { formatDicomDate, modalityLabel } from '../../format';

/** One sentence per flag, for the exam page (the badge says the short label). */
export const FLAG_EXPLANATIONS: Record<AiFlag, string> = {
  'ai-used': 'AI software was used on this exam.',
  cloud: 'Your images or data were sent to an outside company or cloud service.',
  'outside-country': 'Your data was processed in another country.',
  'training-use': 'Your images are used to train, test or research AI.',
  'sold-or-shared': 'Your images or data were sold, licensed or shared with a company.',
  'no-opt-out': 'They said you cannot opt out.',
  'no-human-review': 'Something the AI produced was not checked by a person.',
};

export function flagLabel(flag: AiFlag): string {
  return AI_FLAG_LABELS[flag];
}

/** Flags that mean data left the hospital (the dashboard's "sent data outside"). */
export const OUTSIDE_FLAGS: readonly AiFlag[] = ['cloud', 'outside-country', 'sold-or-shared'];

/** What kind of exam, in words: "CT scan of the chest", "MRI", or the study's own description. */
export function examKind(exam: Pick<ExamSummary, 'modality' | 'bodyPart' | 'studyDescription'>): string {
  const kind = exam.modality ? modalityOrText(exam.modality) : null;
  if (kind && exam.bodyPart) return `${kind} of the ${exam.bodyPart.toLowerCase()}`;
  if (kind) return kind;
  if (exam.bodyPart) return `Exam of the ${exam.bodyPart.toLowerCase()}`;
  return exam.studyDescription ?? 'Exam';
}

/** A modality code in words; free text the patient typed is shown as typed. */
function modalityOrText(value: string): string {
  return /^[A-Z]{2,3}$/.test(value.trim()) ? modalityLabel(value) : value;
}

/** "12 March 2026, CT scan of the chest": the exam's name on buttons, headings and letters. */
export function examLabel(exam: Pick<ExamSummary, 'date' | 'studyDate' | 'modality' | 'bodyPart' | 'studyDescription'>): string {
  const date = formatDicomDate(exam.date ?? exam.studyDate) ?? 'Date not set';
  return `${date}, ${examKind(exam)}`;
}

/** "7 of 23 answered". */
export function progressText(answered: number, total: number): string {
  return `${answered} of ${total} answered`;
}

/**
 * Where the matched phrase sits in the passage's context, for highlighting. The phrase is the page's
 * own text (it may hold a line break or a split hyphen); the context is cleaned, so the phrase is
 * looked for with its whitespace collapsed and line-break hyphens joined, ignoring case.
 * Null when it cannot be found (the context is then shown as it is).
 */
export function highlightParts(context: string, phrase: string): { before: string; match: string; after: string } | null {
  const wanted = phrase.replace(/([\p{L}])[-\u2010]\s*\n\s*(?=\p{L})/gu, '$1').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (wanted === '') return null;
  const at = context.toLowerCase().indexOf(wanted);
  if (at < 0) return null;
  return { before: context.slice(0, at), match: context.slice(at, at + wanted.length), after: context.slice(at + wanted.length) };
}

/** A question's text by id (the id itself for a question this version does not know). */
export function questionText(id: string): string {
  return questionById(id)?.text ?? id;
}
