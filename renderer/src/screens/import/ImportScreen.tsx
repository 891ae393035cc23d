import { useRef, useState } from 'react';
import type { ApiInput } from '../../../../shared/api';
import type { ProvenanceInput, Status } from '../../../../shared/domain';
import { ProgressPanel } from '../../components/ProgressPanel';
import { isoDateOf } from '../../format';
import { useJob } from '../../hooks/useJob';
import { useServices } from '../../services';
import { ImportResult } from './ImportResult';
import type { ImportDraft, ImportSource } from './import-request';
import { ImportSetup } from './ImportSetup';
import { NOTHING } from './selection';
import { SendingPanel } from './SendingPanel';
import { sendFiles } from './upload';

interface Props {
  status: Status;
  /** The running or finished import; kept by the shell so leaving this page does not lose it. */
  jobId: string | null;
  onJobId: (jobId: string | null) => void;
  onGoToLibrary: () => void;
}

const freshDraft = (): ImportDraft => ({
  selection: NOTHING,
  typedPath: '',
  provenance: { sourceLabel: '', receivedDate: isoDateOf(new Date()), handedOverBy: '' },
});

export function ImportScreen({ status, jobId, onJobId, onGoToLibrary }: Props) {
  const { api, uploadFile } = useServices();
  const [draft, setDraft] = useState(freshDraft);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<{ done: number; total: number } | null>(null);
  const stopSending = useRef(false);
  const tracked = useJob(jobId);

  const start = async (source: ImportSource, provenance: ProvenanceInput) => {
    setError(null);
    let request: ApiInput<'startImport'>;
    if (source.kind === 'files') {
      stopSending.current = false;
      setSending({ done: 0, total: source.files.length });
      const sent = await sendFiles(api, uploadFile, source.files, (done) => setSending({ done, total: source.files.length }), () => stopSending.current);
      setSending(null);
      if (!sent.ok) {
        setError(sent.message);
        return;
      }
      request = { uploadId: sent.uploadId, provenance };
    } else {
      request = { paths: source.paths, provenance };
    }
    const started = await api.startImport(request);
    if (started.ok) onJobId(started.value.jobId);
    else setError(started.error.message);
  };

  const body = () => {
    if (jobId) {
      const { job } = tracked;
      if (job && job.state !== 'running') {
        return (
          <ImportResult
            job={job}
            onImportMore={() => {
              setDraft(freshDraft());
              onJobId(null);
            }}
            onTryAgain={() => onJobId(null)}
            onGoToLibrary={() => {
              onJobId(null);
              onGoToLibrary();
            }}
          />
        );
      }
      return (
        <ProgressPanel
          job={job}
          name="Import progress"
          title="Importing…"
          cancelLabel="Cancel import"
          cancelNote="Files imported so far are kept."
          onCancel={tracked.cancel}
          pollError={tracked.error}
          onRetry={tracked.retry}
        />
      );
    }
    if (sending) return <SendingPanel done={sending.done} total={sending.total} onStop={() => (stopSending.current = true)} />;
    return (
      <ImportSetup
        capabilities={status.capabilities}
        draft={draft}
        onDraft={setDraft}
        onStart={(source, provenance) => void start(source, provenance)}
        error={error}
      />
    );
  };

  return (
    <>
      <h1>Import scans</h1>
      <p className="lead">
        Bring in pictures from a CD, USB stick, download or zip file. ScanVault copies them into your encrypted vault; the originals are not changed.
      </p>
      {body()}
    </>
  );
}
