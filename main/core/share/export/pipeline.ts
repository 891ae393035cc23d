/**
 * Keeps the disk busy while the CPU works: files are read one ahead of the one being processed,
 * and a few writes may be in flight at once. Sharing is otherwise a strict read, transform,
 * write loop that waits on every file-system round trip.
 */

export interface ReadAheadLimits<T> {
  /** Items read ahead of the one in use, at most. */
  ahead: number;
  /** Bytes read ahead, at most (by sizeOf); the next item is always read, however large. */
  maxBytes: number;
  sizeOf: (item: T) => number;
}

/** One item ahead: what a caller gets without limits. */
const ONE_AHEAD: ReadAheadLimits<unknown> = { ahead: 1, maxBytes: Infinity, sizeOf: () => 0 };

/**
 * Yields fn(item) in order, with the reads of the next items already started: up to `ahead` of
 * them within `maxBytes` (a share's many small files keep the disk and the thread pool busy while
 * the CPU works; one large file is still read alone).
 */
export async function* readAhead<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limits: ReadAheadLimits<T> = ONE_AHEAD): AsyncGenerator<[T, R, number]> {
  const pending: Promise<R>[] = [];
  let started = 0; // items whose read has started
  let aheadBytes = 0; // of the started reads not yet yielded, past the current one
  const start = () => {
    const item = items[started++]!;
    const read = fn(item);
    read.catch(() => undefined); // surfaced when awaited; never an unhandled rejection meanwhile
    pending.push(read);
    return limits.sizeOf(item);
  };
  try {
    for (let i = 0; i < items.length; i++) {
      if (started === i) start();
      else aheadBytes -= limits.sizeOf(items[i]!);
      // The next item always; more while within both limits.
      while (started < items.length && started - i <= limits.ahead && (started === i + 1 || aheadBytes + limits.sizeOf(items[started]!) <= limits.maxBytes)) {
        aheadBytes += start();
      }
      yield [items[i]!, await pending.shift()!, i];
    }
  } finally {
    await Promise.all(pending.map((p) => p.catch(() => undefined)));
  }
}

/** What prepare and export read ahead: a few small files, never more than 64 MiB besides the one in use. */
export const READ_AHEAD: ReadAheadLimits<{ size: number }> = { ahead: 4, maxBytes: 64 * 1024 * 1024, sizeOf: (f) => f.size };

/** Runs writes with at most `limit` in flight; the first failure is thrown by the next push or by drain. */
export class WriteQueue {
  private readonly running = new Set<Promise<void>>();
  private failure: Error | null = null;

  constructor(private readonly limit = 8) {}

  async push(write: () => Promise<void>): Promise<void> {
    this.throwIfFailed();
    const task = write().catch((error: unknown) => { this.failure ??= error instanceof Error ? error : new Error('a write failed'); }).finally(() => { this.running.delete(task); });
    this.running.add(task);
    if (this.running.size >= this.limit) await Promise.race(this.running);
    this.throwIfFailed();
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}
