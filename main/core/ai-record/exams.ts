/**
 * Exams: list (with progress, flags and follow-ups), one exam in full, create a planned exam,
 * change its fields, link an imported study. Every change is one transaction with one history
 * entry holding ids only.
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { ExamSummary } from '../../../shared/api/ai-record';
import { answersOfExams, currentAnswersOfExams, followUpRows } from '../db/ai-answers';
import { documentsOf } from '../db/ai-documents';
import {
  adoptFacility, examOfStudy, foldExamInto, insertExam, linkStudy, listExamRows, personOfStudy, readExam, updateExamFields, type ExamFieldsRow, type ExamRow,
} from '../db/ai-exams';
import { providerExists, readProvider } from '../db/ai-providers';
import type { WritableDB } from '../db/database';
import { createPerson, personExists, setDisplayName } from '../db/people';
import { appendEvent } from '../vault/event-log';
import { carriedOverFor } from './carry-over';
import { badRequest, notFound, nowIso, today, type AiContext } from './context';
import { toDocumentInfo } from './document-view';
import { currentByExam, openFollowUps, toExamSummary, withHistory } from './exam-view';
import { lettersOfExam } from './letter-view';

const OTHER_PERSON = 'That study belongs to another person. Open the exams of that person, or first tell ScanVault they are the same person (Library → Profile and records).';
const ALREADY_LINKED = 'That study is already linked to another planned exam. Choose another study, or add your answers to that exam.';
const NOT_A_FACILITY = 'That is an AI company, not a facility. Choose the hospital or clinic where the exam takes place.';

/** Summaries of these exam rows, with one query each for answers and follow-ups. */
export function summarize(ctx: AiContext, rows: readonly ExamRow[]): ExamSummary[] {
  const db = ctx.vault().db;
  const ids = rows.map((r) => r.id);
  const current = currentByExam(currentAnswersOfExams(db, ids));
  const exams = new Map(rows.map((r) => [r.id, r]));
  const followUps = openFollowUps(followUpRows(db, ids), current, exams, today(ctx));
  return rows.map((r) => toExamSummary(r, current.get(r.id) ?? new Map(), followUps));
}

export function examSummary(ctx: AiContext, examId: number): ExamSummary {
  const row = readExam(ctx.vault().db, examId);
  if (!row) throw notFound('exam');
  const [summary] = summarize(ctx, [row]);
  if (!summary) throw notFound('exam');
  return summary;
}

export function listExams(ctx: AiContext, input: ApiParsedInput<'listExams'>): ApiOutput<'listExams'> {
  return { exams: summarize(ctx, listExamRows(ctx.vault().db, input.personId)) };
}

export function getExam(ctx: AiContext, input: ApiParsedInput<'getExam'>): ApiOutput<'getExam'> {
  const db = ctx.vault().db;
  const row = readExam(db, input.examId);
  if (!row) throw notFound('exam');
  const versions = answersOfExams(db, [row.id]);
  const current = currentByExam(versions).get(row.id) ?? new Map();
  const followUps = openFollowUps(followUpRows(db, [row.id]), new Map([[row.id, current]]), new Map([[row.id, row]]), today(ctx));
  return {
    exam: toExamSummary(row, current, followUps),
    answers: withHistory(versions),
    carriedOver: carriedOverFor(db, row, current),
    followUps,
    documents: documentsOf(db, { kind: 'exam', examId: row.id }).map(toDocumentInfo),
    letters: lettersOfExam(db, row.id),
  };
}

interface FieldsInput {
  date?: string | null | undefined; facilityId?: number | null | undefined; modality?: string | null | undefined;
  bodyPart?: string | null | undefined; orderingProvider?: string | null | undefined; reason?: string | null | undefined;
}

function checkFacility(db: WritableDB, facilityId: number | null): void {
  if (facilityId === null) return;
  if (!providerExists(db, facilityId)) throw notFound('provider');
  if (readProvider(db, facilityId)?.kind !== 'facility') throw badRequest(NOT_A_FACILITY);
}

