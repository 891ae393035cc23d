import { useId, useState } from 'react';
import type { PersonListItem } from '../../../../shared/api/people';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { plural } from '../../format';
import { personLabel } from './profile-draft';
import { recordLine } from './RecordsPanel';

interface Choice { recordId: number; line: string; studies: number; fromName: string }

/** "This is the same person": moves a record that sits under another person into this one. */
export function LinkRecordForm({ person, name, others, onChanged }: { person: PersonListItem; name: string; others: PersonListItem[]; onChanged: () => void }) {
  const api = useApi();
  const selectId = useId();
  const hintId = useId();
  const [chosen, setChosen] = useState('');
  const [asking, setAsking] = useState<Choice | null>(null);
  const { busy, error, run } = useAction();
  const choices: Choice[] = others.flatMap((o) => o.records.map((r) => ({ recordId: r.id, line: recordLine(r), studies: r.studyCount, fromName: personLabel(o) })));

  const link = async (choice: Choice) => {
    const done = await run(() => api.linkRecords({ personId: person.id, recordIds: [choice.recordId] }));
    setAsking(null);
    if (done) {
      setChosen('');
      onChanged();
    }
  };

  return (
    <section className="card" aria-labelledby="link-title">
      <h2 id="link-title">Another record of <bdi>{name}</bdi>?</h2>
      {choices.length === 0 ? (
        <p className="muted">There are no other records in the vault to link.</p>
      ) : (
        <form onSubmit={(e) => {
          e.preventDefault();
          const choice = choices.find((c) => String(c.recordId) === chosen);
          if (choice) setAsking(choice);
        }}>
          <div className="field">
            <label htmlFor={selectId}>Record listed under someone else</label>
            <select id={selectId} value={chosen} aria-describedby={hintId} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Choose a record…</option>
              {choices.map((c) => <option key={c.recordId} value={c.recordId}>{c.line} (now under {c.fromName})</option>)}
            </select>
            <p className="hint" id={hintId}>For example a record with a misspelt name, a married name, or a wrong birth date.</p>
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={chosen === ''}>This is the same person</button>
          </div>
        </form>
      )}
      <ErrorAlert message={error} />
      {asking && (
        <ConfirmDialog
          title="Is this the same person?"
          confirmLabel="Yes, same person"
          busy={busy}
          onCancel={() => setAsking(null)}
          onConfirm={() => void link(asking)}
        >
          <p>The record <bdi>“{asking.line}”</bdi> is now listed under {asking.fromName !== name ? <>another person, <bdi>{asking.fromName}</bdi></> : 'another person with the same name'}. It will move, with its {plural(asking.studies, 'study', 'studies')}, to <bdi>{name}</bdi> on this page.</p>
          <p>Nothing is deleted. You can undo this with “This is someone else”.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
