import { useId, useRef, useState } from 'react';
import type { DocumentInfo } from '../../../../shared/api/ai-record';
import { QUESTIONNAIRE } from '../../../../shared/questionnaire';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useServices } from '../../services';
import { TextField } from '../people/TextField';
import { DocumentItem } from './DocumentItem';
import { DOC_KIND_LABELS, sourceForFile, type DocKind } from './documents';
import type { PassageItem } from './PassageList';

interface Props {
  examId: number;
  documents: readonly DocumentInfo[];
  onChanged: () => void;
  onUsePassage: (p: PassageItem, doc: DocumentInfo) => void;
}

const EXAM = 'exam';

/** Consent forms, notices and letters for this exam or one of its answers, kept encrypted; the reader finds what to read first. */
export function DocumentsPanel({ examId, documents, onChanged, onUsePassage }: Props) {
  const services = useServices();
  const fileId = useId();
  const kindId = useId();
  const targetId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [docKind, setDocKind] = useState<DocKind>('consent-form');
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState(EXAM);
  const [done, setDone] = useState('');
  const { busy, error, setError, run } = useAction();

  const attach = async () => {
    setDone('');
    if (!file) return setError('Choose the document first: a PDF, or a photo of the form.');
    const sent = await sourceForFile(services, file);
    if (!sent.ok) return setError(sent.message);
    const stored = await run(() => services.api.attachDocument({
      target: target === EXAM ? { kind: 'exam', examId } : { kind: 'answer', examId, questionId: target },
      docKind, title: title.trim() === '' ? file.name : title, source: sent.source,
    }));
    if (stored) {
      setDone(`“${stored.title ?? file.name}” is attached and stored encrypted.`);
      setFile(null);
      setTitle('');
      if (fileRef.current) fileRef.current.value = '';
      onChanged();
    }
  };

  return (
    <section className="card stack-tight" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <p className="hint">Attach the consent form, privacy notice or a letter about this exam (a PDF or a photo). It is stored encrypted in your vault. ScanVault can then point you to the passages that matter.</p>
      {documents.length > 0 && (
        <ul className="document-list" aria-label="Attached documents">
          {documents.map((d) => <DocumentItem key={d.id} doc={d} onUsePassage={(p) => onUsePassage(p, d)} onChanged={onChanged} />)}
        </ul>
      )}
      <form className="stack-tight attach-form" noValidate onSubmit={(e) => { e.preventDefault(); void attach(); }}>
        <h3>Attach a document</h3>
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
        <div className="field">
          <label htmlFor={targetId}>It belongs to</label>
          <select id={targetId} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value={EXAM}>This exam</option>
            {QUESTIONNAIRE.questions.map((q, i) => <option key={q.id} value={q.id}>{`Answer to question ${i + 1}: ${q.text}`}</option>)}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>Attach document</button>
          <p className="success" role="status">{done}</p>
        </div>
        <ErrorAlert message={error} />
      </form>
    </section>
  );
}
