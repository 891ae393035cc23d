/**
 * SQL for documents of the AI-use record (consent forms, notices, letters received): each row
 * names one encrypted blob and one owner. Titles and passages are patient data: never log them.
 */
import type { VaultDatabase, WritableDB } from './database';

export type DocumentOwner =
  | { kind: 'exam'; examId: number }
  | { kind: 'answer'; examId: number; questionId: string }
  | { kind: 'provider'; providerId: number }
  | { kind: 'letter'; letterId: number };

export type DocKind = 'consent-form' | 'privacy-notice' | 'letter-received' | 'photo' | 'other';
export type DocMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

export interface DocumentRow {
  id: number;
  blobId: string;
  owner: DocumentOwner;
  docKind: DocKind;
  title: string | null;
  mediaType: DocMediaType;
  size: number;
  createdAt: string;
  passages: 'not-read' | 'found' | 'failed';
}

interface DocumentDbRow {
  id: number; blob_id: string; exam_id: number | null; question_id: string | null; provider_id: number | null; letter_id: number | null;
  doc_kind: DocKind; title: string | null; media_type: DocMediaType; size: number; created_at: string; passage_status: 'found' | 'failed' | null;
}

function ownerOf(r: DocumentDbRow): DocumentOwner {
  if (r.exam_id !== null) return r.question_id !== null ? { kind: 'answer', examId: r.exam_id, questionId: r.question_id } : { kind: 'exam', examId: r.exam_id };
  if (r.provider_id !== null) return { kind: 'provider', providerId: r.provider_id };
  return { kind: 'letter', letterId: r.letter_id ?? 0 };
}

function toDocument(r: DocumentDbRow): DocumentRow {
  return {
    id: r.id, blobId: r.blob_id, owner: ownerOf(r), docKind: r.doc_kind, title: r.title, mediaType: r.media_type, size: r.size,
    createdAt: r.created_at, passages: r.passage_status ?? 'not-read',
  };
}

const SELECT = `SELECT d.*, dp.status AS passage_status FROM ai_documents d LEFT JOIN ai_document_passages dp ON dp.document_id = d.id`;

export function insertDocument(db: WritableDB, d: { blobId: string; owner: DocumentOwner; docKind: DocKind; title: string | null;
  mediaType: DocMediaType; size: number; sha256: Buffer; now: string }): number {
  const o = d.owner;
  const examId = o.kind === 'exam' || o.kind === 'answer' ? o.examId : null;
  return Number(db.prepare(`INSERT INTO ai_documents (blob_id, exam_id, question_id, provider_id, letter_id, doc_kind, title, media_type, size,
      sha256_file, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(d.blobId, examId, o.kind === 'answer' ? o.questionId : null, o.kind === 'provider' ? o.providerId : null,
      o.kind === 'letter' ? o.letterId : null, d.docKind, d.title, d.mediaType, d.size, d.sha256, d.now).lastInsertRowid);
}

export function readDocument(db: VaultDatabase, id: number): DocumentRow | null {
  const row = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DocumentDbRow | undefined;
  return row ? toDocument(row) : null;
}

/** Documents of one owner; for an exam, also those of its answers. */
export function documentsOf(db: VaultDatabase, owner: DocumentOwner): DocumentRow[] {
  const [where, args]: [string, unknown[]] =
    owner.kind === 'exam' ? ['d.exam_id = ?', [owner.examId]]
      : owner.kind === 'answer' ? ['d.exam_id = ? AND d.question_id = ?', [owner.examId, owner.questionId]]
        : owner.kind === 'provider' ? ['d.provider_id = ?', [owner.providerId]]
          : ['d.letter_id = ?', [owner.letterId]];
  return (db.prepare(`${SELECT} WHERE ${where} ORDER BY d.id`).all(...args) as DocumentDbRow[]).map(toDocument);
}

export function documentIdsOfLetters(db: VaultDatabase, letterIds: readonly number[]): Map<number, number[]> {
  const rows = db.prepare('SELECT letter_id, id FROM ai_documents WHERE letter_id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(letterIds)) as { letter_id: number; id: number }[];
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.letter_id, [...(out.get(r.letter_id) ?? []), r.id]);
  return out;
}

export interface PassagesRow {
  status: 'found' | 'failed';
  method: 'pdf-text' | 'ocr' | null;
  pageCount: number;
  passagesJson: string;
}

export function writePassages(db: WritableDB, documentId: number, p: PassagesRow, now: string): void {
  db.prepare(`INSERT INTO ai_document_passages (document_id, status, method, page_count, passages, read_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (document_id) DO UPDATE SET status = excluded.status, method = excluded.method, page_count = excluded.page_count,
    passages = excluded.passages, read_at = excluded.read_at`).run(documentId, p.status, p.method, p.pageCount, p.passagesJson, now);
}

export function readPassages(db: VaultDatabase, documentId: number): PassagesRow | null {
  const r = db.prepare('SELECT status, method, page_count, passages FROM ai_document_passages WHERE document_id = ?').get(documentId) as
    { status: 'found' | 'failed'; method: 'pdf-text' | 'ocr' | null; page_count: number; passages: string } | undefined;
  return r ? { status: r.status, method: r.method, pageCount: r.page_count, passagesJson: r.passages } : null;
}
