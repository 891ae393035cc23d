/**
 * Answers and follow-ups. Recording an answer never overwrites: it adds a version and the one
 * before becomes history. Each change is one history entry with ids (and the question id, which
 * is fixed vocabulary, not patient data).
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { AnswerWithHistory } from '../../../shared/api/ai-record';
import { parseAnswerValue, questionById } from '../../../shared/questionnaire';
import { answersOfExams, currentAnswersOfExams, followUpRows, insertAnswerVersion, readAnswer, setFollowUpRow } from '../db/ai-answers';
import { listExamRows, readExam } from '../db/ai-exams';
import { appendEvent } from '../vault/event-log';
import { badRequest, notFound, nowIso, today, type AiContext } from './context';
import { currentByExam, openFollowUps, withHistory } from './exam-view';

const UNKNOWN_QUESTION = 'That question is not in the questionnaire. Run “scanvault questions” (or open the exam) to see the question ids.';
const NOT_OPEN = 'That question already has an answer, so it needs no follow-up. Record a new answer if it changes.';

function question(id: string) {
  const q = questionById(id);
  if (!q) throw badRequest(UNKNOWN_QUESTION);
  return q;
}

export async function recordAnswer(ctx: AiContext, input: ApiParsedInput<'recordAnswer'>): Promise<AnswerWithHistory> {
  const q = question(input.questionId);
  const parsed = parseAnswerValue(q, input.value);
  if (!parsed.ok) throw badRequest(parsed.message);
  const vault = ctx.vault();
  await vault.writes.run((db) => {
    if (!readExam(db, input.examId)) throw notFound('exam');
    const carried = input.carriedFromAnswerId ?? null;
    if (carried !== null && readAnswer(db, carried) === null) throw notFound('answer');
    const id = insertAnswerVersion(db, input.examId, q.id, {
      value: parsed.value, detail: input.detail ?? null, detailDate: input.detailDate ?? null, by: input.by ?? null,
      role: input.role ?? null, org: input.org ?? null, how: input.how ?? null, date: input.date ?? today(ctx),
      quote: input.quote ?? null, notes: input.notes ?? null, carriedFromAnswerId: carried,
    }, nowIso(ctx));
    appendEvent(db, 'answer-recorded', { examId: input.examId, answerId: id, questionId: q.id, carriedFromAnswerId: carried });
  });
  const mine = withHistory(answersOfExams(vault.db, [input.examId]).filter((a) => a.questionId === q.id));
  const [answer] = mine;
  if (!answer) throw notFound('exam');
  return answer;
}

export async function setFollowUp(ctx: AiContext, input: ApiParsedInput<'setFollowUp'>): Promise<ApiOutput<'setFollowUp'>> {
  const q = question(input.questionId);
  const vault = ctx.vault();
  await vault.writes.run((db) => {
    const exam = readExam(db, input.examId);
    if (!exam) throw notFound('exam');
    const current = currentByExam(currentAnswersOfExams(db, [exam.id])).get(exam.id);
    const open = openFollowUps([{ examId: exam.id, questionId: q.id, dueDate: input.dueDate ?? '9999-12-31' }], new Map(current ? [[exam.id, current]] : []),
      new Map([[exam.id, exam]]), today(ctx));
    if (input.dueDate !== null && open.length === 0) throw badRequest(NOT_OPEN);
    setFollowUpRow(db, exam.id, q.id, input.dueDate, nowIso(ctx));
    appendEvent(db, 'ai-follow-up-set', { examId: exam.id, questionId: q.id, cleared: input.dueDate === null });
  });
  const followUp = listFollowUps(ctx).followUps.find((f) => f.examId === input.examId && f.questionId === q.id) ?? null;
  return { followUp };
}

/** Open follow-ups across all exams, soonest due first. */
export function listFollowUps(ctx: AiContext): ApiOutput<'listFollowUps'> {
  const db = ctx.vault().db;
  const exams = new Map(listExamRows(db).map((e) => [e.id, e]));
  const current = currentByExam(currentAnswersOfExams(db, 'all'));
  return { followUps: openFollowUps(followUpRows(db, 'all'), current, exams, today(ctx)) };
}
