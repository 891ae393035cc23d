import { useCallback, useEffect, useRef, useState } from 'react';
import type { Provider } from '../../../../shared/api/ai-record';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../services';
import { ProviderCard } from './ProviderCard';
import { ProviderForm } from './ProviderForm';
import { emptyProviderDraft } from './provider-text';

const GROUPS = [
  { kind: 'facility', title: 'Facilities', empty: 'No facilities yet. Add the hospital or clinic of your next scan; imports add the ones named in your scans.' },
  { kind: 'ai-vendor', title: 'AI companies', empty: 'No AI companies yet. Add one when a facility tells you whose AI tool it uses.' },
] as const;

/** Facilities and AI companies as records of their own: details, what they say about AI, their documents. */
export function ProvidersScreen({ onBack }: { onBack: () => void }) {
  const api = useApi();
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const r = await api.listProviders({});
    if (r.ok) setProviders(r.value.providers);
    else setError(r.error.message);
  }, [api]);

  useEffect(() => {
    headingRef.current?.focus();
    void load();
  }, [load]);

  const changed = (message: string) => {
    setSaved(message);
    void load();
  };

  return (
    <>
      <button type="button" className="button-quiet back-button" onClick={onBack}>← Back to AI use</button>
      <h1 ref={headingRef} tabIndex={-1}>Providers</h1>
      <p className="lead">
        The facilities where you have scans, and the companies whose AI tools they use. Keep how to reach them, their privacy officer,
        what they say about AI in general, and their notices and letters. Letters you write are addressed from these details.
      </p>
      <p className="success" role="status">{saved}</p>
      <ErrorAlert message={error} />
      {adding ? (
        <ProviderForm initial={emptyProviderDraft()} heading="Add a facility or AI company"
          onSaved={(p) => { setAdding(false); changed(`${p.name} is added.`); }} onCancel={() => setAdding(false)} />
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => { setSaved(''); setAdding(true); }}>Add a facility or AI company</button>
        </div>
      )}
      {!providers && !error && <p className="muted" aria-live="polite">Opening…</p>}
      {providers && GROUPS.map((g) => {
        const list = providers.filter((p) => p.kind === g.kind);
        return (
          <section key={g.kind} className="stack-tight provider-group" aria-labelledby={`providers-${g.kind}`}>
            <h2 id={`providers-${g.kind}`}>{g.title}</h2>
            {list.length === 0
              ? <p className="card empty-state">{g.empty}</p>
              : (
                <ul className="provider-list" aria-label={g.title}>
                  {list.map((p) => <ProviderCard key={p.id} provider={p} onChanged={changed} />)}
                </ul>
              )}
          </section>
        );
      })}
    </>
  );
}
