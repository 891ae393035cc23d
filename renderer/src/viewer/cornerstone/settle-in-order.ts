/**
 * Promise.allSettled with at most `lanes` loads running at once, started in the items' order, so
 * the first items finish first instead of all of them competing for the same connection.
 * Once `signal` is aborted no further load starts: those items are rejected with the signal's reason.
 */
export async function settleInOrder<T, R>(items: readonly T[], lanes: number, load: (item: T) => Promise<R>, signal?: AbortSignal): Promise<PromiseSettledResult<R>[]> {
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      if (signal?.aborted === true) { results[i] = { status: 'rejected', reason: signal.reason as unknown }; continue; }
      try { results[i] = { status: 'fulfilled', value: await load(items[i] as T) }; } catch (reason) { results[i] = { status: 'rejected', reason }; }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  return results;
}
