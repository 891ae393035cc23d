import { useState } from 'react';
import type { FollowUp } from '../../../../shared/api/ai-record';
import { isRealDate } from '../../../../shared/person-profile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDicomDate } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { TextField } from '../people/TextField';

/** A due date for a question still open (unanswered, or "they will find out"). */
export function FollowUpField({ examId, questionId, followUp, onChanged }: { examId: number; questionId: string; followUp: FollowUp | undefined; onChanged: () => void }) {
  const api = useApi();
  const [due, setDue] = useState(followUp?.dueDate ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const { busy, error, run } = useAction();
  const [showForm, setShowForm] = useState(false);

  const save = async (dueDate: string | null) => {
    if (dueDate !== null && !isRealDate(dueDate)) {
      setFieldError('Follow up by: write it as YYYY-MM-DD and check that the day exists.');
      return;
    }
    setFieldError(undefined);
    const done = await run(() => api.setFollowUp({ examId, questionId, dueDate }));
    if (done) {
      if (dueDate === null) setDue('');
      onChanged();
    }
  };

  return (
    <div className={followUp?.overdue ? 'followup-field overdue' : 'followup-field'}>
      {followUp && (
        <p className="followup-state">
          {followUp.overdue ? <strong>Follow-up overdue: it was due {formatDicomDate(followUp.dueDate)}.</strong> : <>Follow up by {formatDicomDate(followUp.dueDate)}.</>}
        </p>
      )}
      {!followUp && !showForm && (
        <button type="button" className="button-quiet followup-open" onClick={() => setShowForm(true)}>Set a follow-up date</button>
      )}
      {(followUp || showForm) && <form className="followup-form" noValidate onSubmit={(e) => { e.preventDefault(); void save(due.trim()); }}>
        <TextField label="Follow up by" type="date" value={due} onChange={setDue} error={fieldError} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>{followUp ? 'Change follow-up date' : 'Set follow-up date'}</button>
          {followUp && <button type="button" className="button-quiet" disabled={busy} onClick={() => void save(null)}>Remove follow-up</button>}
        </div>
      </form>}
      <ErrorAlert message={error} />
    </div>
  );
}
