import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupStatus, Job, Status } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProgressPanel } from '../../components/ProgressPanel';
import { plural } from '../../format';
import { useJob } from '../../hooks/useJob';
import { useApi } from '../../services';
import { LastBackup } from './LastBackup';
import { MakeBackupForm } from './MakeBackupForm';
import { RestoreForm } from './RestoreForm';

/** "Backups": when the last one was made, make a backup file or update a backup folder, restore one. */
export function BackupScreen({ status, jobId, onJobId }: { status: Status; jobId: string | null; onJobId: (id: string | null) => void }) {
  const api = useApi();
  const tracked = useJob(jobId);
  const [backupStatus, setBackupStatus] = useState<BackupStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const result = await api.getBackupStatus({});
    if (result.ok) setBackupStatus(result.value);
    else setStatusError(result.error.message);
  }, [api]);
  const { job } = tracked;
  const running = jobId !== null && (!job || job.state === 'running');
  useEffect(() => { if (!running) void refresh(); }, [running, refresh]);
  const native = status.capabilities.nativeDialogs;

  return (
    <>
      <h1>Backups</h1>
      <p className="lead">
        A backup is a copy of your whole vault, still encrypted, that you keep somewhere else, such as an external drive. If this computer
        is lost or its disk fails, you can restore your records from it with your passphrase or recovery key.
      </p>
      <div className="stack">
        <ErrorAlert message={statusError} />
        {backupStatus && <LastBackup status={backupStatus} onStatus={setBackupStatus} />}
        {running ? (
          <ProgressPanel
            job={job}
            name={job?.kind === 'restore' ? 'Restore progress' : 'Backup progress'}
            title={job?.kind === 'restore' ? 'Restoring…' : 'Making the backup…'}
            cancelLabel="Stop"
            cancelNote="Stopping is safe: your vault is not changed, and an unfinished backup or restore is removed."
            onCancel={tracked.cancel}
            pollError={tracked.error}
            onRetry={tracked.retry}
          />
        ) : (
          job && <JobResult job={job} />
        )}
        <MakeBackupForm layout="file" nativeDialogs={native} disabled={running} onJobId={onJobId} />
        <MakeBackupForm layout="folder" nativeDialogs={native} disabled={running} onJobId={onJobId} />
        <RestoreForm nativeDialogs={native} disabled={running} onJobId={onJobId} />
      </div>
    </>
  );
}

function JobResult({ job }: { job: Job }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const what = job.kind === 'restore' ? 'restore' : 'backup';
  if (job.state === 'cancelled') return <section className="card"><h2 ref={heading} tabIndex={-1}>The {what} was stopped. Nothing was changed.</h2></section>;
  if (job.state === 'failed') {
    return (
      <section className="card result-bad" aria-labelledby="backup-result">
        <h2 id="backup-result" ref={heading} tabIndex={-1}>The {what} did not finish</h2>
        <ErrorAlert message={job.error?.message ?? 'Something went wrong. Please try again.'} />
      </section>
    );
  }
  if (job.backupReport) {
    const r = job.backupReport;
    return (
      <section className="card result-good" aria-labelledby="backup-result">
        <h2 id="backup-result" ref={heading} tabIndex={-1}>Backup made and checked</h2>
        <p>
          {plural(r.blobs, 'stored file', 'stored files')} and the index are in the backup
          {r.layout === 'folder' ? ` (${plural(r.copiedBlobs, 'file was', 'files were')} new this time)` : ''}. It opens with your passphrase or recovery key.
        </p>
        {r.anchor && <p>History anchor at the time of the backup: <code className="anchor">{r.anchor}</code></p>}
      </section>
    );
  }
  const r = job.restoreReport;
  if (!r) return null;
  const ok = r.verifyReport.ok;
  return (
    <section className={`card ${ok ? 'result-good' : 'result-bad'}`} aria-labelledby="backup-result">
      <h2 id="backup-result" ref={heading} tabIndex={-1}>{ok ? 'Backup restored and checked' : 'Backup restored, but the check found problems'}</h2>
      <p>{plural(r.blobs, 'stored file was', 'stored files were')} restored into the new folder.</p>
      {ok ? (
        <p>To use the restored vault: lock ScanVault, choose “Use a different folder” on the unlock screen, and give the new folder. It opens with the same passphrase or recovery key.</p>
      ) : (
        <ul className="problem-list">{r.verifyReport.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
      )}
    </section>
  );
}
