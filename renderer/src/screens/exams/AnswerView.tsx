import type { Answer } from '../../../../shared/api/ai-record';
import type { Question } from '../../../../shared/questionnaire';
import { formatDicomDate } from '../../format';
import { describeValue, HOW_LABELS } from './answer-draft';

/** One recorded answer: the value and everything said about who, when and how. */
export function AnswerView({ question, answer }: { question: Question; answer: Answer }) {
  const who = [answer.by, answer.role, answer.org].filter((x): x is string => x !== null && x !== '').join(', ');
  const rows: [string, string | null][] = [
    ['Answer', describeValue(question, answer.value)],
    [question.detail ?? 'Details', answer.detail],
    [question.date ?? 'Date', formatDicomDate(answer.detailDate)],
    ['Who answered', who === '' ? null : who],
    ['How', answer.how ? HOW_LABELS[answer.how] : null],
    ['When they answered', formatDicomDate(answer.date)],
    ['Their exact words', answer.quote],
    ['Notes', answer.notes],
  ];
  return (
    <dl className="answer-facts">
      {rows.filter(([, v]) => v !== null && v !== '').map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{k === 'Their exact words' ? <q><bdi>{v}</bdi></q> : <bdi>{v}</bdi>}</dd>
        </div>
      ))}
    </dl>
  );
}
