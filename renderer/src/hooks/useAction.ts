import { useState } from 'react';
import type { Result } from '../../../shared/errors';

/**
 * Runs one API call for a form or button: tracks "busy" (to disable the control) and keeps the
 * error message to show in a role=alert. Messages from the core are already in plain language.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (result.ok) return result.value;
      setError(result.error.message);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
