import { useEffect, useId, useRef, useState } from 'react';
import type { Provider } from '../../../../shared/api/ai-record';
import type { PersonListItem } from '../../../../shared/api/people';
import { isRealDate } from '../../../../shared/person-profile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { modalityLabel } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { personLabel } from '../people/profile-draft';
import { TextField } from '../people/TextField';
import { MODALITY_CODES } from './EditExamForm';

const NEW_FACILITY = 'new';
/** Someone with no scans in the vault yet (before the first import there is nobody else). */
const NEW_PERSON = 'new';

interface Props {
  onCreated: (examId: number) => void;
  onCancel: () => void;
}

/** A scan that has not happened yet: who, when, where, what kind, who asked for it and why. */
export function PlanExamForm({ onCreated, onCancel }: Props) {
  const api = useApi();
  const [people, setPeople] = useState<PersonListItem[] | null>(null);
  const [facilities, setFacilities] = useState<Provider[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [personId, setPersonId] = useState(NEW_PERSON);
  const [newPersonName, setNewPersonName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [date, setDate] = useState('');
  const [facility, setFacility] = useState(NEW_FACILITY);
  const [facilityName, setFacilityName] = useState('');
  const [modality, setModality] = useState('');
  const [bodyPart, setBodyPart] = useState('');
  const [orderingProvider, setOrderingProvider] = useState('');
  const [reason, setReason] = useState('');
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const { busy, error, setError, run } = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const personFieldId = useId();
  const facilityFieldId = useId();
  const modalityFieldId = useId();

  useEffect(() => {
    headingRef.current?.focus();
    let live = true;
    void Promise.all([api.listPeople({}), api.listProviders({})]).then(([p, f]) => {
      if (!live) return;
      if (!p.ok) return setLoadError(p.error.message);
      setPeople(p.value.people);
      const first = p.value.people[0];
      if (first) setPersonId(String(first.id));
      if (f.ok) {
        const list = f.value.providers.filter((x) => x.kind === 'facility');
        setFacilities(list);
        if (list[0]) setFacility(String(list[0].id));
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  const submit = async () => {
    const d = date.trim();
    const isNew = personId === NEW_PERSON;
    const badName = isNew && newPersonName.trim() === '' ? 'Name: type who the exam is for, for example “Me” or your child’s first name.' : undefined;
    const badDate = d !== '' && !isRealDate(d) ? 'Exam date: write it as YYYY-MM-DD and check that the day exists.' : undefined;
    setNameError(badName);
    setDateError(badDate);
    if (badName || badDate) return setError('Some details need a look: see the messages beside them.');
    let facilityId: number | null = null;
    if (facility === NEW_FACILITY) {
      if (facilityName.trim() !== '') {
        const saved = await run(() => api.saveProvider({ kind: 'facility', name: facilityName }));
        if (!saved) return;
        facilityId = saved.id;
      }
    } else {
      facilityId = Number(facility);
    }
    const exam = await run(() => api.createExam({
      ...(isNew ? { newPersonName } : { personId: Number(personId) }), date: d, facilityId, modality, bodyPart, orderingProvider, reason,
    }));
    if (exam) onCreated(exam.id);
  };

  const back = <button type="button" className="button-quiet back-button" onClick={onCancel}>← Back to AI use</button>;
  if (loadError) return <>{back}<h1>Plan an exam</h1><ErrorAlert message={loadError} /></>;
  if (!people) return <>{back}<p className="muted" aria-live="polite">Opening…</p></>;

  return (
    <>
      {back}
      <h1 ref={headingRef} tabIndex={-1}>Plan an exam</h1>
      <p className="lead">Write down a scan you are going to have. You can print a checklist of questions to take with you, and link the images once you have imported them.</p>
      <form className="card stack" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="field-pair">
          <div className="field">
            <label htmlFor={personFieldId}>Whose exam</label>
            <select id={personFieldId} value={personId} onChange={(e) => setPersonId(e.target.value)}>
              {people.map((p) => <option key={p.id} value={p.id}>{personLabel(p)}</option>)}
              <option value={NEW_PERSON}>{people.length === 0 ? 'Someone new (no scans here yet)' : 'Someone else, with no scans here yet'}</option>
            </select>
          </div>
          {personId === NEW_PERSON && (
            <TextField label="Their name" value={newPersonName} onChange={setNewPersonName} error={nameError} maxLength={200}
              hint="For example “Me” or your child’s first name. When you import their scans, link them to this person under Library → Profile and records." />
          )}
        </div>
        <div className="field-pair">
          <TextField label="Exam date" type="date" value={date} onChange={setDate} error={dateError} />
          <div className="field">
            <label htmlFor={modalityFieldId}>Kind of scan</label>
            <select id={modalityFieldId} value={modality} onChange={(e) => setModality(e.target.value)}>
              <option value="">Not sure yet</option>
              {MODALITY_CODES.map((c) => <option key={c} value={c}>{modalityLabel(c)}</option>)}
            </select>
          </div>
        </div>
        <div className="field-pair">
          <div className="field">
            <label htmlFor={facilityFieldId}>Facility</label>
            <select id={facilityFieldId} value={facility} onChange={(e) => setFacility(e.target.value)}>
              {facilities.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
              <option value={NEW_FACILITY}>A facility not listed yet</option>
            </select>
          </div>
          {facility === NEW_FACILITY && (
            <TextField label="Name of the facility" value={facilityName} onChange={setFacilityName} maxLength={200} hint="The hospital, clinic or imaging centre." />
          )}
        </div>
        <div className="field-pair">
          <TextField label="Body part" value={bodyPart} onChange={setBodyPart} maxLength={200} hint="For example chest, knee or head." />
          <TextField label="Ordering provider" value={orderingProvider} onChange={setOrderingProvider} maxLength={200} hint="The doctor who asked for the scan." />
        </div>
        <TextField label="Reason for the exam" multiline value={reason} onChange={setReason} maxLength={1000} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>Save planned exam</button>
          <button type="button" className="button" onClick={onCancel}>Cancel</button>
        </div>
        <ErrorAlert message={error} />
      </form>
    </>
  );
}
