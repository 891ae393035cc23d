import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../shared/domain';
import { formatProgress, progressFraction } from '../format';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  job: Job | null;
  /** Accessible name of the progress bar, e.g. "Import progress". */
  name: string;
  title: string;
  cancelLabel: string;
  cancelNote: string;
  onCancel: () => Promise<void>;
  pollError: string | null;
  onRetry: () => void;
}

/** Progress of a running import or check: bar, plain-language numbers and a cancel button. */
export function ProgressPanel({ job, name, title, cancelLabel, cancelNote, onCancel, pollError, onRetry }: Props) {
  const [cancelling, setCancelling] = useState(false);
  const fraction = job ? progressFraction(job.progress) : null;
  const text = job ? formatProgress(job.progress) : 'Starting…';
  return (
    <section className="card progress-panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{title}</h2>
      <progress aria-label={name} max={1} {...(fraction === null ? {} : { value: fraction })} />
      <p className="progress-text">{text}</p>
      <p className="visually-hidden" aria-live="polite">{useCalmAnnouncement(text, job?.progress.phase ?? 'starting')}</p>
      <ErrorAlert message={pollError} />
      {pollError ? (
        <button type="button" className="button" onClick={onRetry}>Check progress again</button>
      ) : (
        <div className="progress-actions">
          <button
            type="button"
            className="button"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void onCancel().finally(() => setCancelling(false));
            }}
          >
            {cancelling ? 'Cancelling…' : cancelLabel}
          </button>
          <p className="hint">{cancelNote}</p>
        </div>
      )}
    </section>
  );
}

const ANNOUNCE_EVERY_MS = 10_000;

/**
 * The visible text changes four times a second; screen readers get it at most every 10 s (and
 * at once when the phase changes), so they are not flooded.
 */
function useCalmAnnouncement(text: string, phase: string): string {
  const [announced, setAnnounced] = useState(text);
  const last = useRef(0);
  const lastPhase = useRef(phase);
  useEffect(() => {
    const now = Date.now();
    if (phase !== lastPhase.current || now - last.current >= ANNOUNCE_EVERY_MS) {
      last.current = now;
      lastPhase.current = phase;
      setAnnounced(text);
    }
  }, [text, phase]);
  return announced;
}
