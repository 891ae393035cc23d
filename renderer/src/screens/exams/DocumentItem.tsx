import { useCallback, useEffect, useState } from 'react';
import type { DocumentInfo } from '../../../../shared/api/ai-record';
import { questionById } from '../../../../shared/questionnaire';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, formatDicomDate, isoDateOf, plural } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useJob } from '../../hooks/useJob';
import { useApi } from '../../services';
import { DOC_KIND_LABELS, mediaWord } from './documents';
import { DocumentView } from './DocumentView';
import { PassageList, type PassageItem } from './PassageList';

interface Found { method: 'pdf-text' | 'ocr' | null; pageCount: number; passages: PassageItem[] }

/** One attached document: what and where it belongs, and the consent-form reader's passages. */
export function DocumentItem({ doc, onUsePassage, onChanged }: { doc: DocumentInfo; onUsePassage: (p: PassageItem) => void; onChanged: () => void }) {
  const api = useApi();
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: jobError } = useJob(jobId);
  const [found, setFound] = useState<Found | null>(null);
  const [showing, setShowing] = useState(false);
  const { busy, error, setError, run } = useAction();
  const title = doc.title ?? DOC_KIND_LABELS[doc.docKind];

  const loadPassages = useCallback(async () => {
    const r = await api.getDocumentPassages({ documentId: doc.id });
    if (!r.ok) return setError(r.error.message);
    setFound({ method: r.value.method, pageCount: r.value.pageCount, passages: r.value.passages });
  }, [api, doc.id]); // not setError: it is a new function each render

  useEffect(() => {
    if (doc.passages === 'found') void loadPassages();
  }, [doc.passages, loadPassages]);

  const state = job?.state;
  useEffect(() => {
    if (state === 'done') {
      setJobId(null);
      void loadPassages();
      onChanged();
    }
    if (state === 'failed') {
      setJobId(null);
      setError(job?.error?.message ?? 'The document could not be read. Try again, or read it yourself.');
      onChanged();
    }
  }, [state]); // once per change of the job's state

  const read = async () => {
    const started = await run(() => api.findConsentPassages({ documentId: doc.id }));
    if (started) setJobId(started.jobId);
  };

  const belongs = doc.target.kind === 'answer' ? `the answer to “${questionById(doc.target.questionId)?.text ?? doc.target.questionId}”` : 'this exam';
  const reading = jobId !== null && (state === undefined || state === 'running');
  return (
    <li className="document">
      <p className="document-title"><strong><bdi>{title}</bdi></strong></p>
      <p className="muted document-facts">
        {DOC_KIND_LABELS[doc.docKind]} · {mediaWord(doc.mediaType)} · {formatBytes(doc.size)} · added {formatDicomDate(isoDateOf(new Date(doc.addedAt)))} · for {belongs}
      </p>
      <div className="button-row">
        <button type="button" className="button" aria-expanded={showing} onClick={() => setShowing((v) => !v)} aria-label={`${showing ? 'Hide' : 'Show'} the document: ${title}`}>
          {showing ? 'Hide the document' : 'Show the document'}
        </button>
        {doc.passages !== 'found' && !reading && (
          <button type="button" className="button" disabled={busy} onClick={() => void read()} aria-label={`Find the passages that matter in ${title}`}>
            Find the passages that matter
          </button>
        )}
      </div>
      {showing && <DocumentView id={doc.id} mediaType={doc.mediaType} title={title} />}
      {reading && (
        <p role="status" className="muted">
          Reading the document{job && job.progress.filesTotal > 0 ? `: page ${job.progress.filesDone} of ${job.progress.filesTotal}` : '…'}
        </p>
      )}
      {doc.passages === 'failed' && !reading && <p className="muted">ScanVault could not read the text of this document. Read it yourself, or attach a clearer photo.</p>}
      {found && (
        <div className="passages">
          <p>
            {plural(found.passages.length, 'passage', 'passages')} to read first, in {plural(found.pageCount, 'page', 'pages')}
            {found.method === 'ocr' ? ' (read from the photo; check the wording against the paper)' : ''}.
          </p>
          <PassageList passages={found.passages} documentTitle={title} onUse={onUsePassage} />
        </div>
      )}
      <ErrorAlert message={error ?? jobError} />
    </li>
  );
}
