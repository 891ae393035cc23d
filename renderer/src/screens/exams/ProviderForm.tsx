import { useId, useState } from 'react';
import type { Provider } from '../../../../shared/api/ai-record';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { TextField } from '../people/TextField';
import { checkProviderDraft, PROVIDER_KIND_LABELS, type ProviderDraft, type ProviderErrors, type ProviderKind } from './provider-text';

interface Props {
  /** The provider being changed; absent: a new one. */
  id?: number;
  initial: ProviderDraft;
  heading: string;
  onSaved: (p: Provider) => void;
  onCancel: () => void;
}

/** Add or change a facility or AI company: its name, how to reach it, its privacy officer, what it says about AI. */
export function ProviderForm({ id, initial, heading, onSaved, onCancel }: Props) {
  const api = useApi();
  const name = useId();
  const headingId = useId();
  const [draft, setDraft] = useState<ProviderDraft>(initial);
  const [errors, setErrors] = useState<ProviderErrors>({});
  const { busy, error, setError, run } = useAction();
  const set = (key: keyof ProviderDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    const found = checkProviderDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return setError('Some details need a look: see the messages beside them.');
    const saved = await run(() => api.saveProvider({ ...(id !== undefined ? { id } : {}), ...draft }));
    if (saved) onSaved(saved);
  };

  return (
    <form className="card stack-tight" noValidate aria-labelledby={headingId} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h3 id={headingId}>{heading}</h3>
      <fieldset className="fieldset">
        <legend>What kind</legend>
        <div className="choice-list">
          {(Object.keys(PROVIDER_KIND_LABELS) as ProviderKind[]).map((k) => (
            <div className="check" key={k}>
              <input id={`${name}-${k}`} type="radio" name={name} value={k} checked={draft.kind === k} onChange={() => set('kind')(k)} />
              <label htmlFor={`${name}-${k}`}>{PROVIDER_KIND_LABELS[k]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextField label="Name" value={draft.name} onChange={set('name')} error={errors.name} maxLength={200} />
      <TextField label="Address, phone or email" multiline value={draft.contact} onChange={set('contact')} error={errors.contact}
        hint="Letters to them are addressed from this." />
      <TextField label="Privacy office or officer" value={draft.privacyOfficer} onChange={set('privacyOfficer')} error={errors.privacyOfficer}
        hint="For example “Privacy Officer” or a person’s name." />
      <TextField label="What they say about AI in general" multiline value={draft.aiStatement} onChange={set('aiStatement')} error={errors.aiStatement}
        hint="For example what their website, a notice or a staff member said." />
      <TextField label="Notes" multiline value={draft.notes} onChange={set('notes')} error={errors.notes} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>{id === undefined ? 'Add' : 'Save changes'}</button>
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
