/**
 * Errors raised by the crypto layer. They carry no key material and no plaintext; the
 * vault layer maps them to user-facing VaultError codes.
 *
 * - AUTH_FAILED: an AES-GCM tag did not verify (wrong key, or tampered/corrupt bytes).
 * - MALFORMED: bytes do not have the expected structure (length, version, ranges).
 */
export type CryptoErrorCode = 'AUTH_FAILED' | 'MALFORMED';

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.name = 'CryptoError';
    this.code = code;
  }
}

export function isCryptoError(value: unknown, code?: CryptoErrorCode): value is CryptoError {
  return value instanceof CryptoError && (code === undefined || value.code === code);
}
