import { useId, useState } from 'react';
import type { ExamDetail, LetterKind } from '../../../../shared/api/ai-record';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDicomDate, isoDateOf } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { LetterEditor } from './LetterEditor';
import { LETTER_KIND_ORDER, letterDefinition, type LetterText } from './letter-text';

interface Props {
  detail: ExamDetail;
  /** The AI-use inquiry asks these. */
  openQuestions: readonly string[];
  onChanged: () => void;
  onPrint: (text: LetterText) => void;
}

/** Letters about this exam: start one (prefilled from the vault), edit, print, and log it as sent. */
export function LettersPanel({ detail, openQuestions, onChanged, onPrint }: Props) {
  const api = useApi();
  const kindId = useId();
  const [kind, setKind] = useState<LetterKind>('ai-inquiry');
  const [openId, setOpenId] = useState<number | null>(null);
  const { busy, error, run } = useAction();

  const start = async () => {
    const letter = await run(() => api.createLetter({ kind, examId: detail.exam.id, ...(detail.exam.facilityId !== null ? { recipientId: detail.exam.facilityId } : {}) }));
    if (letter) {
      setOpenId(letter.id);
      onChanged();
    }
  };

  if (openId !== null) {
    return <LetterEditor letterId={openId} questions={openQuestions} onClose={() => { setOpenId(null); onChanged(); }} onPrint={onPrint} />;
  }

  return (
    <section className="card stack-tight" aria-labelledby="letters-title">
      <h2 id="letters-title">Letters</h2>
      <p className="hint">ScanVault fills in your details from your profile and this exam. You can change every word before you print or send it.</p>
      {detail.letters.length > 0 && (
        <ul className="letter-list" aria-label="Letters for this exam">
          {detail.letters.map((l) => {
            const def = letterDefinition(l.kind);
            return (
              <li key={l.id} className="letter-row">
                <span>
                  <strong>{def.title}</strong>
                  <span className="muted"> · started {formatDicomDate(isoDateOf(new Date(l.createdAt)))} · {l.sentDate ? `sent ${formatDicomDate(l.sentDate)}${l.sentMethod ? ` by ${l.sentMethod.toLowerCase()}` : ''}` : 'not sent yet'}</span>
                </span>
                <button type="button" className="button" aria-label={`Open letter: ${def.title}`} onClick={() => setOpenId(l.id)}>Open</button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="stack-tight" onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <div className="field">
          <label htmlFor={kindId}>Letter to write</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
            {LETTER_KIND_ORDER.map((k) => <option key={k} value={k}>{letterDefinition(k).title}</option>)}
          </select>
          <p className="hint">{letterDefinition(kind).summary}</p>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>Start letter</button>
        </div>
        <ErrorAlert message={error} />
      </form>
    </section>
  );
}
