import { useId, useState } from 'react';
import type { ExamSummary } from '../../../../shared/api/ai-record';
import { isRealDate } from '../../../../shared/person-profile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { modalityLabel } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { TextField } from '../people/TextField';

export const MODALITY_CODES = ['CT', 'MR', 'US', 'CR', 'MG', 'PT', 'NM', 'XA', 'RF'] as const;

/** Changes an exam's own details (a planned date moved, the body part made precise). */
export function EditExamForm({ exam, onSaved, onCancel }: { exam: ExamSummary; onSaved: () => void; onCancel: () => void }) {
  const api = useApi();
  const modalityId = useId();
  const [date, setDate] = useState(exam.date ?? '');
  const [modality, setModality] = useState(exam.modality ?? '');
  const [bodyPart, setBodyPart] = useState(exam.bodyPart ?? '');
  const [orderingProvider, setOrderingProvider] = useState(exam.orderingProvider ?? '');
  const [reason, setReason] = useState(exam.reason ?? '');
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const { busy, error, run } = useAction();
  const codes: string[] = [...MODALITY_CODES];
  if (modality !== '' && !codes.includes(modality)) codes.push(modality);

  const save = async () => {
    if (date.trim() !== '' && !isRealDate(date.trim())) {
      setDateError('Exam date: write it as YYYY-MM-DD and check that the day exists.');
      return;
    }
    setDateError(undefined);
    const done = await run(() => api.updateExam({ examId: exam.id, date: date.trim(), modality, bodyPart, orderingProvider, reason }));
    if (done) onSaved();
  };

  return (
    <form className="stack-tight edit-exam" noValidate aria-label="Change exam details" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <div className="field-pair field-pair-tight">
        <TextField label="Exam date" type="date" value={date} onChange={setDate} error={dateError} />
        <div className="field">
          <label htmlFor={modalityId}>Kind of scan</label>
          <select id={modalityId} value={modality} onChange={(e) => setModality(e.target.value)}>
            <option value="">Not sure yet</option>
            {codes.map((c) => <option key={c} value={c}>{/^[A-Z]{2,3}$/.test(c) ? modalityLabel(c) : c}</option>)}
          </select>
        </div>
      </div>
      <div className="field-pair field-pair-tight">
        <TextField label="Body part" value={bodyPart} onChange={setBodyPart} maxLength={200} />
        <TextField label="Ordering provider" value={orderingProvider} onChange={setOrderingProvider} maxLength={200} />
      </div>
      <TextField label="Reason for the exam" multiline value={reason} onChange={setReason} maxLength={1000} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>Save exam details</button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
