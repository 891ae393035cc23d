/** The `import_batches` table: where a copy came from (provenance) and how its import ended. */
import type { WritableDB } from './database';
import { nowIso } from './statements';

export interface NewBatch {
  sourceLabel: string;
  sourceKind: 'files' | 'folder' | 'zip' | 'cd';
  receivedDate: string | null;
  handedOverBy: string | null;
  /** JSON text describing the medium. */
  medium: string;
}

/** A batch still "running" when a new one starts was cut short by a crash or a kill. */
export function markRunningBatchesInterrupted(db: WritableDB): void {
  db.prepare("UPDATE import_batches SET status = 'interrupted' WHERE status = 'running'").run();
}

export function insertBatch(db: WritableDB, b: NewBatch): number {
  const r = db.prepare(`INSERT INTO import_batches(source_label, source_kind, received_date, handed_over_by, medium, started_at, status)
    VALUES (?, ?, ?, ?, ?, ?, 'running')`).run(b.sourceLabel, b.sourceKind, b.receivedDate, b.handedOverBy, b.medium, nowIso());
  return Number(r.lastInsertRowid);
}

export function finishBatch(db: WritableDB, batchId: number, status: 'done' | 'cancelled'): void {
  db.prepare('UPDATE import_batches SET status = ?, finished_at = ? WHERE id = ?').run(status, nowIso(), batchId);
}
