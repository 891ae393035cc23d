import type { DocumentInfo, DocumentTarget } from '../../../../shared/api/ai-record';
import { QUESTIONNAIRE } from '../../../../shared/questionnaire';
import { AttachForm } from './AttachForm';
import { DocumentItem } from './DocumentItem';
import type { PassageItem } from './PassageList';

interface Props {
  examId: number;
  documents: readonly DocumentInfo[];
  onChanged: () => void;
  onUsePassage: (p: PassageItem, doc: DocumentInfo) => void;
}

/** Consent forms, notices and letters for this exam or one of its answers, kept encrypted; the reader finds what to read first. */
export function DocumentsPanel({ examId, documents, onChanged, onUsePassage }: Props) {
  const targets: { label: string; target: DocumentTarget }[] = [
    { label: 'This exam', target: { kind: 'exam', examId } },
    ...QUESTIONNAIRE.questions.map((q, i) => ({ label: `Answer to question ${i + 1}: ${q.text}`, target: { kind: 'answer' as const, examId, questionId: q.id } })),
  ];
  return (
    <section className="card stack-tight" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <p className="hint">Attach the consent form, privacy notice or a letter about this exam (a PDF or a photo). It is stored encrypted in your vault. ScanVault can then point you to the passages that matter.</p>
      {documents.length > 0 && (
        <ul className="document-list" aria-label="Attached documents">
          {documents.map((d) => <DocumentItem key={d.id} doc={d} onUsePassage={(p) => onUsePassage(p, d)} onChanged={onChanged} />)}
        </ul>
      )}
      <AttachForm heading="Attach a document" targets={targets} defaultKind="consent-form" onAttached={onChanged} />
    </section>
  );
}
