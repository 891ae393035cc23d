/**
 * SQL for removing a study, a series or a whole import from the vault: first what would go (read
 * only), then deleting exactly that inside one scheduled write. Blob files are deleted by the
 * caller after the commit (a crash in between leaves orphan files that the next unlock sweeps).
 */
import type { VaultDatabase, WritableDB } from './database';
import { deleteUntouchedImportExams } from './ai-exams';
import { deletePersonIfEmpty } from './people';

export type RemovalKind = 'study' | 'series' | 'import';

export interface RemovalSet {
  instanceIds: number[];
  attachmentIds: number[];
  seriesIds: number[];
  studyIds: number[];
  patientIds: number[];
  /** The import row itself (only when a whole import goes). */
  batchId: number | null;
  blobs: { id: string; size: number }[];
  sources: string[];
  /** Pictures/reports of the import that stay because another import also holds them. */
  keptBecauseElsewhere: number;
}

const ids = (db: VaultDatabase, sql: string, ...params: (string | number | Record<string, string | number>)[]): number[] =>
  db.prepare<unknown[], number>(sql).pluck().all(...params).map(Number);
const json = (list: readonly number[]): string => JSON.stringify(list);

export function targetExists(db: VaultDatabase, kind: RemovalKind, id: number): boolean {
  const table = kind === 'study' ? 'studies' : kind === 'series' ? 'series' : 'import_batches';
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** What removing this target takes out, counted from the rows as they are now. */
export function removalSet(db: VaultDatabase, kind: RemovalKind, id: number): RemovalSet {
  let instanceIds: number[];
  let attachmentIds: number[];
  let keptBecauseElsewhere = 0;
  if (kind === 'study') {
    instanceIds = ids(db, 'SELECT i.id FROM instances i JOIN series se ON se.id = i.series_id WHERE se.study_id = ? ORDER BY i.id', id);
    attachmentIds = ids(db, 'SELECT id FROM attachments WHERE study_id = ? ORDER BY id', id);
  } else if (kind === 'series') {
    instanceIds = ids(db, 'SELECT id FROM instances WHERE series_id = ? ORDER BY id', id);
    attachmentIds = [];
  } else {
    // What this import holds, unless another import holds the same file too: that copy stays.
    const held = (column: 'instance_id' | 'attachment_id'): { own: number[]; shared: number } => {
      const all = ids(db, `SELECT DISTINCT ${column} FROM import_files WHERE batch_id = ? AND ${column} IS NOT NULL ORDER BY 1`, id);
      const shared = new Set(ids(db, `SELECT DISTINCT f.${column} FROM import_files f WHERE f.batch_id <> ? AND f.${column} IN
        (SELECT ${column} FROM import_files WHERE batch_id = ?)`, id, id));
      return { own: all.filter((x) => !shared.has(x)), shared: shared.size };
    };
    const inst = held('instance_id');
    const att = held('attachment_id');
    instanceIds = inst.own;
    attachmentIds = att.own;
    keptBecauseElsewhere = inst.shared + att.shared;
  }

  const seriesIds = kind === 'study'
    ? ids(db, 'SELECT id FROM series WHERE study_id = ? ORDER BY id', id)
    : kind === 'series' ? [id]
    // A series goes when none of its pictures stay.
    : ids(db, `SELECT DISTINCT i.series_id FROM instances i WHERE i.id IN (SELECT value FROM json_each(@a))
        AND NOT EXISTS (SELECT 1 FROM instances o WHERE o.series_id = i.series_id AND o.id NOT IN (SELECT value FROM json_each(@a))) ORDER BY 1`, { a: json(instanceIds) });
  const studyIds = kind === 'study' ? [id]
    // A study goes when none of its series and none of its reports stay.
    : ids(db, `SELECT DISTINCT se.study_id FROM series se WHERE se.id IN (SELECT value FROM json_each(@a))
        AND NOT EXISTS (SELECT 1 FROM series o WHERE o.study_id = se.study_id AND o.id NOT IN (SELECT value FROM json_each(@a)))
        AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.study_id = se.study_id AND a.id NOT IN (SELECT value FROM json_each(@b))) ORDER BY 1`,
    { a: json(seriesIds), b: json(attachmentIds) });
  // A patient record goes when it is left without studies and without reports.
  const patientIds = ids(db, `SELECT DISTINCT p.id FROM patients p WHERE p.id IN (SELECT patient_id FROM studies WHERE id IN (SELECT value FROM json_each(@a))
      UNION SELECT patient_id FROM attachments WHERE id IN (SELECT value FROM json_each(@b)) AND patient_id IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM studies s WHERE s.patient_id = p.id AND s.id NOT IN (SELECT value FROM json_each(@a)))
    AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.patient_id = p.id AND a.id NOT IN (SELECT value FROM json_each(@b))) ORDER BY 1`,
  { a: json(studyIds), b: json(attachmentIds) });

  const blobs = db.prepare<[{ a: string; b: string }], { id: string; size: number }>(`SELECT b.id, b.size FROM blobs b
    WHERE b.id IN (SELECT blob_id FROM instances WHERE id IN (SELECT value FROM json_each(@a)))
       OR b.id IN (SELECT blob_id FROM attachments WHERE id IN (SELECT value FROM json_each(@b))) ORDER BY b.id`).all({ a: json(instanceIds), b: json(attachmentIds) });
  const sources = db.prepare<[{ a: string; b: string }], string>(`SELECT b.source_label FROM import_batches b WHERE b.id IN
    (SELECT batch_id FROM import_files WHERE instance_id IN (SELECT value FROM json_each(@a)) OR attachment_id IN (SELECT value FROM json_each(@b)))
    ORDER BY b.id`).pluck().all({ a: json(instanceIds), b: json(attachmentIds) });
  return {
    instanceIds, attachmentIds, seriesIds, studyIds, patientIds, batchId: kind === 'import' ? id : null,
    blobs, sources: [...new Set(sources)], keptBecauseElsewhere,
  };
}

/** Deletes exactly `set`, in an order the foreign keys accept, and tidies what pointed at it. */
export function applyRemoval(db: WritableDB, set: RemovalSet): void {
  const inst = json(set.instanceIds);
  const att = json(set.attachmentIds);
  const studies = json(set.studyIds);
  // Studies whose import links may change: those losing pictures, plus the import's own.
  const touched = ids(db, `SELECT DISTINCT se.study_id FROM instances i JOIN series se ON se.id = i.series_id WHERE i.id IN (SELECT value FROM json_each(?))
    UNION SELECT study_id FROM study_batches WHERE batch_id = ?`, inst, set.batchId ?? 0);
  const groups = db.prepare<[string], string>(`SELECT DISTINCT conflict_group FROM instances WHERE conflict_group IS NOT NULL
    AND id IN (SELECT value FROM json_each(?))`).pluck().all(inst);

  if (set.batchId !== null) db.prepare('DELETE FROM import_files WHERE batch_id = ?').run(set.batchId);
  db.prepare(`DELETE FROM import_files WHERE instance_id IN (SELECT value FROM json_each(@a))
    OR attachment_id IN (SELECT value FROM json_each(@b))`).run({ a: inst, b: att });
  db.prepare('DELETE FROM instances WHERE id IN (SELECT value FROM json_each(?))').run(inst);
  db.prepare('DELETE FROM attachments WHERE id IN (SELECT value FROM json_each(?))').run(att);
  db.prepare('DELETE FROM blobs WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(set.blobs.map((b) => b.id)));
  // A conflict group left with one picture is no conflict any more.
  db.prepare(`UPDATE instances SET conflict_group = NULL WHERE conflict_group IN (SELECT value FROM json_each(?))
    AND conflict_group IN (SELECT conflict_group FROM instances WHERE conflict_group IS NOT NULL GROUP BY conflict_group HAVING count(*) = 1)`)
    .run(JSON.stringify(groups));
  db.prepare('DELETE FROM series WHERE id IN (SELECT value FROM json_each(?))').run(json(set.seriesIds));

  db.prepare('DELETE FROM study_batches WHERE study_id IN (SELECT value FROM json_each(@a)) OR batch_id = @b').run({ a: json(touched), b: set.batchId ?? 0 });
  db.prepare(`INSERT OR IGNORE INTO study_batches (study_id, batch_id) SELECT DISTINCT se.study_id, f.batch_id FROM import_files f
    JOIN instances i ON i.id = f.instance_id JOIN series se ON se.id = i.series_id WHERE se.study_id IN (SELECT value FROM json_each(?))`).run(json(touched));
  // Exams the import made and nobody added to go with their study; the others stay (typed-in
  // answers are never dropped silently) and lose only the link (ON DELETE SET NULL).
  deleteUntouchedImportExams(db, set.studyIds);
  db.prepare('DELETE FROM studies WHERE id IN (SELECT value FROM json_each(?))').run(studies);
  if (set.batchId !== null) db.prepare('DELETE FROM import_batches WHERE id = ?').run(set.batchId);

  const persons = ids(db, 'SELECT DISTINCT person_id FROM person_records WHERE patient_id IN (SELECT value FROM json_each(?))', json(set.patientIds));
  db.prepare('DELETE FROM person_records WHERE patient_id IN (SELECT value FROM json_each(?))').run(json(set.patientIds));
  db.prepare('DELETE FROM patients WHERE id IN (SELECT value FROM json_each(?))').run(json(set.patientIds));
  for (const person of persons) deletePersonIfEmpty(db, person);
}
