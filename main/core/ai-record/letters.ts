/**
 * Letters: which kind, for which exam and recipient, the patient's edits, and when and how it was
 * sent. The wording itself is filled in from the facts getLetter returns (shared/letters/), so a
 * change in the vault shows up in an unsent letter; the patient's edits are kept on top.
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { LetterSummary } from '../../../shared/api/ai-record';
import { readExam } from '../db/ai-exams';
import { insertLetter, listLetterRows, markSent, readLetter, updateLetterDraft } from '../db/ai-letters';
import { providerExists, readProvider } from '../db/ai-providers';
import type { VaultDatabase } from '../db/database';
import { readProfile } from '../db/people';
import { appendEvent } from '../vault/event-log';
import { notFound, nowIso, type AiContext } from './context';
import { examSummary } from './exams';
import { toLetters } from './letter-view';
import { toProvider } from './providers';

function letterSummary(db: VaultDatabase, id: number): LetterSummary {
  const row = readLetter(db, id);
  const [letter] = row ? toLetters(db, [row]) : [];
  if (!letter) throw notFound('letter');
  return letter;
}

export function listLetters(ctx: AiContext, input: ApiParsedInput<'listLetters'>): ApiOutput<'listLetters'> {
  const db = ctx.vault().db;
  return { letters: toLetters(db, listLetterRows(db, input.examId)) };
}

export async function createLetter(ctx: AiContext, input: ApiParsedInput<'createLetter'>): Promise<LetterSummary> {
  const vault = ctx.vault();
  const id = await vault.writes.run((db) => {
    if (input.examId !== undefined && !readExam(db, input.examId)) throw notFound('exam');
    if (input.recipientId !== undefined && !providerExists(db, input.recipientId)) throw notFound('provider');
    const letterId = insertLetter(db, { kind: input.kind, examId: input.examId ?? null, recipientId: input.recipientId ?? null, draft: input.draft ?? {}, now: nowIso(ctx) });
    appendEvent(db, 'ai-letter-saved', { letterId, kind: input.kind, examId: input.examId ?? null, created: true });
    return letterId;
  });
  return letterSummary(vault.db, id);
}

export function getLetter(ctx: AiContext, input: ApiParsedInput<'getLetter'>): ApiOutput<'getLetter'> {
  const db = ctx.vault().db;
  const letter = letterSummary(db, input.letterId);
  const exam = letter.examId === null ? null : examSummary(ctx, letter.examId);
  const recipientRow = letter.recipientId === null ? null : readProvider(db, letter.recipientId);
  return { letter, exam, recipient: recipientRow ? toProvider(recipientRow) : null, patient: exam ? readProfile(db, exam.personId) : null };
}

export async function updateLetter(ctx: AiContext, input: ApiParsedInput<'updateLetter'>): Promise<LetterSummary> {
  const vault = ctx.vault();
  await vault.writes.run((db) => {
    if (!updateLetterDraft(db, input.letterId, input.draft, nowIso(ctx))) throw notFound('letter');
    appendEvent(db, 'ai-letter-saved', { letterId: input.letterId, fields: Object.keys(input.draft).length, created: false });
  });
  return letterSummary(vault.db, input.letterId);
}

export async function markLetterSent(ctx: AiContext, input: ApiParsedInput<'markLetterSent'>): Promise<LetterSummary> {
  const vault = ctx.vault();
  await vault.writes.run((db) => {
    if (!markSent(db, input.letterId, input.sentDate, input.sentMethod, nowIso(ctx))) throw notFound('letter');
    appendEvent(db, 'ai-letter-sent', { letterId: input.letterId });
  });
  return letterSummary(vault.db, input.letterId);
}
