import type { ImportReport } from '../../../../shared/domain';
import { formatCount } from '../../format';
import { PathList } from './PathList';
import { StudiesFound } from './StudiesFound';

/** What an import did, in plain words: counts first, details folded away. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const warningRows = report.warnings.flatMap((w) => w.warnings.map((text) => ({ path: w.path, text })));
  return (
    <div className="stack">
      <ul className="stat-tiles">
        <li className="stat">
          <strong>{formatCount(report.imported)}</strong>
          <span>new {report.imported === 1 ? 'file' : 'files'} stored</span>
        </li>
        <li className="stat">
          <strong>{formatCount(report.seenAgain)}</strong>
          <span>already in your vault</span>
          <small>Seen again: stored by an earlier import, so no second copy was made.</small>
        </li>
        <li className="stat">
          <strong>{formatCount(report.attachments)}</strong>
          <span>{report.attachments === 1 ? 'report' : 'reports'} kept</span>
          <small>Documents such as PDF reports that came with the scans.</small>
        </li>
      </ul>

      <StudiesFound studies={report.studies} />

      <PathList
        title={`Skipped (${formatCount(report.skipped.length)})`}
        explanation="These files are not medical images (for example the viewer program that comes on hospital CDs), so they were left out. Nothing to do."
        rows={report.skipped.map((s) => ({ path: s.path, text: s.reason }))}
      />
      <PathList
        title={`Could not be imported (${formatCount(report.failed.length)})`}
        explanation="These files could not be read. If they matter to you, ask the hospital for a new copy and import that."
        rows={report.failed.map((f) => ({ path: f.path, text: f.error }))}
        tone="error"
      />
      <PathList
        title={`Possible altered copies (${formatCount(report.conflicts.length)})`}
        explanation="Same image ID as a stored image but different contents — both kept so you can compare. This can happen when a hospital corrects an image; ask them if unsure."
        rows={report.conflicts.map((c) => ({ path: c.path, text: c.reason }))}
        tone="warning"
      />
      <PathList
        title={`Warnings (${formatCount(warningRows.length)})`}
        explanation="These files were stored, but something about them looked unusual."
        rows={warningRows}
      />
    </div>
  );
}
