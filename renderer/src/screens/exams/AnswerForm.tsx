import { useEffect, useId, useRef, useState } from 'react';
import type { AnswerHow, AnswerWithHistory } from '../../../../shared/api/ai-record';
import type { Question } from '../../../../shared/questionnaire';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { TextField } from '../people/TextField';
import { draftToInput, HOW_LABELS, type AnswerDraft, type AnswerErrors } from './answer-draft';
import { ValueField } from './ValueField';

interface Props {
  examId: number;
  question: Question;
  initial: AnswerDraft;
  /** Confirming a carried-over suggestion: the answer it came from. */
  carriedFromAnswerId?: number | undefined;
  onSaved: (answer: AnswerWithHistory) => void;
  onCancel: () => void;
}

/** Records one answer (a new version; earlier ones stay readable in the history). */
export function AnswerForm({ examId, question, initial, carriedFromAnswerId, onSaved, onCancel }: Props) {
  const api = useApi();
  const [draft, setDraft] = useState<AnswerDraft>(initial);
  const [errors, setErrors] = useState<AnswerErrors>({});
  const { busy, error, setError, run } = useAction();
  const howId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const change = (next: Partial<AnswerDraft>) => setDraft((d) => ({ ...d, ...next }));
  const text = (key: keyof AnswerDraft) => (value: string) => change({ [key]: value });

  // Start keyboard users at the first field of the form they just opened.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    formRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  const save = async () => {
    const checked = draftToInput(question, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setError('Some details need a look: see the messages beside the fields.');
      return;
    }
    setErrors({});
    const saved = await run(() => api.recordAnswer({
      examId, questionId: question.id, ...checked.value,
      ...(carriedFromAnswerId !== undefined ? { carriedFromAnswerId } : {}),
    }));
    if (saved) onSaved(saved);
  };

  return (
    <form ref={formRef} className="answer-form stack-tight" noValidate aria-label={`Answer: ${question.text}`}
      onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <ValueField question={question} draft={draft} error={errors.single ?? errors.multi} onChange={change} />
      {question.detail && <TextField label={question.detail} multiline value={draft.detail} onChange={text('detail')} maxLength={4000} />}
      {question.date && <TextField label={question.date} type="date" value={draft.detailDate} onChange={text('detailDate')} error={errors.detailDate} />}
      <fieldset className="fieldset">
        <legend>Who answered</legend>
        <div className="field-pair field-pair-tight">
          <TextField label="Name" value={draft.by} onChange={text('by')} maxLength={200} />
          <TextField label="Role" value={draft.role} onChange={text('role')} maxLength={200} hint="For example radiologist or privacy officer." />
          <TextField label="Organisation" value={draft.org} onChange={text('org')} maxLength={200} />
        </div>
      </fieldset>
      <div className="field-pair field-pair-tight">
        <div className="field">
          <label htmlFor={howId}>How they answered</label>
          <select id={howId} value={draft.how} onChange={(e) => change({ how: e.target.value as AnswerHow | '' })}>
            <option value="">Not said</option>
            {(Object.keys(HOW_LABELS) as AnswerHow[]).map((h) => <option key={h} value={h}>{HOW_LABELS[h]}</option>)}
          </select>
        </div>
        <TextField label="When they answered" type="date" value={draft.date} onChange={text('date')} error={errors.date} />
      </div>
      <TextField label="Their exact words" multiline value={draft.quote} onChange={text('quote')} maxLength={4000} hint="Copy what they said or wrote, word for word, if you can." />
      <TextField label="Notes" multiline value={draft.notes} onChange={text('notes')} maxLength={4000} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>Save answer</button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
