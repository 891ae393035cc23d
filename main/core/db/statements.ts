/**
 * Prepared statements cached per connection: preparing one per row dominated import time.
 * The type parameters name the bound values and the row shape the SQL beside each call selects.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { VaultDatabase } from './database';

const cache = new WeakMap<VaultDatabase, Map<string, Statement>>();

export function cached<P extends unknown[] = unknown[], R = unknown>(db: VaultDatabase, text: string): Statement<P, R> {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map<string, Statement>()));
  let stmt = byText.get(text);
  if (!stmt) byText.set(text, (stmt = db.prepare(text)));
  return stmt as unknown as Statement<P, R>;
}

export const nowIso = (): string => new Date().toISOString();
