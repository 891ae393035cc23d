import { useCallback, useEffect, useState } from 'react';
import type { Job } from '../../../shared/domain';
import { useApi } from '../services';

const POLL_MS = 250;

/**
 * Follows a long-running job (import or check) by asking the core every 250 ms until it has
 * finished. A failed poll stops the loop and is reported; `retry` resumes it.
 */
export function useJob(jobId: string | null) {
  const api = useApi();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setJob(null);
    setError(null);
  }, [jobId]);

  useEffect(() => {
    if (!jobId) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await api.getJob({ jobId });
      if (stopped) return;
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setJob(result.value);
      if (result.value.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, jobId, attempt]);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    const result = await api.cancelJob({ jobId });
    if (result.ok) setJob(result.value);
    else setError(result.error.message);
  }, [api, jobId]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { job, error, cancel, retry };
}
