import type { ExamDetail } from '../../../../shared/api/ai-record';
import { NON_ANSWER_LABELS, NON_ANSWERS, QUESTIONNAIRE, type Question } from '../../../../shared/questionnaire';
import { formatDicomDate, formatPersonName } from '../../format';
import { describeValue, YN_LABELS } from './answer-draft';
import { examKind } from './exam-text';

export const CHECKLIST_TITLE = 'Questions to ask about AI at my exam';

/** The pre-appointment checklist: every question with its reason and room to write the answer. */
export function PrintChecklist({ detail }: { detail: ExamDetail }) {
  const { exam } = detail;
  const answers = new Map(detail.answers.map((a) => [a.questionId, a]));
  const facts: [string, string | null][] = [
    ['Patient', exam.personName ? formatPersonName(exam.personName) : null],
    ['Exam date', formatDicomDate(exam.date ?? exam.studyDate)],
    ['Facility', exam.facilityName],
    ['Exam', examKind(exam)],
    ['Ordered by', exam.orderingProvider],
  ];
  return (
    <article className="print-doc checklist" aria-labelledby="checklist-title">
      <h1 id="checklist-title">{CHECKLIST_TITLE}</h1>
      <dl className="print-facts">
        {facts.filter(([, v]) => v).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>
      <p>Ask these before or at your appointment, for example at the front desk, the radiographer, or the privacy officer.
        Write down each answer, who gave it and when. You can type the answers into ScanVault afterwards.</p>
      <ol className="checklist-questions">
        {QUESTIONNAIRE.questions.map((q) => {
          const known = answers.get(q.id);
          return (
            <li key={q.id} className="checklist-question">
              <p className="checklist-text">{q.text}</p>
              <p className="checklist-why">Why it matters: {q.why}</p>
              {known && <p className="checklist-known">Already recorded: {describeValue(q, known.value)}</p>}
              <Choices question={q} />
              {q.detail && <p className="write-line">{q.detail}:</p>}
              {q.date && <p className="write-line">{q.date}:</p>}
              <p className="write-line write-line-split"><span>Who answered:</span><span>Date:</span></p>
            </li>
          );
        })}
      </ol>
    </article>
  );
}

function Choices({ question }: { question: Question }) {
  const own = question.type === 'ynu'
    ? (['yes', 'no'] as const).map((v) => YN_LABELS[v])
    : (question.options ?? []).map((o) => o.label);
  const labels = [...own, ...NON_ANSWERS.map((v) => NON_ANSWER_LABELS[v])];
  return (
    <>
      {question.type === 'text' && <p className="write-line">Answer:</p>}
      <ul className="checkbox-row">
        {labels.map((l) => <li key={l}><span className="box" aria-hidden="true" />{l}</li>)}
      </ul>
    </>
  );
}
