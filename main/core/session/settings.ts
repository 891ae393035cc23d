/** The session's settings kept inside the (encrypted) vault database. */
import { readSetting, writeSetting } from '../db/settings';
import type { OpenVault } from '../vault/vault';

export function readAutoLockMinutes(vault: OpenVault): number | null {
  const value = readSetting(vault.db, 'autoLockMinutes');
  const minutes = value !== null ? Number(value) : NaN;
  return Number.isInteger(minutes) && minutes >= 0 ? minutes : null;
}

/** Its own scheduled write: it never joins (or rolls back with) an import running meanwhile. */
export function writeAutoLockMinutes(vault: OpenVault, minutes: number): Promise<void> {
  return vault.writes.run((db) => writeSetting(db, 'autoLockMinutes', String(minutes)));
}
