/**
 * Turns rows into the contract's shapes: an exam with its progress, flags and follow-up counts,
 * an answer with its history, an open follow-up. Pure: no database access.
 */
import type { Answer, AnswerWithHistory, ExamSummary, FollowUp } from '../../../shared/api/ai-record';
import { QUESTIONNAIRE, answerStatus, flagsOf, progressOf, type AnswerValue } from '../../../shared/questionnaire';
import type { AnswerRow, FollowUpRow } from '../db/ai-answers';
import type { ExamRow } from '../db/ai-exams';

/** DICOM dates are YYYYMMDD; the record shows YYYY-MM-DD. */
export function isoFromDicomDate(d: string | null): string | null {
  return d !== null && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
}

export function toAnswer(r: AnswerRow): Answer {
  return {
    id: r.id, examId: r.examId, questionId: r.questionId, value: typeof r.value === 'string' ? r.value : [...r.value], detail: r.detail,
    detailDate: r.detailDate, by: r.by, role: r.role, org: r.org, how: r.how, date: r.date, quote: r.quote, notes: r.notes,
    carriedFromAnswerId: r.carriedFromAnswerId, recordedAt: r.recordedAt,
  };
}

/** Groups versions (oldest first, as read) into current answers with their history, newest first. */
export function withHistory(versions: readonly AnswerRow[]): AnswerWithHistory[] {
  const byQuestion = new Map<string, AnswerRow[]>();
  for (const v of versions) byQuestion.set(`${v.examId}\u0000${v.questionId}`, [...(byQuestion.get(`${v.examId}\u0000${v.questionId}`) ?? []), v]);
  const out: AnswerWithHistory[] = [];
  for (const list of byQuestion.values()) {
    const current = list.find((v) => v.supersededAt === null);
    if (!current) continue;
    const history = list.filter((v) => v !== current).reverse()
      .map((v) => ({ ...toAnswer(v), changedAt: v.supersededAt ?? current.recordedAt }));
    out.push({ ...toAnswer(current), history });
  }
  const order = new Map(QUESTIONNAIRE.questions.map((q, i) => [q.id, i]));
  return out.sort((a, b) => (order.get(a.questionId) ?? 1e9) - (order.get(b.questionId) ?? 1e9) || a.questionId.localeCompare(b.questionId));
}

/** Still open: unanswered, or answered "will find out". Null once the question is answered. */
export function followUpStatus(current: AnswerValue | undefined): FollowUp['status'] | null {
  if (current === undefined) return 'unanswered';
  return answerStatus(current) === 'will-find-out' ? 'will-find-out' : null;
}

export function openFollowUps(rows: readonly FollowUpRow[], current: ReadonlyMap<number, ReadonlyMap<string, AnswerValue>>,
  exams: ReadonlyMap<number, ExamRow>, today: string): FollowUp[] {
  const out: FollowUp[] = [];
  for (const r of rows) {
    const status = followUpStatus(current.get(r.examId)?.get(r.questionId));
    const exam = exams.get(r.examId);
    if (status === null || !exam) continue;
    out.push({
      examId: r.examId, questionId: r.questionId, dueDate: r.dueDate, status, overdue: r.dueDate < today,
      examDate: examDate(exam), facilityName: exam.facilityName,
    });
  }
  return out;
}

export function examDate(e: ExamRow): string | null {
  return e.plannedDate ?? isoFromDicomDate(e.studyDate);
}

export function toExamSummary(e: ExamRow, current: ReadonlyMap<string, AnswerValue>, followUps: readonly FollowUp[]): ExamSummary {
  const progress = progressOf(QUESTIONNAIRE, current);
  const mine = followUps.filter((f) => f.examId === e.id);
  return {
    id: e.id, personId: e.personId, personName: e.personName, studyId: e.studyId, studyInstanceUid: e.studyInstanceUid,
    studyDate: isoFromDicomDate(e.studyDate), studyDescription: e.studyDescription, origin: e.origin, date: examDate(e),
    facilityId: e.facilityId, facilityName: e.facilityName,
    modality: e.modality ?? e.studyModalities?.split(',')[0] ?? null, bodyPart: e.bodyPart, orderingProvider: e.orderingProvider, reason: e.reason,
    answered: progress.answered, total: progress.total, flags: flagsOf(QUESTIONNAIRE, current),
    followUpsOpen: mine.length, followUpsOverdue: mine.filter((f) => f.overdue).length,
  };
}

/** Current values by exam, then question. */
export function currentByExam(rows: readonly AnswerRow[]): Map<number, Map<string, AnswerValue>> {
  const out = new Map<number, Map<string, AnswerValue>>();
  for (const r of rows) {
    if (r.supersededAt !== null) continue;
    const m = out.get(r.examId) ?? new Map<string, AnswerValue>();
    m.set(r.questionId, r.value);
    out.set(r.examId, m);
  }
  return out;
}

