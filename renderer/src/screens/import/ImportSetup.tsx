import { useState, type FormEvent } from 'react';
import type { ProvenanceInput, Status } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { provenanceOf, sourceOf, type ImportDraft, type ImportSource } from './import-request';
import { ProvenanceFields } from './ProvenanceFields';
import { SourcePicker } from './SourcePicker';

interface Props {
  capabilities: Status['capabilities'];
  draft: ImportDraft;
  onDraft: (update: (previous: ImportDraft) => ImportDraft) => void;
  onStart: (source: ImportSource, provenance: ProvenanceInput) => void;
  error: string | null;
}

/** Step one of an import: what to bring in and where it came from, then "Start import". */
export function ImportSetup({ capabilities, draft, onDraft, onStart, error }: Props) {
  // Problems are shown only after a first "Start import", then follow the fields as they change.
  const [attempted, setAttempted] = useState(false);
  const source = sourceOf(draft);
  const labelMissing = draft.provenance.sourceLabel.trim() === '';
  const sourceError = attempted && labelMissing ? 'Please say where this copy came from, for example “CD from Mercy Hospital”.' : null;
  const problem = attempted && typeof source === 'string' ? source : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (typeof source !== 'string' && !labelMissing) onStart(source, provenanceOf(draft.provenance));
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <section className="card" aria-labelledby="import-what">
        <h2 id="import-what"><span className="step">1</span> Choose what to import</h2>
        <SourcePicker
          capabilities={capabilities}
          selection={draft.selection}
          onSelection={(update) => onDraft((d) => ({ ...d, selection: update(d.selection) }))}
          typedPath={draft.typedPath}
          onTypedPath={(typedPath) => onDraft((d) => ({ ...d, typedPath }))}
        />
      </section>
      <section className="card" aria-labelledby="import-where">
        <h2 id="import-where"><span className="step">2</span> Describe this copy</h2>
        <p className="muted">This is kept with every file, so later you can tell copies from different places apart.</p>
        <ProvenanceFields
          value={draft.provenance}
          onChange={(provenance) => onDraft((d) => ({ ...d, provenance }))}
          sourceError={sourceError}
        />
      </section>
      <ErrorAlert message={problem ?? error} />
      <div className="button-row">
        <button type="submit" className="button button-primary">Start import</button>
      </div>
    </form>
  );
}
