/**
 * Checks a value typed or chosen for a question against its answer type, with a plain message
 * that says what to type instead. The CLI passes multi answers as "a,b"; the UI passes a list.
 */
import { NON_ANSWERS, YNU_VALUES, type AnswerValue, type Question } from './model';

export type ParsedAnswerValue = { ok: true; value: AnswerValue } | { ok: false; message: string };

export const MAX_TEXT_ANSWER = 4000;

const nonAnswers = NON_ANSWERS as readonly string[];

function listOf(allowed: readonly string[]): string {
  return allowed.join(', ');
}

export function parseAnswerValue(question: Question, raw: AnswerValue): ParsedAnswerValue {
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case 'ynu': {
      const v = typeof raw === 'string' ? raw.trim().toLowerCase() : raw.length === 1 ? (raw[0] ?? '').trim().toLowerCase() : '';
      return (YNU_VALUES as readonly string[]).includes(v) ? { ok: true, value: v } : { ok: false, message: `Answer with one of: ${listOf(YNU_VALUES)}.` };
    }
    case 'choice': {
      const v = typeof raw === 'string' ? raw.trim().toLowerCase() : raw.length === 1 ? (raw[0] ?? '').trim().toLowerCase() : '';
      const allowed = [...options, ...nonAnswers];
      return allowed.includes(v) ? { ok: true, value: v } : { ok: false, message: `Choose one of: ${listOf(allowed)}.` };
    }
    case 'multi': {
      const parts = (typeof raw === 'string' ? raw.split(',') : [...raw]).map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
      const unique = [...new Set(parts)];
      if (unique.length === 0) return { ok: false, message: `Choose at least one of: ${listOf(options)} (or ${listOf(nonAnswers)}).` };
      const bad = unique.filter((p) => !options.includes(p) && !nonAnswers.includes(p));
      if (bad.length > 0) return { ok: false, message: `Choose from: ${listOf(options)} (or ${listOf(nonAnswers)}).` };
      if (unique.length > 1 && unique.some((p) => nonAnswers.includes(p))) {
        return { ok: false, message: `${listOf(nonAnswers)} can only be given on their own.` };
      }
      return { ok: true, value: unique.length === 1 && nonAnswers.includes(unique[0] ?? '') ? unique[0] ?? '' : options.filter((o) => unique.includes(o)) };
    }
    case 'text': {
      const v = typeof raw === 'string' ? raw.trim() : raw.join(', ').trim();
      if (v === '') return { ok: false, message: 'Type what they said, or answer unknown, refused or will-find-out.' };
      if (v.length > MAX_TEXT_ANSWER) return { ok: false, message: `An answer can be at most ${MAX_TEXT_ANSWER} characters; attach longer text as a document.` };
      return { ok: true, value: nonAnswers.includes(v.toLowerCase()) ? v.toLowerCase() : v };
    }
  }
}
