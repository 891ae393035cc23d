/** SQL for letters of the AI-use record: kind, exam, recipient, the patient's draft edits, when and how sent. */
import type { VaultDatabase, WritableDB } from './database';

export type LetterKindRow = 'ai-inquiry' | 'accounting' | 'access' | 'restriction' | 'complaint';

export interface LetterRow {
  id: number;
  kind: LetterKindRow;
  examId: number | null;
  recipientId: number | null;
  draft: Record<string, string>;
  createdAt: string;
  sentDate: string | null;
  sentMethod: string | null;
}

interface LetterDbRow {
  id: number; kind: LetterKindRow; exam_id: number | null; recipient_id: number | null; draft: string; created_at: string;
  sent_date: string | null; sent_method: string | null;
}

function draftOf(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  const out: Record<string, string> = {};
  if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  return out;
}

function toLetter(r: LetterDbRow): LetterRow {
  return { id: r.id, kind: r.kind, examId: r.exam_id, recipientId: r.recipient_id, draft: draftOf(r.draft), createdAt: r.created_at, sentDate: r.sent_date, sentMethod: r.sent_method };
}

export function insertLetter(db: WritableDB, l: { kind: LetterKindRow; examId: number | null; recipientId: number | null; draft: Record<string, string>; now: string }): number {
  return Number(db.prepare('INSERT INTO ai_letters (kind, exam_id, recipient_id, draft, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(l.kind, l.examId, l.recipientId, JSON.stringify(l.draft), l.now, l.now).lastInsertRowid);
}

export function readLetter(db: VaultDatabase, id: number): LetterRow | null {
  const r = db.prepare('SELECT * FROM ai_letters WHERE id = ?').get(id) as LetterDbRow | undefined;
  return r ? toLetter(r) : null;
}

export function listLetterRows(db: VaultDatabase, examId?: number): LetterRow[] {
  const rows = (examId === undefined
    ? db.prepare('SELECT * FROM ai_letters ORDER BY created_at DESC, id DESC').all()
    : db.prepare('SELECT * FROM ai_letters WHERE exam_id = ? ORDER BY created_at DESC, id DESC').all(examId)) as LetterDbRow[];
  return rows.map(toLetter);
}

export function updateLetterDraft(db: WritableDB, id: number, draft: Record<string, string>, now: string): boolean {
  return db.prepare('UPDATE ai_letters SET draft = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(draft), now, id).changes === 1;
}

export function markSent(db: WritableDB, id: number, sentDate: string, sentMethod: string, now: string): boolean {
  return db.prepare('UPDATE ai_letters SET sent_date = ?, sent_method = ?, updated_at = ? WHERE id = ?').run(sentDate, sentMethod, now, id).changes === 1;
}
