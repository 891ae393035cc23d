import { useEffect, useRef } from 'react';
import type { ExportReport, ShareDraft } from '../../../../shared/share/share-domain';
import { ProgressPanel } from '../../components/ProgressPanel';
import { formatCount } from '../../format';
import { useJob } from '../../hooks/useJob';

interface Props {
  kind: 'prepare' | 'export';
  jobId: string | null;
  onPrepared: (draft: ShareDraft) => void;
  onExported: (report: ExportReport) => void;
  /** The job failed or was stopped: back to the step before it, with this message. */
  onStop: (message: string) => void;
}

/** Progress of preparing (gathering, header rules, screening for text) or of writing the copy. */
export function ShareJob({ kind, jobId, onPrepared, onExported, onStop }: Props) {
  const tracked = useJob(jobId);
  const { job } = tracked;
  const handled = useRef(false);
  useEffect(() => {
    if (!job || job.state === 'running' || handled.current) return;
    handled.current = true;
    if (job.state === 'done' && kind === 'prepare' && job.shareDraft) onPrepared(job.shareDraft);
    else if (job.state === 'done' && kind === 'export' && job.exportReport) onExported(job.exportReport);
    else if (job.state === 'cancelled') onStop(kind === 'prepare' ? 'Preparing was stopped. Nothing was saved.' : 'The export was stopped. Nothing was left behind, and nothing was recorded as shared.');
    else onStop(job.error?.message ?? 'Something went wrong. Please try again.');
  }, [job, kind, onPrepared, onExported, onStop]);

  const total = job?.progress.filesTotal ?? 0;
  const title = kind === 'export'
    ? 'Writing the copy…'
    : job?.progress.phase === 'working' && total > 0 ? `Checking ${formatCount(total)} images for burned-in text…` : 'Gathering the pictures…';
  return (
    <ProgressPanel
      job={job}
      name={kind === 'export' ? 'Export progress' : 'Preparing progress'}
      title={title}
      cancelLabel="Stop"
      cancelNote={kind === 'export' ? 'Stopping is safe: what was written so far is removed.' : 'Stopping is safe: nothing has been written yet.'}
      onCancel={tracked.cancel}
      pollError={tracked.error}
      onRetry={tracked.retry}
    />
  );
}
