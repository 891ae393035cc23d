import { useState } from 'react';
import type { ExamSummary } from '../../../../shared/api/ai-record';
import { formatDicomDate, formatPersonName } from '../../format';
import { EditExamForm } from './EditExamForm';
import { examKind, progressText } from './exam-text';
import { FlagBadges } from './FlagBadges';

/** The exam at a glance: its facts, how many questions are answered, and the flags raised. */
export function ExamFacts({ exam, onChanged }: { exam: ExamSummary; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const rows: [string, string | null][] = [
    ['Whose', exam.personName ? formatPersonName(exam.personName) : null],
    ['Date', formatDicomDate(exam.date ?? exam.studyDate)],
    ['Facility', exam.facilityName],
    ['Exam', examKind(exam)],
    ['Ordered by', exam.orderingProvider],
    ['Reason', exam.reason],
    ['Images', exam.studyId !== null ? `In the vault: ${formatDicomDate(exam.studyDate) ?? 'date not recorded'}, ${exam.studyDescription ?? 'no description'}` : 'Not linked yet'],
  ];
  return (
    <section className="card exam-summary" aria-labelledby="summary-title">
      <h2 id="summary-title" className="visually-hidden">Summary</h2>
      <div className="exam-summary-grid">
        <div>
          {editing ? (
            <EditExamForm exam={exam} onSaved={() => { setEditing(false); onChanged(); }} onCancel={() => setEditing(false)} />
          ) : (
            <>
              <dl className="study-facts exam-facts">
                {rows.filter(([, v]) => v !== null && v !== '').map(([k, v]) => <div key={k}><dt>{k}</dt><dd><bdi>{v}</bdi></dd></div>)}
              </dl>
              <button type="button" className="button-quiet edit-exam-open" onClick={() => setEditing(true)}>Change exam details</button>
            </>
          )}
        </div>
        <div className="exam-status">
          <p className="exam-progress-text" id="exam-progress-label">{progressText(exam.answered, exam.total)}</p>
          <progress className="exam-progress" max={exam.total} value={exam.answered} aria-labelledby="exam-progress-label" />
          {exam.followUpsOverdue > 0 && <p className="overdue-text"><strong>{exam.followUpsOverdue} follow-up{exam.followUpsOverdue === 1 ? '' : 's'} overdue</strong></p>}
          <h3 className="flags-title">What the answers show</h3>
          <FlagBadges flags={exam.flags} label="Concerns raised by the answers" explain />
        </div>
      </div>
    </section>
  );
}
