/** What stops one file's de-identification. Messages name attributes by tag path, never a value. */
export type DeidErrorCode = 'LEAK_GUARD' | 'EXPORT_CHECK_FAILED' | 'DAMAGED' | 'UNSUPPORTED';

export class DeidError extends Error {
  readonly code: DeidErrorCode;

  constructor(code: DeidErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
