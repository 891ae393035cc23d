import { useState } from 'react';
import type { PersonProfile } from '../../../../shared/person-profile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { draftFromProfile, draftToInput, type DraftErrors, type ProfileDraft } from './profile-draft';
import { RecordNumbersField } from './RecordNumbersField';
import { TextField } from './TextField';

/** What the user knows about the person, typed in by them; kept encrypted in the vault. */
export function ProfileForm({ profile, onSaved }: { profile: PersonProfile; onSaved: (p: PersonProfile) => void }) {
  const api = useApi();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(profile));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState('');
  const { busy, error, setError, run } = useAction();
  const set = (key: keyof ProfileDraft) => (value: string) => {
    setSaved('');
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const save = async () => {
    setSaved('');
    const checked = draftToInput(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setError('Some details need a look: see the messages beside the fields.');
      return;
    }
    setErrors({});
    const stored = await run(() => api.updatePersonProfile({ personId: profile.personId, profile: checked.value }));
    if (stored) {
      setDraft(draftFromProfile(stored));
      setSaved('Profile saved.');
      onSaved(stored);
    }
  };

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <p className="hint">Only you enter these details. They are kept encrypted in your vault, and help when you share scans or write to a hospital. Leave out anything you like.</p>
      <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div className="field-pair">
          <TextField label="Legal name" value={draft.legalName} onChange={set('legalName')} error={errors.legalName} maxLength={200} autoComplete="off" />
          <TextField label="Birth date" type="date" value={draft.birthDate} onChange={set('birthDate')} error={errors.birthDate} />
        </div>
        <TextField label="Former names" multiline value={draft.formerNames} onChange={set('formerNames')} error={errors.formerNames} hint="One name per line, for example a maiden name or another spelling." />
        <TextField label="Address" multiline value={draft.address} onChange={set('address')} error={errors.address} maxLength={500} />
        <div className="field-pair">
          <TextField label="Phone" type="tel" value={draft.phone} onChange={set('phone')} error={errors.phone} maxLength={50} />
          <TextField label="Email" type="email" value={draft.email} onChange={set('email')} error={errors.email} maxLength={254} />
        </div>
        <RecordNumbersField rows={draft.recordNumbers} error={errors.recordNumbers} onChange={(recordNumbers) => { setSaved(''); setDraft((d) => ({ ...d, recordNumbers })); }} />
        <fieldset className="fieldset">
          <legend>Someone who acts for this person (a parent for a child)</legend>
          <div className="field-pair">
            <TextField label="Their name" value={draft.repName} onChange={set('repName')} error={errors.repName} maxLength={200} />
            <TextField label="Relationship" value={draft.repRelationship} onChange={set('repRelationship')} error={errors.repRelationship} hint="For example parent, carer or guardian." maxLength={100} />
            <TextField label="Their phone" type="tel" value={draft.repPhone} onChange={set('repPhone')} error={errors.repPhone} maxLength={50} />
            <TextField label="Their email" type="email" value={draft.repEmail} onChange={set('repEmail')} error={errors.repEmail} maxLength={254} />
          </div>
        </fieldset>
        <TextField label="Notes" multiline value={draft.notes} onChange={set('notes')} error={errors.notes} maxLength={2000} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>Save profile</button>
          <p className="success" role="status">{saved}</p>
        </div>
        <ErrorAlert message={error} />
      </form>
    </section>
  );
}
