import { useEffect, useRef } from 'react';
import type { Job } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { importSummary } from '../../format';
import { ImportReportView } from './ImportReportView';

interface Props {
  job: Job;
  onImportMore: () => void;
  /** Back to the form with what was chosen before (after a failed import). */
  onTryAgain: () => void;
  onGoToLibrary: () => void;
}

const HEADINGS: Record<Job['state'], string> = {
  done: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'The import did not finish',
  running: 'Importing…',
};

/** The end of an import: what happened, then "Import more" or "Go to library". */
export function ImportResult({ job, onImportMore, onTryAgain, onGoToLibrary }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="stack" aria-labelledby="import-result">
      <h2 id="import-result" className={`result-heading result-${job.state}`} ref={heading} tabIndex={-1}>{HEADINGS[job.state]}</h2>
      {job.state === 'done' && job.importReport && <p>{importSummary(job.importReport)}</p>}
      {job.state === 'cancelled' && <p>You cancelled the import. Files imported before you cancelled are kept in your vault.</p>}
      {job.state === 'failed' && <ErrorAlert message={job.error?.message ?? 'Something went wrong. Nothing already stored was lost; please try again.'} />}
      {job.importReport && <ImportReportView report={job.importReport} />}
      {job.state === 'failed' ? (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={onTryAgain}>Try again</button>
          <button type="button" className="button" onClick={onGoToLibrary}>Go to library</button>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={onGoToLibrary}>Go to library</button>
          <button type="button" className="button" onClick={onImportMore}>Import more</button>
        </div>
      )}
    </section>
  );
}
