/**
 * The one way to write to a vault's database. SQLite has one connection per vault here, and a
 * transaction on it is shared by everything that runs while it is open: if a long job kept
 * `BEGIN` open across an await, a setting or an event written meanwhile would silently join that
 * job's transaction and commit or roll back with it. So every write is a synchronous function
 * run inside its own transaction, and a transaction never spans an await.
 *
 * - `run(fn)`: runs `fn` at once inside one `BEGIN IMMEDIATE` transaction (queued behind a write
 *   that is still running, i.e. when called from inside another write's `fn`).
 * - `runAfter(prepare, fn)`: awaits `prepare` OUTSIDE any transaction (the import makes its blobs
 *   durable there), then runs `fn` as above. Other writers go ahead while `prepare` runs.
 * A throwing `fn` rolls back only its own writes.
 */
import type { VaultDatabase, WritableDB } from './database';

export type WriteFn<T> = (db: WritableDB) => T;

export class WriteScheduler {
  private running = false;
  private readonly queue: (() => void)[] = [];
  private closed = false;

  /** `onClosed` builds the error thrown once the vault is locked (the caller's error type). */
  constructor(private readonly db: VaultDatabase, private readonly onClosed: () => Error = () => new Error('the database is closed')) {}

  run<T>(fn: WriteFn<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const task = (): void => {
        try {
          resolve(this.execute(fn));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      if (this.running) this.queue.push(task);
      else this.drain(task);
    });
  }

  async runAfter<T>(prepare: () => Promise<void>, fn: WriteFn<T>): Promise<T> {
    await prepare();
    return this.run(fn);
  }

  /** Later writes reject with the `onClosed` error; called when the vault locks. */
  close(): void {
    this.closed = true;
  }

  private drain(first: () => void): void {
    this.running = true;
    try {
      first();
      // Writes queued by a running fn run right after it, still synchronously, in call order.
      for (let next = this.queue.shift(); next; next = this.queue.shift()) next();
    } finally {
      this.running = false;
    }
  }

  private execute<T>(fn: WriteFn<T>): T {
    if (this.closed) throw this.onClosed();
    // Someone began a transaction outside the scheduler: joining it is exactly the bug this prevents.
    if (this.db.inTransaction) throw new Error('a database transaction is open outside the write scheduler');
    // The one place a WritableDB is made: inside this transaction, for this fn.
    const writable = this.db as WritableDB;
    return this.db.transaction((): T => {
      const result = fn(writable);
      if (isThenable(result)) {
        void Promise.resolve(result).catch(() => undefined); // its outcome no longer matters: this write is rolled back
        throw new Error('a write function must be synchronous: a transaction must not span an await');
      }
      return result;
    }).immediate();
  }
}

/**
 * Runs part of a write (inside a scheduler fn) as a savepoint: if it throws, only its own rows are
 * undone and the surrounding write goes on (the import keeps the files before a failing one).
 */
export function inSavepoint<T>(db: WritableDB, fn: WriteFn<T>): T {
  if (!db.inTransaction) throw new Error('inSavepoint runs only inside a scheduled write');
  return db.transaction(fn)(db);
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
