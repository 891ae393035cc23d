import { useState } from 'react';
import type { PersonListItem } from '../../../../shared/api/people';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { formatDicomDate, formatPersonName, plural } from '../../format';

type PersonRecord = PersonListItem['records'][number];

/** One line about a record: how the hospital named the person, birth date, its patient ID. */
export function recordLine(r: PersonRecord): string {
  const born = formatDicomDate(r.birthDate);
  return [formatPersonName(r.name), born ? `born ${born}` : 'birth date not recorded', r.patientId ? `patient ID ${r.patientId}` : 'no patient ID'].join(', ');
}

/** This person's records (one per hospital), each of which can be split off: "This is someone else". */
export function RecordsPanel({ person, name, onChanged }: { person: PersonListItem; name: string; onChanged: () => void }) {
  const api = useApi();
  const [asking, setAsking] = useState<PersonRecord | null>(null);
  const { busy, error, run } = useAction();
  const canSplit = person.records.length > 1;

  const unlink = async (record: PersonRecord) => {
    const done = await run(() => api.unlinkRecord({ recordId: record.id }));
    setAsking(null);
    if (done) onChanged();
  };

  return (
    <section className="card" aria-labelledby="records-title">
      <h2 id="records-title">Records from hospitals</h2>
      <p className="hint">Each hospital or clinic keeps its own record of a person, often with a different number or spelling. ScanVault puts records together when the name and birth date match.</p>
      {person.records.length === 0 && <p>No scans are linked to this person yet.</p>}
      <ul className="record-list">
        {person.records.map((r) => (
          <li key={r.id} className="record-row">
            <div>
              <strong><bdi>{recordLine(r)}</bdi></strong>
              <span className="muted"> · {plural(r.studyCount, 'study', 'studies')} · {r.linkedBy === 'hand' ? 'placed here by you' : 'placed here by ScanVault'}</span>
            </div>
            {canSplit && (
              <button type="button" className="button" aria-label={`This is someone else: ${recordLine(r)}`} onClick={() => setAsking(r)}>
                This is someone else
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert message={error} />
      {asking && (
        <ConfirmDialog
          title="Is this record someone else?"
          confirmLabel="Yes, this is someone else"
          busy={busy}
          onCancel={() => setAsking(null)}
          onConfirm={() => void unlink(asking)}
        >
          <p>The record <bdi>“{recordLine(asking)}”</bdi> and its {plural(asking.studyCount, 'study', 'studies')} will be moved out of <bdi>{name}</bdi> and listed as a separate person.</p>
          <p>Nothing is deleted. Later imports will not put this record back; you can link it again with “This is the same person”.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
