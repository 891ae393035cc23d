/**
 * Carried-over answers: what the same facility said on another exam, offered for the questions
 * this exam has no answer to yet. They are suggestions only ("carried over, confirm"): nothing is
 * written until the patient confirms, which records a new answer citing the one it came from.
 */
import type { CarriedOver } from '../../../shared/api/ai-record';
import { answerStatus, type AnswerValue } from '../../../shared/questionnaire';
import { facilityAnswers } from '../db/ai-answers';
import type { ExamRow } from '../db/ai-exams';
import type { VaultDatabase } from '../db/database';
import { toAnswer } from './exam-view';

export function carriedOverFor(db: VaultDatabase, exam: ExamRow, current: ReadonlyMap<string, AnswerValue>): CarriedOver[] {
  if (exam.facilityId === null) return [];
  const out = new Map<string, CarriedOver>();
  for (const a of facilityAnswers(db, exam.facilityId, exam.id)) {
    // Newest first: the first per question wins. "Will find out" is no answer worth carrying.
    if (current.has(a.questionId) || out.has(a.questionId) || answerStatus(a.value) === 'will-find-out') continue;
    out.set(a.questionId, { questionId: a.questionId, fromExamId: a.examId, fromAnswerId: a.id, answer: toAnswer(a), label: 'carried over, confirm' });
  }
  return [...out.values()];
}
