import { DEFAULT_MESSAGES, ERROR_CODES, type ErrorCode } from '../../shared/errors';

/** An expected failure with a stable code; its message is safe to show (no patient data, no paths). */
export class CoreError extends Error {
  constructor(readonly code: ErrorCode, message?: string) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'CoreError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Maps anything thrown by lower layers to a CoreError. Errors that carry a known `code`
 * (VaultError, DicomError, ...) keep it; anything else becomes INTERNAL with the default message,
 * because its text may contain a path or patient data.
 */
export function toCoreError(err: unknown): CoreError {
  if (err instanceof CoreError) return err;
  if (err instanceof Error && 'code' in err && isErrorCode(err.code)) {
    return new CoreError(err.code, err.message);
  }
  if (isDamagedDatabase(err)) return new CoreError('DATABASE_DAMAGED');
  return new CoreError('INTERNAL');
}

/**
 * SQLite's answers to a page that fails its HMAC or a broken b-tree (SQLITE_CORRUPT and its
 * extended codes, SQLITE_NOTADB): damage on disk, not a bug, so the person hears what to do.
 */
export function isDamagedDatabase(err: unknown): boolean {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_'));
}
