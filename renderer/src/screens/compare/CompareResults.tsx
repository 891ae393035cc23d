import { useEffect, useRef, useState } from 'react';
import type { CompareResult } from '../../../../shared/compare/compare-report';
import { MATCHED_BY_WORDS, describeChange, describeOutcome } from '../../../../shared/compare/describe';
import type { Job } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCount, plural } from '../../format';
import { SideBySide } from './SideBySide';

const GOOD = new Set(['identical', 'same-dataset']);

function ResultItem({ result, onShow }: { result: CompareResult; onShow: () => void }) {
  const changes = result.changes ?? [];
  const canShow = result.copyId !== undefined && result.original !== undefined;
  return (
    <li className={`compare-result ${GOOD.has(result.outcome) ? 'is-good' : 'is-bad'}`}>
      <p className="compare-path">{result.path}</p>
      <p className="compare-outcome"><strong>{describeOutcome(result)}</strong>{result.matchedBy !== undefined && <> — original {MATCHED_BY_WORDS[result.matchedBy]}</>}</p>
      {result.note !== undefined && <p className="hint">{result.note}.</p>}
      {changes.length > 0 && (
        <details>
          <summary>{plural(changes.length, 'changed detail', 'changed details')}</summary>
          <ul className="compare-changes">{changes.map((c, i) => <li key={i}>{describeChange(c)}</li>)}</ul>
        </details>
      )}
      {canShow && <button type="button" className="button" onClick={onShow}>Show side by side</button>}
    </li>
  );
}

/** What the check found, file by file, in plain words; one match at a time shown in the viewer. */
export function CompareResults({ job, onAgain }: { job: Job; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState<CompareResult | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const report = job.compareReport;
  if (job.state === 'cancelled' || !report) {
    return (
      <div className="stack">
        <h2 ref={heading} tabIndex={-1}>{job.state === 'cancelled' ? 'Check stopped. Nothing was stored or changed.' : 'The check did not finish'}</h2>
        {job.state !== 'cancelled' && <ErrorAlert message={job.error?.message ?? 'Something went wrong. Please try again.'} />}
        <div className="button-row"><button type="button" className="button button-primary" onClick={onAgain}>Check a copy</button></div>
      </div>
    );
  }
  const good = report.results.filter((r) => GOOD.has(r.outcome)).length;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="compare-summary">
        <h2 id="compare-summary" ref={heading} tabIndex={-1}>
          {report.results.length > 0 && good === report.results.length && report.failed.length === 0
            ? 'Every picture matches your originals'
            : `${formatCount(report.results.length - good)} of ${plural(report.results.length, 'picture', 'pictures')} ${report.results.length - good === 1 ? 'does' : 'do'} not match your originals`}
        </h2>
        <ul className="compare-list">
          {report.results.map((r) => <ResultItem key={r.path} result={r} onShow={() => setShown(r)} />)}
        </ul>
        {report.failed.length > 0 && (
          <ul className="problem-list">{report.failed.map((f) => <li key={f.path}>{f.path}: could not be checked. {f.error}</li>)}</ul>
        )}
        {report.skipped.length > 0 && <p className="hint">Not checked ({plural(report.skipped.length, 'file', 'files')}): not medical images.</p>}
      </section>
      {shown !== null && <SideBySide key={shown.path} result={shown} onClose={() => setShown(null)} />}
      <div className="button-row"><button type="button" className="button" onClick={onAgain}>Check another copy</button></div>
    </div>
  );
}
