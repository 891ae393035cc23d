/**
 * Error codes that cross the API boundary. Messages carry no patient data, no paths and no stack:
 * they say what happened and what the patient can do next.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NO_VAULT',
  'VAULT_EXISTS',
  'FOLDER_NOT_EMPTY',
  'NOT_A_VAULT',
  'VAULT_LOCKED',
  'VAULT_BUSY',
  'VAULT_FROM_FUTURE',
  'WEAK_KDF',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'WEAK_PASSPHRASE',
  'NOT_FOUND',
  'PATH_NOT_FOUND',
  'JOB_RUNNING',
  'STALE_PREVIEW',
  'CANCELLED',
  'BLOB_CORRUPT',
  'BLOB_MISSING',
  'VAULT_DAMAGED',
  'DATABASE_DAMAGED',
  'BACKUP_DAMAGED',
  'NOT_A_BACKUP',
  'TARGET_EXISTS',
  'LEAK_GUARD',
  'EXPORT_CHECK_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as the UI and CLI see it: a discriminated union on `code`. */
export type ApiError = { [C in ErrorCode]: { code: C; message: string } }[ErrorCode];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Default plain-language messages: each says what to do next. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  BAD_REQUEST: 'The request was not understood. Please try again; if it keeps happening, restart ScanVault.',
  NO_VAULT: 'There is no vault here yet. Create one first.',
  VAULT_EXISTS: 'A vault already exists in this folder. Unlock it instead, or choose another folder.',
  FOLDER_NOT_EMPTY: 'This folder already holds other files. Choose an empty folder for a new vault.',
  NOT_A_VAULT: 'This folder is not a ScanVault vault. Check that you chose the right folder.',
  VAULT_LOCKED: 'The vault is locked. Unlock it with your passphrase to continue.',
  VAULT_BUSY: 'Another ScanVault window or command is using this vault. Close it and try again.',
  VAULT_FROM_FUTURE: 'This vault was made by a newer version of ScanVault. Update ScanVault to open it.',
  WEAK_KDF: 'This vault’s protection settings are weaker than ScanVault allows, so it was not opened. It may have been tampered with.',
  WRONG_PASSPHRASE: 'That passphrase is not right. Check caps lock and try again, or use your recovery key.',
  WRONG_RECOVERY_KEY: 'That recovery key is not right. Check each group of characters and try again.',
  WEAK_PASSPHRASE: 'That passphrase is too easy to guess. Use at least 10 characters; a few unrelated words work well.',
  NOT_FOUND: 'That item is no longer in the vault. Refresh the library and try again.',
  PATH_NOT_FOUND: 'That file or folder could not be found. Check that the disc or drive is connected and try again.',
  JOB_RUNNING: 'Another import or check is still running. Wait for it to finish or cancel it first.',
  STALE_PREVIEW: 'The vault changed since this was shown, so nothing was removed. Look at what would be removed again and confirm.',
  CANCELLED: 'The work was cancelled. Everything finished before cancelling was kept.',
  BLOB_CORRUPT: 'A stored file failed its integrity check. Run “Check vault” and restore from a backup if needed.',
  BLOB_MISSING: 'A stored file is missing from the vault folder. Run “Check vault” and restore from a backup if needed.',
  VAULT_DAMAGED: 'The vault’s index could not be read even though your passphrase is right: it may be damaged. Restore the vault folder from a backup.',
  DATABASE_DAMAGED: 'Part of the vault’s index is damaged, so this could not be read. Your stored files may still be fine: run “Check vault” to see what is affected, then restore the vault from a backup.',
  BACKUP_DAMAGED: 'This backup is damaged, so it cannot be trusted. Make a new backup from your vault, or restore from another backup copy.',
  NOT_A_BACKUP: 'This is not a ScanVault backup. Choose the backup file (.svbackup) or the backup folder you made with ScanVault.',
  TARGET_EXISTS: 'Something is already saved under this name, and ScanVault never overwrites it. Choose another name or an empty folder.',
  LEAK_GUARD: 'The share was stopped because a copy still held something that identifies you. Nothing was sent. Leave that file out, or choose fewer options to keep, and try again.',
  EXPORT_CHECK_FAILED: 'The share was stopped because a de-identified copy did not pass its final check. Nothing was sent. Leave that file out and try again, and please report this problem.',
  INTERNAL: 'Something went wrong inside ScanVault. Nothing was lost; please try again.',
};

export function apiError(code: ErrorCode, message?: string): ApiError {
  // Sound for every code, but TypeScript checks an object with a union discriminant against a
  // discriminated union only up to 25 members, and there are more codes than that.
  return { code, message: message ?? DEFAULT_MESSAGES[code] } as ApiError;
}