/** The fields after applying what was sent (absent: unchanged). */
function merged(base: ExamFieldsRow, i: FieldsInput): ExamFieldsRow {
  return {
    plannedDate: i.date !== undefined ? i.date : base.plannedDate,
    facilityId: i.facilityId !== undefined ? i.facilityId : base.facilityId,
    modality: i.modality !== undefined ? i.modality : base.modality,
    bodyPart: i.bodyPart !== undefined ? i.bodyPart : base.bodyPart,
    orderingProvider: i.orderingProvider !== undefined ? i.orderingProvider : base.orderingProvider,
    reason: i.reason !== undefined ? i.reason : base.reason,
  };
}

const EMPTY: ExamFieldsRow = { plannedDate: null, facilityId: null, modality: null, bodyPart: null, orderingProvider: null, reason: null };

/**
 * Links a study to an exam in the same transaction. The exam the import made for that study is
 * folded into this one; a study already linked to another planned exam is refused.
 */
function linkInTx(db: WritableDB, exam: ExamRow, studyId: number, now: string): { folded: number | null; answersMoved: number } {
  const person = personOfStudy(db, studyId);
  if (person === null) throw notFound('study');
  if (person !== exam.personId) throw badRequest(OTHER_PERSON);
  const holder = examOfStudy(db, studyId);
  if (holder === exam.id) return { folded: null, answersMoved: 0 };
  let answersMoved = 0;
  if (holder !== null) {
    const other = readExam(db, holder);
    if (other?.origin === 'planned') throw badRequest(ALREADY_LINKED);
    answersMoved = foldExamInto(db, holder, exam.id, now).answers;
    // A planned exam without a facility takes the one the import found from the study.
    if (exam.facilityId === null && other?.facilityId != null) adoptFacility(db, exam.id, other.facilityId);
  }
  linkStudy(db, exam.id, studyId, person, now);
  return { folded: holder, answersMoved };
}

/** A person known by the name the patient typed; the name (not their records' names) is what the app shows. */
function newPerson(db: WritableDB, name: string, now: string): number {
  const id = createPerson(db, now);
  setDisplayName(db, id, name);
  return id;
}

export async function createExam(ctx: AiContext, input: ApiParsedInput<'createExam'>): Promise<ExamSummary> {
  const vault = ctx.vault();
  const examId = await vault.writes.run((db) => {
    if (input.personId !== undefined && !personExists(db, input.personId)) throw notFound('person');
    const fields = merged(EMPTY, input);
    checkFacility(db, fields.facilityId);
    const now = nowIso(ctx);
    // A new person is made in the same transaction, so a refused exam leaves no one behind.
    const personId = input.personId ?? newPerson(db, input.newPersonName ?? '', now);
    const id = insertExam(db, { ...fields, personId, studyId: null, now });
    const exam = readExam(db, id);
    if (!exam) throw notFound('exam');
    const link = input.studyId === undefined ? null : linkInTx(db, exam, input.studyId, now);
    appendEvent(db, 'ai-exam-created', {
      examId: id, personId, personCreated: input.personId === undefined, studyId: input.studyId ?? null, foldedExamId: link?.folded ?? null,
    });
    return id;
  });
  return examSummary(ctx, examId);
}

export async function updateExam(ctx: AiContext, input: ApiParsedInput<'updateExam'>): Promise<ExamSummary> {
  const vault = ctx.vault();
  await vault.writes.run((db) => {
    const exam = readExam(db, input.examId);
    if (!exam) throw notFound('exam');
    const fields = merged(exam, input);
    checkFacility(db, fields.facilityId);
    updateExamFields(db, exam.id, fields, nowIso(ctx));
    appendEvent(db, 'ai-exam-updated', { examId: exam.id, facilityId: fields.facilityId });
  });
  return examSummary(ctx, input.examId);
}

export async function linkExamStudy(ctx: AiContext, input: ApiParsedInput<'linkExamStudy'>): Promise<ExamSummary> {
  const vault = ctx.vault();
  await vault.writes.run((db) => {
    const exam = readExam(db, input.examId);
    if (!exam) throw notFound('exam');
    if (exam.studyId !== null && exam.studyId !== input.studyId) {
      throw badRequest('This exam is already linked to another study. Create a new exam for this study instead.');
    }
    const link = linkInTx(db, exam, input.studyId, nowIso(ctx));
    appendEvent(db, 'ai-exam-linked', { examId: exam.id, studyId: input.studyId, foldedExamId: link.folded, answersMoved: link.answersMoved });
  });
  return examSummary(ctx, input.examId);
}
