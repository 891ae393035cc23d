/** The AI-use questionnaire: the current version, its model, and pure helpers over answers. */
import { QUESTIONNAIRE_V1 } from './questions-v1';
import type { Question, Questionnaire } from './model';

export * from './model';
export { answerStatus, flagsOf, progressOf, isAnswered, type AnswerStatus, type Progress } from './answers';
export { parseAnswerValue, type ParsedAnswerValue } from './parse-value';

/** The questionnaire the app asks now. */
export const QUESTIONNAIRE: Questionnaire = QUESTIONNAIRE_V1;

const BY_ID = new Map(QUESTIONNAIRE.questions.map((q) => [q.id, q]));

export function questionById(id: string): Question | undefined {
  return BY_ID.get(id);
}
