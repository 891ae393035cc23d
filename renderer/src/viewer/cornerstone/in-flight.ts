/**
 * Byte reads the viewer has started and not finished, so locking can abort them all: a read that
 * ends after the lock would otherwise put decrypted bytes back into a cache just emptied.
 */
const controllers = new Set<AbortController>();

/** Runs `read` with a signal that abortAllReads() aborts; the controller is dropped when it settles. */
export async function trackedRead<T>(read: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  controllers.add(controller);
  try {
    return await read(controller.signal);
  } finally {
    controllers.delete(controller);
  }
}

export function abortAllReads(): void {
  for (const controller of controllers) controller.abort();
  controllers.clear();
}

export function readsInFlight(): number {
  return controllers.size;
}
