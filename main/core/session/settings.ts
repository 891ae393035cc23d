/** The session's settings kept inside the (encrypted) vault database. */
import type { OpenVault } from '../vault/vault';

const AUTO_LOCK_KEY = 'autoLockMinutes';

export function readAutoLockMinutes(vault: OpenVault): number | null {
  const value: unknown = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(AUTO_LOCK_KEY);
  const minutes = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(minutes) && minutes >= 0 ? minutes : null;
}

export function writeAutoLockMinutes(vault: OpenVault, minutes: number): void {
  vault.db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(AUTO_LOCK_KEY, String(minutes));
}
