import { useCallback, useEffect, useId, useState } from 'react';
import type { DocumentInfo, Provider } from '../../../../shared/api/ai-record';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, formatDicomDate, isoDateOf } from '../../format';
import { useApi } from '../../services';
import { AttachForm } from './AttachForm';
import { DOC_KIND_LABELS, mediaWord } from './documents';
import { ProviderForm } from './ProviderForm';
import { draftOf, PROVIDER_KIND_LABELS, providerCounts } from './provider-text';

/** One facility or AI company: its details (editable in place) and its documents. */
/** `onChanged` gets what to announce (empty when the change announces itself, as an attached document does). */
export function ProviderCard({ provider, onChanged }: { provider: Provider; onChanged: (message: string) => void }) {
  const api = useApi();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [documents, setDocuments] = useState<DocumentInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  const loadDocuments = useCallback(async () => {
    const r = await api.listDocuments({ target: { kind: 'provider', providerId: provider.id } });
    if (r.ok) setDocuments(r.value.documents);
    else setError(r.error.message);
  }, [api, provider.id]);

  useEffect(() => {
    if (provider.documentCount > 0) void loadDocuments();
  }, [provider.documentCount, loadDocuments]);

  if (editing) {
    return (
      <li>
        <ProviderForm id={provider.id} initial={draftOf(provider)} heading={`Change ${provider.name}`}
          onSaved={(p) => { setEditing(false); onChanged(`Changes to ${p.name} are saved.`); }} onCancel={() => setEditing(false)} />
      </li>
    );
  }

  const facts: [string, string | null][] = [
    ['Address, phone or email', provider.contact],
    ['Privacy office or officer', provider.privacyOfficer],
    ['What they say about AI in general', provider.aiStatement],
    ['Notes', provider.notes],
  ];
  return (
    <li>
      <section className="card stack-tight" aria-labelledby={titleId}>
        <h3 id={titleId}><bdi>{provider.name}</bdi></h3>
        <p className="muted">{PROVIDER_KIND_LABELS[provider.kind]} · {providerCounts(provider)}</p>
        <dl className="study-facts provider-facts">
          {facts.map(([label, value]) => (
            <div key={label}><dt>{label}</dt><dd>{value ?? <span className="muted">Not written down yet</span>}</dd></div>
          ))}
        </dl>
        <div className="button-row">
          <button type="button" className="button" aria-label={`Change details of ${provider.name}`} onClick={() => setEditing(true)}>Change details</button>
        </div>
        <details>
          <summary className="summary-heading">Documents of <bdi>{provider.name}</bdi> ({documents.length > 0 ? documents.length : provider.documentCount})</summary>
          {documents.length === 0
            ? <p className="muted">No documents yet. Attach their privacy notice or a letter from them.</p>
            : (
              <ul className="document-list" aria-label={`Documents of ${provider.name}`}>
                {documents.map((d) => (
                  <li key={d.id}>
                    <strong>{d.title ?? DOC_KIND_LABELS[d.docKind]}</strong>
                    {' · '}{DOC_KIND_LABELS[d.docKind]} · {mediaWord(d.mediaType)}, {formatBytes(d.size)} · added {formatDicomDate(isoDateOf(new Date(d.addedAt)))}
                  </li>
                ))}
              </ul>
            )}
          <AttachForm heading={`Attach a document to ${provider.name}`} level={4} targets={[{ label: provider.name, target: { kind: 'provider', providerId: provider.id } }]}
            defaultKind="privacy-notice" onAttached={() => { void loadDocuments(); onChanged(''); }} />
        </details>
        <ErrorAlert message={error} />
      </section>
    </li>
  );
}
