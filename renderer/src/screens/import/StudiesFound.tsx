import { useState } from 'react';
import type { ImportReport } from '../../../../shared/domain';
import { formatCount, formatDicomDate, formatPersonName } from '../../format';

const FIRST_ROWS = 10;

/** The studies (scan appointments) an import touched; long lists show the first ten until asked. */
export function StudiesFound({ studies }: { studies: ImportReport['studies'] }) {
  const [all, setAll] = useState(false);
  if (studies.length === 0) return null;
  const shown = all ? studies : studies.slice(0, FIRST_ROWS);
  return (
    <section className="card" aria-labelledby="studies-found">
      <h3 id="studies-found">Studies found ({formatCount(studies.length)})</h3>
      <p className="muted">A study is one scan appointment.</p>
      <table className="table">
        <thead>
          <tr><th scope="col">Date</th><th scope="col">Description</th><th scope="col">Patient</th></tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.studyInstanceUid}>
              <td>{formatDicomDate(s.date) ?? 'Date not recorded'}</td>
              <td><bdi>{s.description ?? 'No description'}</bdi></td>
              <td><bdi>{formatPersonName(s.patientName)}</bdi></td>
            </tr>
          ))}
        </tbody>
      </table>
      {studies.length > FIRST_ROWS && (
        <button type="button" className="button-quiet table-more" aria-expanded={all} onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer studies' : `Show all ${formatCount(studies.length)} studies`}
        </button>
      )}
    </section>
  );
}
