import { useId } from 'react';
import { NON_ANSWERS, NON_ANSWER_LABELS, type NonAnswer, type Question } from '../../../../shared/questionnaire';
import type { AnswerDraft } from './answer-draft';
import { YN_LABELS } from './answer-draft';

interface Props {
  question: Question;
  draft: AnswerDraft;
  error: string | undefined;
  onChange: (next: Partial<AnswerDraft>) => void;
}

/**
 * The answer itself, by the question's type: one choice (yes/no questions and single choices) as
 * radio buttons, several choices as checkboxes, or typed text; "they don't know / would not say /
 * will find out" is offered for every type.
 */
export function ValueField({ question, draft, error, onChange }: Props) {
  const name = useId();
  const errorId = useId();
  const described = error ? errorId : undefined;
  const errorText = error ? <p className="field-error" id={errorId}>{error}</p> : null;

  if (question.type === 'ynu' || question.type === 'choice') {
    const own = question.type === 'ynu'
      ? (['yes', 'no'] as const).map((v) => ({ value: v, label: YN_LABELS[v] }))
      : question.options ?? [];
    const chosen = draft.nonAnswer !== '' ? draft.nonAnswer : draft.single;
    return (
      <fieldset className="fieldset value-field" aria-describedby={described} aria-invalid={error ? true : undefined}>
        <legend>Their answer</legend>
        <div className="choice-list">
          {own.map((o) => (
            <Radio key={o.value} name={name} value={o.value} label={o.label} checked={chosen === o.value}
              onCheck={() => onChange({ single: o.value, nonAnswer: '' })} />
          ))}
          {NON_ANSWERS.map((v) => (
            <Radio key={v} name={name} value={v} label={NON_ANSWER_LABELS[v]} checked={chosen === v}
              onCheck={() => onChange({ single: '', nonAnswer: v })} />
          ))}
        </div>
        {errorText}
      </fieldset>
    );
  }

  const noAnswer = (
    <fieldset className="fieldset fieldset-inner">
      <legend>Or, if they gave no answer</legend>
      <div className="choice-list">
        {NON_ANSWERS.map((v: NonAnswer) => (
          <Radio key={v} name={name} value={v} label={NON_ANSWER_LABELS[v]} checked={draft.nonAnswer === v}
            onCheck={() => onChange({ nonAnswer: v, multi: [], single: '' })} />
        ))}
      </div>
    </fieldset>
  );

  if (question.type === 'multi') {
    return (
      <fieldset className="fieldset value-field" aria-describedby={described} aria-invalid={error ? true : undefined}>
        <legend>Their answer (tick all that apply)</legend>
        <div className="choice-list">
          {(question.options ?? []).map((o) => {
            const id = `${name}-${o.value}`;
            const checked = draft.multi.includes(o.value);
            return (
              <div className="check" key={o.value}>
                <input id={id} type="checkbox" checked={checked}
                  onChange={() => onChange({ nonAnswer: '', multi: checked ? draft.multi.filter((x) => x !== o.value) : [...draft.multi, o.value] })} />
                <label htmlFor={id}>{o.label}</label>
              </div>
            );
          })}
        </div>
        {noAnswer}
        {errorText}
      </fieldset>
    );
  }

  const textId = `${name}-text`;
  return (
    <div className="stack-tight value-field">
      <div className="field">
        <label htmlFor={textId}>Their answer</label>
        <textarea id={textId} rows={2} maxLength={4000} value={draft.single} aria-describedby={described} aria-invalid={error ? true : undefined}
          onChange={(e) => onChange({ single: e.target.value, nonAnswer: '' })} />
      </div>
      {noAnswer}
      {errorText}
    </div>
  );
}

function Radio({ name, value, label, checked, onCheck }: { name: string; value: string; label: string; checked: boolean; onCheck: () => void }) {
  const id = `${name}-${value}`;
  return (
    <div className="check">
      <input id={id} type="radio" name={name} value={value} checked={checked} onChange={onCheck} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
