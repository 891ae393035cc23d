import { useEffect, useId, useState } from 'react';
import type { ExamSummary } from '../../../../shared/api/ai-record';
import type { LibraryStudy } from '../../../../shared/api/library-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDicomDate } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';

function studyLabel(s: LibraryStudy): string {
  return `${formatDicomDate(s.date) ?? 'Date not recorded'}, ${s.description ?? 'no description'}${s.institution ? ` (${s.institution})` : ''}`;
}

/** A planned exam's images, once imported: choose the study among this person's studies. */
export function LinkStudyPanel({ exam, onLinked }: { exam: ExamSummary; onLinked: () => void }) {
  const api = useApi();
  const selectId = useId();
  const [studies, setStudies] = useState<LibraryStudy[] | null>(null);
  const [chosen, setChosen] = useState('');
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    let live = true;
    void api.queryStudies({ personId: exam.personId, limit: 200 }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setStudies(r.value.studies);
      if (r.value.studies[0]) setChosen(String(r.value.studies[0].id));
    });
    return () => {
      live = false;
    };
  }, [api, exam.personId]); // not setError: it is a new function each render

  const link = async () => {
    const done = await run(() => api.linkExamStudy({ examId: exam.id, studyId: Number(chosen) }));
    if (done) onLinked();
  };

  return (
    <section className="card stack-tight" aria-labelledby="link-title">
      <h2 id="link-title">Images</h2>
      <p>No images are linked to this exam yet. After the scan, import the CD or download, then choose the study here; answers, documents and letters stay with this exam.</p>
      {studies === null && !error && <p className="muted">Looking for this person’s studies…</p>}
      {studies !== null && studies.length === 0 && <p className="muted">This person has no imported studies yet.</p>}
      {studies !== null && studies.length > 0 && (
        <form className="link-form" onSubmit={(e) => { e.preventDefault(); void link(); }}>
          <div className="field">
            <label htmlFor={selectId}>Study with this exam’s images</label>
            <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              {studies.map((s) => <option key={s.id} value={s.id}>{studyLabel(s)}</option>)}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={busy || chosen === ''}>Link these images</button>
        </form>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
