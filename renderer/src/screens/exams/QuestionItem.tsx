import { useEffect, useId, useRef, useState } from 'react';
import type { AnswerWithHistory, CarriedOver, FollowUp } from '../../../../shared/api/ai-record';
import { answerStatus, type Question } from '../../../../shared/questionnaire';
import { formatDicomDate } from '../../format';
import { isoDateOf } from '../../format';
import { AnswerForm } from './AnswerForm';
import { describeValue, draftFromAnswer, emptyDraft, type AnswerDraft } from './answer-draft';
import { AnswerView } from './AnswerView';
import { FollowUpField } from './FollowUpField';

interface Props {
  examId: number;
  number: number;
  question: Question;
  answer: AnswerWithHistory | undefined;
  carried: CarriedOver | undefined;
  followUp: FollowUp | undefined;
  /** Offered as "who answered: organisation" on a new answer. */
  facilityName: string | null;
  /** Fields to start the form with (a consent-form passage's quote); opens the form. */
  prefill: Partial<AnswerDraft> | null;
  onChanged: () => void;
}

type Editing = null | { initial: AnswerDraft; carriedFromAnswerId?: number };

/** One question: why it matters, the current answer and its history, a carried-over suggestion, a follow-up. */
export function QuestionItem({ examId, number, question, answer, carried, followUp, facilityName, prefill, onChanged }: Props) {
  const headingId = useId();
  const [editing, setEditing] = useState<Editing>(null);
  /** After the form closes, focus goes back to this question's button (not to the page's top). */
  const [refocus, setRefocus] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const today = isoDateOf(new Date());
  const fresh = (): AnswerDraft => ({ ...emptyDraft(today), org: facilityName ?? '' });

  // A passage chose this question: open the form with its quote. Only a new prefill does this;
  // a reload of the answer must not reopen the form.
  useEffect(() => {
    if (prefill) setEditing({ initial: { ...(answer ? draftFromAnswer(question, answer) : fresh()), date: today, ...prefill } });
  }, [prefill]);

  const status = answer ? answerStatus(answer.value) : null;
  const open = status === null || status === 'will-find-out';
  const close = () => {
    setEditing(null);
    setRefocus(true);
  };
  const saved = () => {
    close();
    onChanged();
  };
  useEffect(() => {
    if (refocus && !editing) {
      buttonRef.current?.focus();
      setRefocus(false);
    }
  }, [refocus, editing, answer]);

  return (
    <li className="question" id={`question-${question.id}`}>
      <article className="card question-card" aria-labelledby={headingId}>
        <h3 id={headingId} className="question-title"><span className="question-number">{number}.</span> {question.text}</h3>
        <p className="question-why"><strong>Why it matters:</strong> {question.why}</p>

        {answer ? (
          <div className="answer-current">
            <AnswerView question={question} answer={answer} />
            {answer.carriedFromAnswerId !== null && <p className="hint">Confirmed from an earlier exam at the same facility.</p>}
          </div>
        ) : (
          <p className="answer-missing">Not answered yet.</p>
        )}

        {!answer && carried && !editing && (
          <div className="carried" role="group" aria-label="Carried over, confirm">
            <p><span className="badge badge-warning">Carried over, confirm</span>{' '}
              At an earlier exam here{carried.answer.date ? ` (${formatDicomDate(carried.answer.date)})` : ''}, they said: <strong>{describeValue(question, carried.answer.value)}</strong>.
              It is not part of this exam until you confirm it still holds.</p>
            <div className="button-row">
              <button type="button" className="button" onClick={() => setEditing({ initial: { ...draftFromAnswer(question, carried.answer), date: today }, carriedFromAnswerId: carried.fromAnswerId })}>
                Confirm carried-over answer
              </button>
            </div>
          </div>
        )}

        {open && !editing && <FollowUpField examId={examId} questionId={question.id} followUp={followUp} onChanged={onChanged} />}

        {answer && answer.history.length > 0 && (
          <details className="answer-history">
            <summary>Earlier answers ({answer.history.length})</summary>
            <ol className="history-list">
              {answer.history.map((h) => (
                <li key={h.id}>
                  <p className="hint">Recorded {formatStamp(h.recordedAt)}, replaced {formatStamp(h.changedAt)}</p>
                  <AnswerView question={question} answer={h} />
                </li>
              ))}
            </ol>
          </details>
        )}

        {editing ? (
          <AnswerForm examId={examId} question={question} initial={editing.initial} carriedFromAnswerId={editing.carriedFromAnswerId}
            onSaved={saved} onCancel={close} />
        ) : (
          <div className="button-row">
            <button ref={buttonRef} type="button" className="button" aria-label={`${answer ? 'Change answer' : 'Answer'}: ${question.text}`}
              onClick={() => setEditing({ initial: answer ? { ...draftFromAnswer(question, answer), date: today } : fresh() })}>
              {answer ? 'Change answer' : 'Answer'}
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

/** "2 December 2026, 14:05" from an ISO timestamp, in this computer's time. */
function formatStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDicomDate(isoDateOf(d)) ?? ''}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
