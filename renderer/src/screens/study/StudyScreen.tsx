import { useEffect, useState } from 'react';
import type { StudyView } from '../../../../shared/api/viewer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDicomDate, formatPersonName, plural } from '../../format';
import { useApi } from '../../services';

/** One study opened from the library: what it holds, series by series. */
export function StudyScreen({ studyId, onClose }: { studyId: number; onClose: () => void }) {
  const api = useApi();
  const [view, setView] = useState<StudyView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.getStudyView({ studyId }).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, studyId]);

  const title = view ? `${formatDicomDate(view.study.date) ?? 'Date not recorded'}: ${view.study.description ?? 'No description'}` : 'Study';
  return (
    <section className="study-screen" aria-label={title}>
      <button type="button" className="button" onClick={onClose}>Back to library</button>
      <h1>{title}</h1>
      {error && <ErrorAlert message={error} />}
      {!view && !error && <p role="status">Opening the study…</p>}
      {view && (
        <>
          <p>{formatPersonName(view.study.patientName)}</p>
          <ul aria-label="Series in this study">
            {view.series.map((s) => (
              <li key={s.id}>
                {s.seriesNumber !== null ? `Series ${s.seriesNumber}` : 'Series'}{s.description ? `: ${s.description}` : ''}
                {' '}({plural(s.instances.length, 'picture', 'pictures')})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
