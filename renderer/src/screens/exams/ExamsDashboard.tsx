import { useEffect, useState } from 'react';
import type { ExamSummary, FollowUp } from '../../../../shared/api/ai-record';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDicomDate, formatPersonName, plural } from '../../format';
import { useApi } from '../../services';
import { examLabel, OUTSIDE_FLAGS, progressText, questionText } from './exam-text';
import { FlagBadges } from './FlagBadges';

interface Props {
  onPlan: () => void;
  onProviders: () => void;
  onOpenExam: (examId: number) => void;
}

/** Across exams: which used AI, which sent data outside, what is still unanswered or overdue. */
export function ExamsDashboard({ onPlan, onProviders, onOpenExam }: Props) {
  const api = useApi();
  const [data, setData] = useState<{ exams: ExamSummary[]; followUps: FollowUp[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([api.listExams({}), api.listFollowUps({})]).then(([e, f]) => {
      if (!live) return;
      if (e.ok && f.ok) setData({ exams: e.value.exams, followUps: f.value.followUps });
      else setError((!e.ok ? e.error : !f.ok ? f.error : null)?.message ?? null);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const intro = (
    <>
      <h1>AI use</h1>
      <p className="lead">
        For each scan, keep what the hospital told you about AI: whether it was used, who made it, and what happens to your images.
        Plan an exam before you go, take the printed checklist with you, and write down the answers you get.
      </p>
    </>
  );
  if (error) return <>{intro}<ErrorAlert message={error} /></>;
  if (!data) return <>{intro}<p className="muted" aria-live="polite">Opening your exams…</p></>;

  const { exams, followUps } = data;
  const usedAi = exams.filter((e) => e.flags.includes('ai-used')).length;
  const outside = exams.filter((e) => e.flags.some((f) => OUTSIDE_FLAGS.includes(f))).length;
  const open = exams.filter((e) => e.answered < e.total).length;
  const overdue = followUps.filter((f) => f.overdue).length;
  const byId = new Map(exams.map((e) => [e.id, e]));

  return (
    <>
      {intro}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onPlan}>Plan an exam</button>
        <button type="button" className="button" onClick={onProviders}>Providers</button>
      </div>
      <section className="exam-overview" aria-labelledby="overview-title">
        <h2 id="overview-title" className="visually-hidden">At a glance</h2>
        <dl className="overview-grid">
          <div className="overview-item"><dt>Exams that used AI</dt><dd>{usedAi}</dd></div>
          <div className="overview-item"><dt>Exams that sent data outside</dt><dd>{outside}</dd></div>
          <div className="overview-item"><dt>Exams with questions still open</dt><dd>{open}</dd></div>
          <div className={overdue > 0 ? 'overview-item overview-alert' : 'overview-item'}><dt>Follow-ups overdue</dt><dd>{overdue}</dd></div>
        </dl>
      </section>

      {followUps.length > 0 && (
        <section className="card stack-tight" aria-labelledby="followups-title">
          <h2 id="followups-title">Follow-ups</h2>
          <ul className="followup-list">
            {followUps.map((f) => {
              const exam = byId.get(f.examId);
              return (
                <li key={`${f.examId}:${f.questionId}`} className={f.overdue ? 'followup overdue' : 'followup'}>
                  <span>
                    {f.overdue ? <strong>Overdue since {formatDicomDate(f.dueDate)}</strong> : <>Due {formatDicomDate(f.dueDate)}</>}
                    {': '}{questionText(f.questionId)}
                    {f.status === 'will-find-out' ? ' (they said they will find out)' : ''}
                  </span>
                  {exam && <button type="button" className="button-quiet" onClick={() => onOpenExam(exam.id)}>Open {examLabel(exam)}</button>}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="exam-list-title" className="exam-list-section">
        <h2 id="exam-list-title">Exams</h2>
        {exams.length === 0 ? (
          <p className="card empty-state">No exams yet. Plan one before your next scan; every study you import gets one too.</p>
        ) : (
          <ul className="exam-list" aria-label="Exams">
            {exams.map((e) => <ExamRow key={e.id} exam={e} onOpen={() => onOpenExam(e.id)} />)}
          </ul>
        )}
      </section>
    </>
  );
}

function ExamRow({ exam, onOpen }: { exam: ExamSummary; onOpen: () => void }) {
  const label = examLabel(exam);
  return (
    <li className="card exam-row">
      <div className="exam-row-main">
        <h3 className="exam-row-title">{label}</h3>
        <p className="exam-row-facts">
          {exam.personName && <><bdi>{formatPersonName(exam.personName)}</bdi> · </>}
          {exam.facilityName ? <bdi>{exam.facilityName}</bdi> : 'Facility not set'}
          {' · '}{exam.studyId !== null ? 'Images in the vault' : 'Planned, no images yet'}
        </p>
        <p className="exam-row-progress">
          {progressText(exam.answered, exam.total)}
          {exam.followUpsOverdue > 0 && <strong className="overdue-text"> · {plural(exam.followUpsOverdue, 'follow-up', 'follow-ups')} overdue</strong>}
        </p>
        <FlagBadges flags={exam.flags} label={`Concerns for ${label}`} />
      </div>
      <button type="button" className="button" aria-label={`Open exam: ${label}`} onClick={onOpen}>Open</button>
    </li>
  );
}
