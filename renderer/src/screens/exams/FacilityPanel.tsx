import { useEffect, useState } from 'react';
import type { Provider } from '../../../../shared/api/ai-record';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { TextField } from '../people/TextField';

/**
 * The exam's facility as a record of its own: where to write, its privacy officer, and what it
 * says about AI in general. Letters to it are addressed from these details.
 */
export function FacilityPanel({ facilityId, onSaved }: { facilityId: number; onSaved: () => void }) {
  const api = useApi();
  const [provider, setProvider] = useState<Provider | null>(null);
  const [contact, setContact] = useState('');
  const [officer, setOfficer] = useState('');
  const [statement, setStatement] = useState('');
  const [saved, setSaved] = useState('');
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    let live = true;
    void api.listProviders({}).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      const p = r.value.providers.find((x) => x.id === facilityId) ?? null;
      setProvider(p);
      setContact(p?.contact ?? '');
      setOfficer(p?.privacyOfficer ?? '');
      setStatement(p?.aiStatement ?? '');
    });
    return () => {
      live = false;
    };
  }, [api, facilityId]); // not setError: it is a new function each render

  if (!provider) return error ? <ErrorAlert message={error} /> : null;

  const save = async () => {
    setSaved('');
    const stored = await run(() => api.saveProvider({
      id: provider.id, kind: provider.kind, name: provider.name, contact, privacyOfficer: officer, aiStatement: statement, notes: provider.notes ?? '',
    }));
    if (stored) {
      setProvider(stored);
      setSaved('Facility details saved.');
      onSaved();
    }
  };

  return (
    <details className="card facility-panel">
      <summary className="summary-heading">Facility details: <bdi>{provider.name}</bdi></summary>
      <form className="stack-tight" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <p className="hint">Letters to this facility are addressed from these details. They are kept with the facility, for every exam there.</p>
        <TextField label="Postal address" multiline value={contact} onChange={(v) => { setSaved(''); setContact(v); }} maxLength={1000} />
        <TextField label="Privacy office or officer" value={officer} onChange={(v) => { setSaved(''); setOfficer(v); }} maxLength={500} hint="Letters go to them, for example “Privacy Officer” or a name." />
        <TextField label="What they say about AI in general" multiline value={statement} onChange={(v) => { setSaved(''); setStatement(v); }} maxLength={4000} />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>Save facility details</button>
          <p className="success" role="status">{saved}</p>
        </div>
        <ErrorAlert message={error} />
      </form>
    </details>
  );
}
