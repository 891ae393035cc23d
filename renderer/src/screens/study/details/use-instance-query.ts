/**
 * One contract call about the object on screen, made again when the object changes: its answer,
 * or the plain error message to show. An answer that arrives after the object changed is dropped.
 */
import { useEffect, useState } from 'react';
import type { Result } from '../../../../../shared/errors';

export function useInstanceQuery<T>(instanceId: number, load: (instanceId: number) => Promise<Result<T>>): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    void load(instanceId).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setError(r.error.message);
    });
    return () => { live = false; };
  }, [instanceId, load]);
  return { data, error };
}
