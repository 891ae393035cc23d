/** SQL for providers of the AI-use record: facilities and AI vendors (names and statements are patient-side data). */
import type { VaultDatabase, WritableDB } from './database';

export interface ProviderFields {
  kind: 'facility' | 'ai-vendor';
  name: string;
  contact: string | null;
  privacyOfficer: string | null;
  aiStatement: string | null;
  notes: string | null;
}
export interface ProviderRow extends ProviderFields { id: number; documentCount: number; examCount: number }

interface ProviderDbRow {
  id: number; kind: 'facility' | 'ai-vendor'; name: string; contact: string | null; privacy_officer: string | null;
  ai_statement: string | null; notes: string | null; document_count: number; exam_count: number;
}

const SELECT = `SELECT p.*, (SELECT count(*) FROM ai_documents d WHERE d.provider_id = p.id) AS document_count,
  (SELECT count(*) FROM ai_exams e WHERE e.facility_id = p.id) AS exam_count FROM ai_providers p`;

function toProvider(r: ProviderDbRow): ProviderRow {
  return {
    id: r.id, kind: r.kind, name: r.name, contact: r.contact, privacyOfficer: r.privacy_officer, aiStatement: r.ai_statement,
    notes: r.notes, documentCount: r.document_count, examCount: r.exam_count,
  };
}

export function listProviderRows(db: VaultDatabase): ProviderRow[] {
  return (db.prepare(`${SELECT} ORDER BY p.name COLLATE NOCASE, p.id`).all() as ProviderDbRow[]).map(toProvider);
}

export function readProvider(db: VaultDatabase, id: number): ProviderRow | null {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProviderDbRow | undefined;
  return row ? toProvider(row) : null;
}

export function insertProvider(db: WritableDB, p: ProviderFields, now: string): number {
  return Number(db.prepare(`INSERT INTO ai_providers (kind, name, contact, privacy_officer, ai_statement, notes, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(p.kind, p.name, p.contact, p.privacyOfficer, p.aiStatement, p.notes, now, now).lastInsertRowid);
}

export function updateProvider(db: WritableDB, id: number, p: ProviderFields, now: string): boolean {
  return db.prepare(`UPDATE ai_providers SET kind = ?, name = ?, contact = ?, privacy_officer = ?, ai_statement = ?, notes = ?, updated_at = ?
    WHERE id = ?`).run(p.kind, p.name, p.contact, p.privacyOfficer, p.aiStatement, p.notes, now, id).changes === 1;
}

export function providerExists(db: VaultDatabase, id: number): boolean {
  return db.prepare('SELECT 1 FROM ai_providers WHERE id = ?').get(id) !== undefined;
}
