import { useEffect, useRef, useState } from 'react';
import type { Status } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProgressPanel } from '../../components/ProgressPanel';
import { plural } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useJob } from '../../hooks/useJob';
import { useApi } from '../../services';
import { RestoreForm } from './RestoreForm';

/**
 * Before any vault is open (first run, or the vault folder is gone): restore a backup into a new
 * folder, then switch to that folder so the unlock screen opens it.
 */
export function RestoreFromBackup({ status, onStatus }: { status: Status; onStatus: (s: Status) => void }) {
  const api = useApi();
  const [jobId, setJobId] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const tracked = useJob(jobId);
  const { busy, error, run } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const { job } = tracked;
  const running = jobId !== null && (!job || job.state === 'running');
  const done = job?.state === 'done' && job.restoreReport?.verifyReport.ok === true;
  useEffect(() => { if (job && job.state !== 'running') heading.current?.focus(); }, [job]);

  const open = async () => {
    if (!target) return;
    const next = await run(() => api.setVaultFolder({ dir: target }));
    if (next) onStatus(next);
  };

  return (
    <div className="stack">
      {running && (
        <ProgressPanel job={job} name="Restore progress" title="Restoring…" cancelLabel="Stop" cancelNote="Stopping is safe: what was restored so far is removed, nothing else is changed." onCancel={tracked.cancel} pollError={tracked.error} onRetry={tracked.retry} />
      )}
      {job && job.state !== 'running' && (
        <section className={`card ${done ? 'result-good' : 'result-bad'}`} aria-labelledby="restore-result">
          <h2 id="restore-result" ref={heading} tabIndex={-1}>{done ? 'Backup restored and checked' : 'The backup was not restored'}</h2>
          {done && job.restoreReport && <p>{plural(job.restoreReport.blobs, 'stored file was', 'stored files were')} restored. Open the vault with the passphrase it had when the backup was made.</p>}
          {!done && <ErrorAlert message={job.error?.message ?? job.restoreReport?.verifyReport.problems[0]?.message ?? 'The restore did not finish. Please try again.'} />}
          {done && <button type="button" className="button button-primary" disabled={busy} onClick={() => void open()}>Open the restored vault</button>}
          <ErrorAlert message={error} />
        </section>
      )}
      {!done && <RestoreForm nativeDialogs={status.capabilities.nativeDialogs} disabled={running} onJobId={(id, dir) => { setJobId(id); setTarget(dir); }} />}
    </div>
  );
}

/** The offer on the first-run screen: closed by default, so creating a vault stays the plain path. */
export function RestoreOffer({ status, onStatus }: { status: Status; onStatus: (s: Status) => void }) {
  return (
    <details className="restore-offer">
      <summary>Restore a vault from a backup</summary>
      <p className="muted">Lost your computer or your vault folder? Restore your backup file or folder into a new folder here.</p>
      <RestoreFromBackup status={status} onStatus={onStatus} />
    </details>
  );
}
