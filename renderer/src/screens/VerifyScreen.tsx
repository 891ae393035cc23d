import { useEffect, useRef, type RefObject } from 'react';
import type { Job, VerifyReport } from '../../../shared/domain';
import { ErrorAlert } from '../components/ErrorAlert';
import { ProgressPanel } from '../components/ProgressPanel';
import { plural } from '../format';
import { useAction } from '../hooks/useAction';
import { useJob } from '../hooks/useJob';
import { useApi } from '../services';

/** "Check vault": every database page, the index, every stored file's fingerprint, the history log. */
export function VerifyScreen({ jobId, onJobId }: { jobId: string | null; onJobId: (id: string | null) => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const tracked = useJob(jobId);

  const start = async () => {
    const started = await run(() => api.startVerify({}));
    if (started) onJobId(started.jobId);
  };

  const { job } = tracked;
  return (
    <>
      <h1>Check vault</h1>
      <p className="lead">
        This checks every page of the vault’s index, that the index and the stored files agree, decrypts every stored file and compares
        it with the fingerprint recorded at import, and checks the history log has not been altered. Nothing is changed. It can take a few minutes for a large vault.
      </p>
      {jobId && (!job || job.state === 'running') ? (
        <ProgressPanel
          job={job}
          name="Check progress"
          title="Checking…"
          cancelLabel="Stop checking"
          cancelNote="Stopping is safe: nothing is changed by a check."
          onCancel={tracked.cancel}
          pollError={tracked.error}
          onRetry={tracked.retry}
        />
      ) : (
        <div className="stack">
          {job && <VerifyResult job={job} />}
          <ErrorAlert message={error} />
          <div className="button-row">
            <button type="button" className={`button${job ? '' : ' button-primary'}`} disabled={busy} onClick={() => void start()}>
              {job ? 'Check again' : 'Check vault now'}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function VerifyResult({ job }: { job: Job }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const report = job.verifyReport;
  if (job.state === 'cancelled') return <h2 ref={heading} tabIndex={-1}>Check stopped. Nothing was changed.</h2>;
  if (job.state === 'failed' || !report) {
    return (
      <>
        <h2 ref={heading} tabIndex={-1}>The check did not finish</h2>
        <ErrorAlert message={job.error?.message ?? 'Something went wrong. Please try again.'} />
      </>
    );
  }
  return <VerifyReportView report={report} headingRef={heading} />;
}

function VerifyReportView({ report, headingRef }: { report: VerifyReport; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const counts = `${plural(report.pagesChecked, 'index page', 'index pages')}, ${plural(report.blobsChecked, 'stored file', 'stored files')} and ${plural(report.eventsChecked, 'history entry', 'history entries')} checked.`;
  const anchor = report.anchor && (
    <p>
      History anchor: <code className="anchor">{report.anchor}</code>. Note it down (or keep it with a backup): a later check can prove the
      history up to this point was not rewritten.
    </p>
  );
  if (report.ok && report.problems.length === 0) {
    return (
      <section className="card result-good" aria-labelledby="verify-result">
        <h2 id="verify-result" ref={headingRef} tabIndex={-1}>All good</h2>
        <p>{counts} The index is intact, every file matches its fingerprint and the history log is unbroken.</p>
        {anchor}
      </section>
    );
  }
  return (
    <section className="card result-bad" aria-labelledby="verify-result">
      <h2 id="verify-result" ref={headingRef} tabIndex={-1}>{plural(report.problems.length, 'problem', 'problems')} found</h2>
      <p>{counts}</p>
      <ul className="problem-list">
        {report.problems.map((p, i) => <li key={i}>{p.message}</li>)}
      </ul>
      <p>
        <strong>What to do next:</strong> restore the vault folder from your most recent backup, then run this check again.
        Do not delete or change anything in the vault folder meanwhile. Keep your original CDs and downloads until the check passes:
        they are your other copy.
      </p>
      {anchor}
    </section>
  );
}
