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
  return new CoreError('INTERNAL');
}
