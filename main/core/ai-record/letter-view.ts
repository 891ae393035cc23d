/** Letter rows to the contract's shape, with the ids of the replies attached to each. */
import type { LetterSummary } from '../../../shared/api/ai-record';
import { documentIdsOfLetters } from '../db/ai-documents';
import { listLetterRows, type LetterRow } from '../db/ai-letters';
import type { VaultDatabase } from '../db/database';

export function toLetters(db: VaultDatabase, rows: readonly LetterRow[]): LetterSummary[] {
  const replies = documentIdsOfLetters(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, draft: { ...r.draft }, replyDocumentIds: replies.get(r.id) ?? [] }));
}

export function lettersOfExam(db: VaultDatabase, examId: number): LetterSummary[] {
  return toLetters(db, listLetterRows(db, examId));
}

