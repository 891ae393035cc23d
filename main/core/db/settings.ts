/** The `settings` table: small key/value preferences kept inside the encrypted vault. */
import type { VaultDatabase, WritableDB } from './database';

export type SettingKey = 'autoLockMinutes' | 'backupReminderDays';

export function readSetting(db: VaultDatabase, key: SettingKey): string | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row?.value ?? null;
}

export function writeSetting(db: WritableDB, key: SettingKey, value: string): void {
  db.prepare<[string, string]>('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}
