/** The import batch row: where a copy came from (provenance) and how its import ended. */
import type { ImportReport, ProvenanceInput } from '../../../shared/domain';
import type { WritableDB } from '../db/database';
import { insertBatch, markRunningBatchesInterrupted } from '../db/import-batches';
import { linkAttachments } from '../db/import-index';
import type { MediumInfo } from '../sources/types';

export function startBatch(db: WritableDB, provenance: ProvenanceInput, medium: MediumInfo): number {
  markRunningBatchesInterrupted(db);
  const mediumJson = JSON.stringify({
    names: medium.names, volumeLabel: medium.volumeLabel, dicomdir: medium.dicomdir, dicomdirWarnings: medium.dicomdirWarnings,
  });
  return insertBatch(db, {
    sourceLabel: provenance.sourceLabel, sourceKind: medium.kind, receivedDate: provenance.receivedDate ?? null,
    handedOverBy: provenance.handedOverBy ?? null, medium: mediumJson,
  });
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
export function linkLoosePdfs(db: WritableDB, attachmentIds: number[], studyIds: Set<number>, patientIds: Set<number>): void {
  if (attachmentIds.length === 0) return;
  const studyId = studyIds.size === 1 ? [...studyIds][0] ?? null : null;
  const patientId = patientIds.size === 1 ? [...patientIds][0] ?? null : null;
  linkAttachments(db, attachmentIds, studyId, patientId);
}
