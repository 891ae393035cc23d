import { useRef, useState, type FormEvent } from 'react';
import type { Status } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useJob } from '../../hooks/useJob';
import { useServices } from '../../services';
import { NOTHING, type Selection } from '../import/selection';
import { SourcePicker } from '../import/SourcePicker';
import { sendFiles } from '../import/upload';
import { compareSourceOf } from './compare-request';
import { CompareResults } from './CompareResults';
import './compare.css';

const SEND_WORDS = { nothingDone: 'Nothing was checked', instead: 'check it by typing its path instead' };

interface Props {
  status: Status;
  /** The running or finished compare; kept by the shell so leaving this page does not lose it. */
  jobId: string | null;
  onJobId: (jobId: string | null) => void;
}

/** "Check a copy": is a copy someone else holds the same as the original in the vault? */
export function CompareScreen({ status, jobId, onJobId }: Props) {
  const { api, uploadFile } = useServices();
  const [selection, setSelection] = useState<Selection>(NOTHING);
  const [typedPath, setTypedPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<{ done: number; total: number } | null>(null);
  const stopSending = useRef(false);
  const tracked = useJob(jobId);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const source = compareSourceOf(selection, typedPath);
    if (typeof source === 'string') { setError(source); return; }
    let request: { paths: string[] } | { uploadId: string };
    if (source.kind === 'files') {
      stopSending.current = false;
      setSending({ done: 0, total: source.files.length });
      const sent = await sendFiles(api, uploadFile, source.files, (done) => setSending({ done, total: source.files.length }), () => stopSending.current, SEND_WORDS);
      setSending(null);
      if (!sent.ok) { setError(sent.message); return; }
      request = { uploadId: sent.uploadId };
    } else {
      request = { paths: source.paths };
    }
    const started = await api.startCompare(request);
    if (started.ok) onJobId(started.value.jobId);
    else setError(started.error.message);
  };

  const again = () => {
    setSelection(NOTHING);
    setTypedPath('');
    onJobId(null);
  };

  const body = () => {
    const { job } = tracked;
    if (jobId && job && job.state !== 'running') return <CompareResults job={job} onAgain={again} />;
    if (jobId) {
      return (
        <ProgressPanel job={job} name="Check progress" title="Checking the copy…" cancelLabel="Stop checking"
          cancelNote="Stopping is safe: nothing is stored or changed." onCancel={tracked.cancel} pollError={tracked.error} onRetry={tracked.retry} />
      );
    }
    if (sending) {
      return (
        <section className="card progress-panel" aria-labelledby="compare-sending">
          <h2 id="compare-sending">Handing the files to ScanVault…</h2>
          <progress aria-label="Sending progress" max={sending.total} value={sending.done} />
          <p className="progress-text" aria-live="polite">{sending.done} of {sending.total} files</p>
          <button type="button" className="button" onClick={() => (stopSending.current = true)}>Stop sending</button>
        </section>
      );
    }
    return (
      <form className="stack" onSubmit={(e) => void start(e)} noValidate>
        <section className="card" aria-labelledby="compare-what">
          <h2 id="compare-what">Choose the copy to check</h2>
          <SourcePicker capabilities={status.capabilities} selection={selection} onSelection={(update) => setSelection(update)} typedPath={typedPath} onTypedPath={setTypedPath} />
        </section>
        <ErrorAlert message={error} />
        <div className="button-row">
          <button type="submit" className="button button-primary">Check this copy</button>
        </div>
      </form>
    );
  };

  return (
    <>
      <h1>Check a copy</h1>
      <p className="lead">
        Someone else holds a copy of your scans — a hospital, a doctor, an app? Check it against the originals in your vault: ScanVault tells you
        whether each picture is identical, has changed details, or was changed itself, and shows the two side by side. The copy is only read,
        never stored.
      </p>
      {body()}
    </>
  );
}
