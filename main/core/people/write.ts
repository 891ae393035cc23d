import type { WritableDB } from '../db/database';
import type { OpenVault } from '../vault/vault';

/**
 * Runs one people change as its own transaction through the write scheduler: it never joins an
 * import's writes, and waits its turn if another write is running.
 */
export function runWrite<T>(vault: OpenVault, fn: (db: WritableDB) => T): Promise<T> {
  return vault.writes.run(fn);
}
