import type { ApiError } from '../../../shared/errors';

export const EXIT = { ok: 0, failure: 1, usage: 2, locked: 3, problems: 4 } as const;

export function exitCodeFor(error: ApiError): number {
  switch (error.code) {
    case 'WRONG_PASSPHRASE':
    case 'WRONG_RECOVERY_KEY':
    case 'VAULT_LOCKED':
      return EXIT.locked;
    case 'BAD_REQUEST':
      return EXIT.usage;
    default:
      return EXIT.failure;
  }
}

/** Thrown inside commands to stop with a message and an exit code. */
export class CliExit extends Error {
  /** `code`: the API error code, printed in --json mode so scripts can switch on it. */
  constructor(readonly exitCode: number, message: string, readonly code?: string) {
    super(message);
  }
}
