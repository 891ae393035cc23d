/**
 * SQL for answers (every version kept: a new one supersedes the current one, nothing is
 * overwritten) and follow-ups. Answer text is patient data: never log it.
 */
import type { AnswerValue } from '../../../shared/questionnaire';
import type { VaultDatabase, WritableDB } from './database';

export type AnswerHowRow = 'in-person' | 'phone' | 'portal' | 'email' | 'letter' | 'document' | 'other';

export interface AnswerFields {
  value: AnswerValue;
  detail: string | null;
  detailDate: string | null;
  by: string | null;
  role: string | null;
  org: string | null;
  how: AnswerHowRow | null;
  date: string | null;
  quote: string | null;
  notes: string | null;
  carriedFromAnswerId: number | null;
}

export interface AnswerRow extends AnswerFields {
  id: number;
  examId: number;
  questionId: string;
  recordedAt: string;
  supersededAt: string | null;
}

interface AnswerDbRow {
  id: number; exam_id: number; question_id: string; value: string; detail: string | null; detail_date: string | null;
  answered_by: string | null; role: string | null; org: string | null; how: AnswerHowRow | null; answered_on: string | null;
  quote: string | null; notes: string | null; carried_from: number | null; recorded_at: string; superseded_at: string | null;
}

function parseValue(json: string): AnswerValue {
  const v: unknown = JSON.parse(json);
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  return String(v);
}

function toAnswer(r: AnswerDbRow): AnswerRow {
  return {
    id: r.id, examId: r.exam_id, questionId: r.question_id, value: parseValue(r.value), detail: r.detail, detailDate: r.detail_date,
    by: r.answered_by, role: r.role, org: r.org, how: r.how, date: r.answered_on, quote: r.quote, notes: r.notes,
    carriedFromAnswerId: r.carried_from, recordedAt: r.recorded_at, supersededAt: r.superseded_at,
  };
}

/** Records a new version; the current one (if any) becomes history. Returns the new id. */
export function insertAnswerVersion(db: WritableDB, examId: number, questionId: string, a: AnswerFields, now: string): number {
  db.prepare('UPDATE ai_answers SET superseded_at = ? WHERE exam_id = ? AND question_id = ? AND superseded_at IS NULL').run(now, examId, questionId);
  return Number(db.prepare(`INSERT INTO ai_answers (exam_id, question_id, value, detail, detail_date, answered_by, role, org, how,
      answered_on, quote, notes, carried_from, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(examId, questionId, JSON.stringify(a.value), a.detail, a.detailDate, a.by, a.role, a.org, a.how, a.date, a.quote, a.notes,
      a.carriedFromAnswerId, now).lastInsertRowid);
}

/** Every version of every answer of these exams, oldest first per question. */
export function answersOfExams(db: VaultDatabase, examIds: readonly number[]): AnswerRow[] {
  const rows = db.prepare(`SELECT * FROM ai_answers WHERE exam_id IN (SELECT value FROM json_each(?)) ORDER BY exam_id, question_id, id`)
    .all(JSON.stringify(examIds)) as AnswerDbRow[];
  return rows.map(toAnswer);
}

/** Current answers of these exams (for progress and flags across many exams). */
export function currentAnswersOfExams(db: VaultDatabase, examIds: readonly number[] | 'all'): AnswerRow[] {
  const rows = (examIds === 'all'
    ? db.prepare('SELECT * FROM ai_answers WHERE superseded_at IS NULL ORDER BY exam_id, question_id').all()
    : db.prepare('SELECT * FROM ai_answers WHERE superseded_at IS NULL AND exam_id IN (SELECT value FROM json_each(?)) ORDER BY exam_id, question_id')
      .all(JSON.stringify(examIds))) as AnswerDbRow[];
  return rows.map(toAnswer);
}

export function readAnswer(db: VaultDatabase, answerId: number): AnswerRow | null {
  const row = db.prepare('SELECT * FROM ai_answers WHERE id = ?').get(answerId) as AnswerDbRow | undefined;
  return row ? toAnswer(row) : null;
}

// ---- follow-ups ----

export interface FollowUpRow { examId: number; questionId: string; dueDate: string }

export function setFollowUpRow(db: WritableDB, examId: number, questionId: string, dueDate: string | null, now: string): void {
  if (dueDate === null) {
    db.prepare('DELETE FROM ai_follow_ups WHERE exam_id = ? AND question_id = ?').run(examId, questionId);
    return;
  }
  db.prepare(`INSERT INTO ai_follow_ups (exam_id, question_id, due_date, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (exam_id, question_id) DO UPDATE SET due_date = excluded.due_date`).run(examId, questionId, dueDate, now);
}

export function followUpRows(db: VaultDatabase, examIds: readonly number[] | 'all'): FollowUpRow[] {
  const rows = (examIds === 'all'
    ? db.prepare('SELECT exam_id, question_id, due_date FROM ai_follow_ups ORDER BY due_date, exam_id, question_id').all()
    : db.prepare('SELECT exam_id, question_id, due_date FROM ai_follow_ups WHERE exam_id IN (SELECT value FROM json_each(?)) ORDER BY due_date, exam_id, question_id')
      .all(JSON.stringify(examIds))) as { exam_id: number; question_id: string; due_date: string }[];
  return rows.map((r) => ({ examId: r.exam_id, questionId: r.question_id, dueDate: r.due_date }));
}

/** Current answers given on the facility's other exams, newest first (for carried-over suggestions). */
export function facilityAnswers(db: VaultDatabase, facilityId: number, excludeExamId: number): AnswerRow[] {
  const rows = db.prepare(`SELECT a.* FROM ai_answers a JOIN ai_exams e ON e.id = a.exam_id
    WHERE e.facility_id = ? AND e.id <> ? AND a.superseded_at IS NULL ORDER BY a.recorded_at DESC, a.id DESC`)
    .all(facilityId, excludeExamId) as AnswerDbRow[];
  return rows.map(toAnswer);
}
