import { useId, useRef, useState } from 'react';
import type { DocumentInfo, DocumentTarget } from '../../../../shared/api/ai-record';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useServices } from '../../services';
import { TextField } from '../people/TextField';
import { DOC_KIND_LABELS, sourceForFile, type DocKind } from './documents';

interface Props {
  heading: string;
  /** The heading's level in the page outline. */
  level?: 3 | 4;
  /** Where the document can belong; the first is chosen at the start. More than one shows a chooser. */
  targets: readonly { label: string; target: DocumentTarget }[];
  defaultKind: DocKind;
  onAttached: (doc: DocumentInfo) => void;
}

/** Choose a PDF or photo and store it encrypted, attached to an exam, an answer or a letter. */
export function AttachForm({ heading, level = 3, targets, defaultKind, onAttached }: Props) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const services = useServices();
  const fileId = useId();
  const kindId = useId();
  const targetId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [docKind, setDocKind] = useState<DocKind>(defaultKind);
  const [title, setTitle] = useState('');
  const [targetIndex, setTargetIndex] = useState(0);
  const [done, setDone] = useState('');
  const { busy, error, setError, run } = useAction();

  const attach = async () => {
    setDone('');
    const target = targets[targetIndex]?.target;
    if (!file || !target) return setError('Choose the document first: a PDF, or a photo of the form.');
    const sent = await sourceForFile(services, file);
    if (!sent.ok) return setError(sent.message);
    const stored = await run(() => services.api.attachDocument({ target, docKind, title: title.trim() === '' ? file.name : title, source: sent.source }));
    if (stored) {
      setDone(`“${stored.title ?? file.name}” is attached and stored encrypted.`);
      setFile(null);
      setTitle('');
      if (fileRef.current) fileRef.current.value = '';
      onAttached(stored);
    }
  };

  return (
    <form className="stack-tight attach-form" noValidate onSubmit={(e) => { e.preventDefault(); void attach(); }}>
      <Heading>{heading}</Heading>
      <div className="field">
        <label htmlFor={fileId}>Document (PDF or photo)</label>
        <input ref={fileRef} id={fileId} type="file" accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          onChange={(e) => { setDone(''); setFile(e.target.files?.[0] ?? null); }} />
      </div>
      <div className="field-pair field-pair-tight">
        <div className="field">
          <label htmlFor={kindId}>Kind of document</label>
          <select id={kindId} value={docKind} onChange={(e) => setDocKind(e.target.value as DocKind)}>
            {(Object.keys(DOC_KIND_LABELS) as DocKind[]).map((k) => <option key={k} value={k}>{DOC_KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <TextField label="Title (optional)" value={title} onChange={setTitle} maxLength={200} hint="Leave empty to use the file name." />
      </div>
      {targets.length > 1 && (
        <div className="field">
          <label htmlFor={targetId}>It belongs to</label>
          <select id={targetId} value={targetIndex} onChange={(e) => setTargetIndex(Number(e.target.value))}>
            {targets.map((t, i) => <option key={i} value={i}>{t.label}</option>)}
          </select>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>Attach document</button>
        <p className="success" role="status">{done}</p>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
