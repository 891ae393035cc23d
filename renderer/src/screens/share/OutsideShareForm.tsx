import { useId, useRef, useState, type FormEvent } from 'react';
import { CheckboxField } from '../../components/CheckboxField';
import { IsoDate } from '../../../../shared/domain';
import type { PersonSummary } from '../../../../shared/domain';
import type { ShareRecord } from '../../../../shared/share/share-domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isoDateOf } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useServices } from '../../services';
import { sourceForFile } from '../exams/documents';
import { TextField } from '../people/TextField';
import { studyLabel } from './ChooseStep';
import { checkRecipient, EMPTY_RECIPIENT, toRecipient, type RecipientDraft } from './wizard-state';

interface Props {
  person: PersonSummary;
  onRecorded: (share: ShareRecord) => void;
}

type Errors = Partial<Record<'date' | 'name' | 'purpose' | 'method' | 'role' | 'org' | 'contact' | 'description', string>>;

/** A share made outside the app (a hospital sent images to an insurer, a portal share), recorded by hand, with an optional letter. */
export function OutsideShareForm({ person, onRecorded }: Props) {
  const services = useServices();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [date, setDate] = useState(isoDateOf(new Date()));
  const [recipient, setRecipient] = useState<RecipientDraft>(EMPTY_RECIPIENT);
  const [purpose, setPurpose] = useState('');
  const [method, setMethod] = useState('');
  const [description, setDescription] = useState('');
  const [studyUids, setStudyUids] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState('');
  const { busy, error, setError, run } = useAction();
  const studies = person.records.flatMap((r) => r.studies);
  const set = (key: keyof RecipientDraft) => (value: string) => setRecipient({ ...recipient, [key]: value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const found: Errors = { ...checkRecipient(recipient, purpose) };
    if (purpose.trim() === '') found.purpose = 'Write why it was shared, for example “Insurance claim review”.';
    const day = IsoDate.safeParse(date.trim());
    if (!day.success) found.date = day.error.issues[0]?.message ?? 'Use the form YYYY-MM-DD.';
    else if (day.data > isoDateOf(new Date(Date.now() + 86_400_000))) found.date = 'That date is in the future. Give the day the share happened.';
    if (method.trim() === '') found.method = 'Say how it was shared, for example “CD sent by the hospital” or “Patient portal”.';
    else if (method.trim().length > 200) found.method = 'This can be at most 200 characters long.';
    if (description.trim().length > 2000) found.description = 'The description can be at most 2,000 characters long.';
    setErrors(found);
    if (Object.keys(found).length > 0) { setError('Some answers need a change: see the messages under the fields.'); return; }
    let document = null;
    if (file) {
      const sent = await sourceForFile(services, file);
      if (!sent.ok) { setError(sent.message); return; }
      document = sent.source;
    }
    const recorded = await run(() => services.api.recordOutsideShare({
      personId: person.id, date: date.trim(), recipient: toRecipient(recipient), purpose: purpose.trim(), method: method.trim(),
      studyUids, description: description.trim() === '' ? null : description.trim(), document,
    }));
    if (recorded) {
      setDone(`The share with ${recorded.recipient.name} is now in the record.`);
      setRecipient(EMPTY_RECIPIENT);
      setPurpose('');
      setMethod('');
      setDescription('');
      setStudyUids([]);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onRecorded(recorded);
    }
  };

  return (
    <form className="stack" noValidate onSubmit={(e) => void submit(e)} aria-label="Record a share made elsewhere">
      <p>For copies that left without ScanVault: a hospital sent your images to an insurer, you shared them through a portal, a doctor forwarded them.</p>
      <div className="field-pair">
        <TextField label="Date it happened" value={date} onChange={setDate} error={errors.date} hint="YYYY-MM-DD" maxLength={10} />
        <TextField label="How it was shared" value={method} onChange={setMethod} error={errors.method} maxLength={220} hint="For example “CD sent by the hospital”." />
      </div>
      <div className="field-pair">
        <TextField label="Recipient’s name" value={recipient.name} onChange={set('name')} error={errors.name} maxLength={220} />
        <TextField label="Their role" value={recipient.role} onChange={set('role')} error={errors.role} maxLength={220} hint="Optional." />
      </div>
      <div className="field-pair">
        <TextField label="Organisation" value={recipient.org} onChange={set('org')} error={errors.org} maxLength={220} hint="Optional." />
        <TextField label="How to reach them" value={recipient.contact} onChange={set('contact')} error={errors.contact} maxLength={520} hint="Optional: an address, phone number or e-mail." />
      </div>
      <TextField label="Why it was shared" value={purpose} onChange={setPurpose} error={errors.purpose} maxLength={520} />
      <TextField label="What was shared" value={description} onChange={setDescription} error={errors.description} multiline maxLength={2100} hint="Optional, in your own words." />
      {studies.length > 0 && (
        <fieldset className="share-outside-studies">
          <legend>Scans in your vault it concerned (optional)</legend>
          {studies.map((s) => (
            <CheckboxField key={s.id} label={studyLabel(s)} checked={studyUids.includes(s.studyInstanceUid)}
              onChange={(on) => setStudyUids(on ? [...studyUids, s.studyInstanceUid] : studyUids.filter((u) => u !== s.studyInstanceUid))} />
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={fileId}>A letter or document about it (optional)</label>
        <input ref={fileRef} id={fileId} type="file" accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <p className="hint">A PDF or a photo. It is stored encrypted in your vault.</p>
      </div>
      <ErrorAlert message={error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>Record this share</button>
        <p className="success" role="status">{done}</p>
      </div>
    </form>
  );
}
