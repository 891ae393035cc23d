import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiOutput } from '../../../../shared/api';
import { isRealDate } from '../../../../shared/person-profile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDicomDate, isoDateOf } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { TextField } from '../people/TextField';
import { AttachForm } from './AttachForm';
import { DATE_LEARNED, draftOf, letterDefinition, letterText, refill, type LetterSources, type LetterText } from './letter-text';

const SEND_METHODS = ['Post', 'Email', 'Patient portal', 'By hand', 'Fax'] as const;

interface Props {
  letterId: number;
  questions: readonly string[];
  onClose: () => void;
  onPrint: (text: LetterText) => void;
}

type Loaded = ApiOutput<'getLetter'>;

/** One letter: prefilled text the patient can change, print, and log as sent. */
export function LetterEditor({ letterId, questions, onClose, onPrint }: Props) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [text, setText] = useState<LetterText | null>(null);
  /** Facts the patient gives here (the complaint's "date you learned"), saved with the draft. */
  const [facts, setFacts] = useState<Record<string, string> | null>(null);
  const [saved, setSaved] = useState('');
  const [sentDate, setSentDate] = useState(isoDateOf(new Date()));
  const [sentMethod, setSentMethod] = useState<string>(SEND_METHODS[0]);
  const [sentError, setSentError] = useState<string | undefined>(undefined);
  const { busy, error, setError, run } = useAction();
  const methodId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const today = isoDateOf(new Date());

  const load = useCallback(async () => {
    const r = await api.getLetter({ letterId });
    if (!r.ok) return setError(r.error.message);
    setLoaded(r.value);
  }, [api, letterId]); // not setError: it is a new function each render

  useEffect(() => {
    void load();
  }, [load]);

  const src: LetterSources | null = useMemo(() => loaded && ({
    exam: loaded.exam, recipient: loaded.recipient, patient: loaded.patient, questions, today: loaded.letter.createdAt.slice(0, 10) || today,
  }), [loaded, questions, today]);
  const filled = useMemo(() => (loaded && src && facts ? letterText(loaded.letter.kind, src, facts).text : null), [loaded, src, facts]);

  useEffect(() => {
    if (loaded && src && text === null) {
      setFacts(loaded.letter.draft[DATE_LEARNED] ? { [DATE_LEARNED]: loaded.letter.draft[DATE_LEARNED] } : {});
      setText(letterText(loaded.letter.kind, src, loaded.letter.draft).text);
      headingRef.current?.focus();
    }
  }, [loaded, src, text]);

  if (!loaded || !text || !filled || !src || !facts) {
    return <section className="card"><h2>Letter</h2>{error ? <ErrorAlert message={error} /> : <p className="muted" aria-live="polite">Opening the letter…</p>}</section>;
  }
  const { letter } = loaded;
  const def = letterDefinition(letter.kind);
  const missing = letterText(letter.kind, src, draftOf(text, filled, facts)).missing;
  const setDateLearned = (value: string) => {
    setSaved('');
    const nextFacts = value.trim() === '' ? {} : { [DATE_LEARNED]: value.trim() };
    setText(refill(text, filled, letterText(letter.kind, src, nextFacts).text));
    setFacts(nextFacts);
  };
  const set = (field: keyof LetterText) => (value: string) => { setSaved(''); setText((t) => (t ? { ...t, [field]: value } : t)); };

  const save = async () => {
    const stored = await run(() => api.updateLetter({ letterId, draft: draftOf(text, filled, facts) }));
    if (stored) {
      setSaved('Letter saved.');
      setLoaded({ ...loaded, letter: stored });
    }
    return stored !== null;
  };

  const markSent = async () => {
    if (!isRealDate(sentDate.trim())) {
      setSentError('Sent on: write it as YYYY-MM-DD and check that the day exists.');
      return;
    }
    setSentError(undefined);
    const stored = await run(() => api.markLetterSent({ letterId, sentDate: sentDate.trim(), sentMethod }));
    if (stored) setLoaded({ ...loaded, letter: stored });
  };

  return (
    <section className="card stack-tight letter-editor" aria-labelledby="letter-title">
      <button type="button" className="button-quiet back-button" onClick={onClose}>← Back to the letters</button>
      <h2 id="letter-title" ref={headingRef} tabIndex={-1}>{def.title}</h2>
      <p className="hint">{def.summary}</p>
      {missing.length > 0 && (
        <p className="notice">Still to fill in (shown in [brackets] in the text): {missing.join(', ')}. Add them to the profile, or type them here.</p>
      )}
      <form className="stack-tight" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {letter.kind === 'complaint' && (
          <TextField label="When you learned what happened" type="date" value={facts[DATE_LEARNED] ?? ''} onChange={setDateLearned}
            hint="A complaint must usually be filed within 180 days of this date; the worksheet works out the last day." />
        )}
        <TextField label="From" multiline value={text.sender} onChange={set('sender')} maxLength={20000} />
        <TextField label="Date on the letter" value={text.date} onChange={set('date')} maxLength={200} />
        <TextField label="To" multiline value={text.recipient} onChange={set('recipient')} maxLength={20000} />
        <TextField label="Subject" value={text.title} onChange={set('title')} maxLength={500} />
        <div className="field">
          <label htmlFor={`letter-body-${letterId}`}>Letter text</label>
          <textarea id={`letter-body-${letterId}`} className="letter-body-input" rows={18} maxLength={20000} value={text.body}
            onChange={(e) => set('body')(e.target.value)} />
          <p className="hint">Leave an empty line between paragraphs.</p>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>Save changes</button>
          <button type="button" className="button button-primary" disabled={busy}
            onClick={() => void save().then((ok) => { if (ok) onPrint(text); })}>Print letter</button>
          <p className="success" role="status">{saved}</p>
        </div>
      </form>
      <section className="sent-log" aria-labelledby="sent-title">
        <h3 id="sent-title">Sending</h3>
        {letter.sentDate ? (
          <p className="success">Sent {formatDicomDate(letter.sentDate)}{letter.sentMethod ? ` by ${letter.sentMethod.toLowerCase()}` : ''}.</p>
        ) : (
          <form className="field-pair field-pair-tight sent-form" noValidate onSubmit={(e) => { e.preventDefault(); void markSent(); }}>
            <TextField label="Sent on" type="date" value={sentDate} onChange={setSentDate} error={sentError} />
            <div className="field">
              <label htmlFor={methodId}>How you sent it</label>
              <select id={methodId} value={sentMethod} onChange={(e) => setSentMethod(e.target.value)}>
                {SEND_METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </div>
            <div className="field field-end"><button type="submit" className="button" disabled={busy}>Log as sent</button></div>
          </form>
        )}
      </section>
      <section className="sent-log" aria-labelledby="reply-title">
        <h3 id="reply-title">Their reply</h3>
        <p>{letter.replyDocumentIds.length === 0 ? 'No reply attached yet.' : `${letter.replyDocumentIds.length} ${letter.replyDocumentIds.length === 1 ? 'document' : 'documents'} attached as their reply.`}</p>
        <AttachForm heading="Attach their reply" level={4} targets={[{ label: 'This letter', target: { kind: 'letter', letterId } }]} defaultKind="letter-received"
          onAttached={() => void load()} />
      </section>
      <ErrorAlert message={error} />
    </section>
  );
}
