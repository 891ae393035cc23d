/** The import batch row: where a copy came from (provenance) and how its import ended. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ImportReport, ProvenanceInput } from '../../../shared/domain';
import type { MediumInfo } from '../sources/types';

export function startBatch(db: Database, provenance: ProvenanceInput, medium: MediumInfo): number {
  // A batch still "running" here was cut short by a crash or a kill: say so in its record.
  db.prepare("UPDATE import_batches SET status = 'interrupted' WHERE status = 'running'").run();
  const mediumJson = JSON.stringify({
    names: medium.names, volumeLabel: medium.volumeLabel, dicomdir: medium.dicomdir, dicomdirWarnings: medium.dicomdirWarnings,
  });
  const r = db.prepare(`INSERT INTO import_batches(source_label, source_kind, received_date, handed_over_by, medium, started_at, status)
    VALUES (?, ?, ?, ?, ?, ?, 'running')`).run(
    provenance.sourceLabel, medium.kind, provenance.receivedDate ?? null, provenance.handedOverBy ?? null, mediumJson,
    new Date().toISOString(),
  );
  return Number(r.lastInsertRowid);
}

export function finishBatch(db: Database, batchId: number, status: 'done' | 'cancelled'): void {
  db.prepare('UPDATE import_batches SET status = ?, finished_at = ? WHERE id = ?').run(status, new Date().toISOString(), batchId);
}

/** What the history log keeps about an import: counts only, no names. */
export function importEventDetails(report: ImportReport, status: string, sourceKind: string): Record<string, number | string> {
  return {
    batchId: report.batchId,
    status,
    sourceKind,
    imported: report.imported,
    seenAgain: report.seenAgain,
    conflicts: report.conflicts.length,
    attachments: report.attachments,
    skipped: report.skipped.length,
    failed: report.failed.length,
  };
}

/** Loose PDFs on a medium belong to its study when the medium held exactly one. */
export function linkLoosePdfs(db: Database, attachmentIds: number[], studyIds: Set<number>, patientIds: Set<number>): void {
  if (attachmentIds.length === 0) return;
  const studyId = studyIds.size === 1 ? [...studyIds][0] ?? null : null;
  const patientId = patientIds.size === 1 ? [...patientIds][0] ?? null : null;
  const stmt = db.prepare('UPDATE attachments SET study_id = COALESCE(study_id, ?), patient_id = COALESCE(patient_id, ?) WHERE id = ?');
  for (const id of attachmentIds) stmt.run(studyId, patientId, id);
}
