/** Pure helpers over answers: what counts as answered, progress, and the flags a set of answers raises. */
import { AI_FLAGS, NON_ANSWERS, type AiFlag, type AnswerValue, type NonAnswer, type Question, type Questionnaire } from './model';

export type AnswerStatus = 'answered' | NonAnswer;

function isNonAnswer(v: string): v is NonAnswer {
  return (NON_ANSWERS as readonly string[]).includes(v);
}

/** A value that is exactly one non-answer (alone, or as the only item of a multi answer) is that non-answer. */
export function answerStatus(value: AnswerValue): AnswerStatus {
  const only = typeof value === 'string' ? value : value.length === 1 ? value[0] : undefined;
  return only !== undefined && isNonAnswer(only) ? only : 'answered';
}

/**
 * Whether the provider was asked and gave a reply: "unknown" and "refused" count (they were asked),
 * "will find out" does not (the patient is still waiting).
 */
export function isAnswered(value: AnswerValue | undefined): boolean {
  return value !== undefined && answerStatus(value) !== 'will-find-out';
}

export interface Progress {
  answered: number;
  total: number;
}

/** "7 of 23 answered": counts only questions of this questionnaire; answers to other ids are ignored. */
export function progressOf(questionnaire: Questionnaire, answers: ReadonlyMap<string, AnswerValue>): Progress {
  const answered = questionnaire.questions.filter((q) => isAnswered(answers.get(q.id))).length;
  return { answered, total: questionnaire.questions.length };
}

function raises(question: Question, value: AnswerValue): AiFlag[] {
  const values = typeof value === 'string' ? [value] : value;
  return (question.flags ?? []).filter((rule) => values.some((v) => rule.when.includes(v))).map((rule) => rule.flag);
}

/** The flags a set of answers raises, in the vocabulary's order, each once. */
export function flagsOf(questionnaire: Questionnaire, answers: ReadonlyMap<string, AnswerValue>): AiFlag[] {
  const raised = new Set<AiFlag>();
  for (const q of questionnaire.questions) {
    const value = answers.get(q.id);
    if (value !== undefined) for (const f of raises(q, value)) raised.add(f);
  }
  return AI_FLAGS.filter((f) => raised.has(f));
}
