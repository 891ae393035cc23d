/**
 * The import's writes, in groups. Indexing a file only queues its rows; every ~500 files or 2 s the
 * group is written: first the blob store makes every blob written so far durable (awaited outside
 * any transaction, so other writers go ahead meanwhile), then the group's rows are written in ONE
 * synchronous transaction through the vault's write scheduler. A committed row therefore never
 * names a blob that a crash could lose, and nothing else ever joins the import's transaction.
 */
import type { WritableDB } from '../db/database';
import { inSavepoint } from '../db/write-scheduler';
import type { OpenVault } from '../vault/vault';

export type IndexOp = (db: WritableDB) => void;

export const COMMIT_EVERY_FILES = 500;
export const COMMIT_EVERY_MS = 2000;

export class ImportGroups {
  private pending: IndexOp[] = [];
  private since = Date.now();

  /** `discardedBlobs`: blobs of duplicates, never named by a row; deleted after each commit (tidiness). */
  constructor(private readonly vault: OpenVault, private readonly discardedBlobs: string[]) {}

  add(op: IndexOp): void {
    this.pending.push(op);
  }

  async maybeCommit(): Promise<void> {
    if (this.pending.length >= COMMIT_EVERY_FILES || Date.now() - this.since >= COMMIT_EVERY_MS) await this.commit();
  }

  /**
   * Writes the queued rows (and `last`, which sees them, e.g. the batch's final status). Each file
   * is a savepoint: a file whose rows fail leaves no partial rows, the files before it are kept, and
   * its error is thrown after the commit (the files after it are not written; a re-run adds them).
   */
  async commit(last?: IndexOp): Promise<void> {
    const ops = this.pending.splice(0);
    this.since = Date.now();
    const outcome: { failure?: Error } = {};
    await this.vault.writes.runAfter(() => this.vault.blobs.flush(), (db) => {
      for (const op of ops) {
        try {
          inSavepoint(db, op);
        } catch (error) {
          outcome.failure = error instanceof Error ? error : new Error(String(error));
          return;
        }
      }
      last?.(db);
    });
    const discarded = this.discardedBlobs.splice(0);
    await Promise.allSettled(discarded.map((id) => this.vault.blobs.delete(id)));
    if (outcome.failure) throw outcome.failure;
  }
}
