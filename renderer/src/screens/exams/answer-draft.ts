/**
 * The answer form's state and its checks, kept apart from the form so they can be unit-tested:
 * a draft is what the fields hold (strings and ticked options); `draftToInput` turns it into what
 * `recordAnswer` takes, with the questionnaire's own value check and a plain message per field.
 */
import type { Answer, AnswerHow } from '../../../../shared/api/ai-record';
import { NON_ANSWERS, NON_ANSWER_LABELS, parseAnswerValue, type AnswerValue, type NonAnswer, type Question } from '../../../../shared/questionnaire';
import { isRealDate } from '../../../../shared/person-profile';

export interface AnswerDraft {
  /** ynu, choice and text: the chosen value or typed text; '' when nothing is chosen yet. */
  single: string;
  /** multi: the ticked options. */
  multi: string[];
  /** A non-answer chosen instead of the question's own values ('' when none). */
  nonAnswer: NonAnswer | '';
  detail: string;
  detailDate: string;
  by: string;
  role: string;
  org: string;
  how: AnswerHow | '';
  date: string;
  quote: string;
  notes: string;
}

export type AnswerField = keyof AnswerDraft;
export type AnswerErrors = Partial<Record<AnswerField, string>>;

export const HOW_LABELS: Record<AnswerHow, string> = {
  'in-person': 'In person',
  phone: 'By phone',
  portal: 'Patient portal',
  email: 'By email',
  letter: 'By letter',
  document: 'In a document (a form or notice)',
  other: 'Another way',
};

export const YN_LABELS: Record<'yes' | 'no', string> = { yes: 'Yes', no: 'No' };

export function emptyDraft(today: string): AnswerDraft {
  return { single: '', multi: [], nonAnswer: '', detail: '', detailDate: '', by: '', role: '', org: '', how: '', date: today, quote: '', notes: '' };
}

function isNonAnswer(v: string): v is NonAnswer {
  return (NON_ANSWERS as readonly string[]).includes(v);
}

/** The fields filled from a stored answer (to edit it, or to confirm a carried-over one). */
export function draftFromAnswer(question: Question, answer: Answer): AnswerDraft {
  const value = answer.value;
  const only = typeof value === 'string' ? value : value.length === 1 ? value[0] ?? '' : '';
  const nonAnswer = isNonAnswer(only) ? only : '';
  return {
    single: nonAnswer === '' && typeof value === 'string' ? value : '',
    multi: nonAnswer === '' && question.type === 'multi' ? (typeof value === 'string' ? [value] : [...value]) : [],
    nonAnswer,
    detail: answer.detail ?? '',
    detailDate: answer.detailDate ?? '',
    by: answer.by ?? '',
    role: answer.role ?? '',
    org: answer.org ?? '',
    how: answer.how ?? '',
    date: answer.date ?? '',
    quote: answer.quote ?? '',
    notes: answer.notes ?? '',
  };
}

function rawValue(question: Question, draft: AnswerDraft): AnswerValue {
  if (draft.nonAnswer !== '') return draft.nonAnswer;
  return question.type === 'multi' ? draft.multi : draft.single;
}

function checkDate(text: string, what: string): string | null {
  if (text.trim() === '' || isRealDate(text.trim())) return null;
  return `${what}: write it as YYYY-MM-DD and check that the day exists.`;
}

export type DraftResult =
  | { ok: true; value: { value: string | string[]; detail: string; detailDate: string; by: string; role: string; org: string; how: AnswerHow | null; date: string; quote: string; notes: string } }
  | { ok: false; errors: AnswerErrors };

/** Checks the draft; empty text is sent as '' (the contract stores it as "not given"). */
export function draftToInput(question: Question, draft: AnswerDraft): DraftResult {
  const errors: AnswerErrors = {};
  const noValue = draft.nonAnswer === '' && (question.type === 'multi' ? draft.multi.length === 0 : draft.single.trim() === '');
  const parsed = noValue ? null : parseAnswerValue(question, rawValue(question, draft));
  if (noValue) errors[question.type === 'multi' ? 'multi' : 'single'] = 'Choose or type their answer first (or say they don’t know, would not say, or will find out).';
  else if (parsed && !parsed.ok) errors[question.type === 'multi' ? 'multi' : 'single'] = parsed.message;
  const dateError = checkDate(draft.date, 'When they answered');
  if (dateError) errors.date = dateError;
  const detailDateError = checkDate(draft.detailDate, question.date ?? 'Date');
  if (detailDateError) errors.detailDate = detailDateError;
  if (Object.keys(errors).length > 0 || !parsed?.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      value: typeof parsed.value === 'string' ? parsed.value : [...parsed.value],
      detail: draft.detail, detailDate: draft.detailDate.trim(),
      by: draft.by, role: draft.role, org: draft.org,
      how: draft.how === '' ? null : draft.how,
      date: draft.date.trim(), quote: draft.quote, notes: draft.notes,
    },
  };
}

/** A stored value in plain words: "Yes", "Looked for findings, Measured something", "They don’t know". */
export function describeValue(question: Question | undefined, value: AnswerValue): string {
  const values = typeof value === 'string' ? [value] : [...value];
  return values.map((v) => {
    if (isNonAnswer(v)) return NON_ANSWER_LABELS[v];
    if (question?.type === 'ynu' && (v === 'yes' || v === 'no')) return YN_LABELS[v];
    return question?.options?.find((o) => o.value === v)?.label ?? v;
  }).join(', ');
}
