/** A structured report (DICOM SR) as readable text: headings, "name: value" lines, measurements with units. */
import { useCallback } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useInstanceQuery } from './use-instance-query';
import { useApi } from '../../../services';

export function ReportView({ instanceId }: { instanceId: number }) {
  const api = useApi();
  const load = useCallback((id: number) => api.getStructuredReport({ instanceId: id }), [api]);
  const { data: report, error } = useInstanceQuery(instanceId, load);

  return (
    <section className="details-section report-view" aria-label="Report">
      <ErrorAlert message={error} />
      {report === null && error === null && <p className="details-muted" role="status">Reading the report…</p>}
      {report !== null && (
        <article>
          <h3>{report.title ?? 'Report'}</h3>
          {report.status.length > 0 && <p className="details-muted">{report.status.join(' · ')}</p>}
          {report.lines.length === 0 && <p>This report has no content to show.</p>}
          <div className="report-lines">
            {report.lines.map((line, i) => {
              const depth = `depth-${Math.min(line.depth, 12)}`;
              if (line.kind === 'heading') {
                return <p key={i} role="heading" aria-level={Math.min(line.depth + 4, 6)} className={`report-heading ${depth}`}>{line.label ?? 'Section'}</p>;
              }
              return (
                <p key={i} className={`report-line ${depth} report-${line.kind}`}>
                  {line.label !== null && <span className="report-label">{line.label}{line.text !== null ? ': ' : ''}</span>}
                  {line.text !== null && <bdi>{line.text}</bdi>}
                </p>
              );
            })}
          </div>
          {report.truncated && <p className="details-warning">This report is very long; only its first part is shown.</p>}
        </article>
      )}
    </section>
  );
}
