/**
 * Keeps the disk busy while the CPU works: files are read one ahead of the one being processed,
 * and a few writes may be in flight at once. Sharing is otherwise a strict read, transform,
 * write loop that waits on every file-system round trip.
 */

/** Yields fn(item) in order, starting the next item's read before the current one is used. */
export async function* readAhead<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): AsyncGenerator<[T, R, number]> {
  let next: Promise<R> | null = items.length > 0 ? fn(items[0]!) : null;
  try {
    for (let i = 0; i < items.length; i++) {
      const current = next!;
      next = i + 1 < items.length ? fn(items[i + 1]!) : null;
      next?.catch(() => undefined); // surfaced when awaited; never an unhandled rejection meanwhile
      yield [items[i]!, await current, i];
    }
  } finally {
    await next?.catch(() => undefined);
  }
}

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
