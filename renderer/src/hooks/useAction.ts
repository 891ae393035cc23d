import { useState } from 'react';
import type { ErrorCode, Result } from '../../../shared/errors';

/**
 * Runs one API call for a form or button: tracks "busy" (to disable the control) and keeps the
 * error message to show in a role=alert (and its code, for screens that react to one error).
 * Messages from the core are already in plain language.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; code: ErrorCode | null } | null>(null);

  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    setBusy(true);
    setFailure(null);
    try {
      const result = await call();
      if (result.ok) return result.value;
      setFailure({ message: result.error.message, code: result.error.code });
      return null;
    } finally {
      setBusy(false);
    }
  }

  /** Shows a message of the screen's own (e.g. a check made before calling the core), or clears it. */
  const setError = (message: string | null) => setFailure(message === null ? null : { message, code: null });

  return { busy, error: failure?.message ?? null, errorCode: failure?.code ?? null, setError, run };
}
