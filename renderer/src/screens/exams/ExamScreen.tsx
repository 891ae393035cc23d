import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentInfo, ExamDetail } from '../../../../shared/api/ai-record';
import { isAnswered, QUESTIONNAIRE } from '../../../../shared/questionnaire';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../services';
import type { AnswerDraft } from './answer-draft';
import { DocumentsPanel } from './DocumentsPanel';
import { ExamFacts } from './ExamFacts';
import { FacilityPanel } from './FacilityPanel';
import { examLabel } from './exam-text';
import { LetterPrint } from './LetterPrint';
import { LettersPanel } from './LettersPanel';
import type { LetterText } from './letter-text';
import { LinkStudyPanel } from './LinkStudyPanel';
import type { PassageItem } from './PassageList';
import { questionForTerm } from './passage-questions';
import { CHECKLIST_TITLE, PrintChecklist } from './PrintChecklist';
import { PrintPreview } from './PrintPreview';
import { QuestionItem } from './QuestionItem';

type Printing = null | { kind: 'checklist' } | { kind: 'letter'; text: LetterText };

/** One exam's AI-use record: facts, progress and flags, images, documents, the questions, printouts and letters. */
export function ExamScreen({ examId, onBack }: { examId: number; onBack: () => void }) {
  const api = useApi();
  const [detail, setDetail] = useState<ExamDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState<Printing>(null);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [prefill, setPrefill] = useState<{ questionId: string; fields: Partial<AnswerDraft> } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const r = await api.getExam({ examId });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setDetail(r.value);
  }, [api, examId]);

  useEffect(() => {
    void load();
  }, [load]);

  const loaded = detail !== null;
  useEffect(() => {
    if (loaded && printing === null) headingRef.current?.focus();
  }, [loaded, printing]);

  const back = <button type="button" className="button-quiet back-button" onClick={onBack}>← Back to AI use</button>;
  if (error && !detail) return <>{back}<h1>Exam</h1><ErrorAlert message={error} /></>;
  if (!detail) return <>{back}<p className="muted" aria-live="polite">Opening the exam…</p></>;

  if (printing) {
    const title = printing.kind === 'checklist' ? `“${CHECKLIST_TITLE}”` : `“${printing.text.title}”`;
    return (
      <PrintPreview title={title} onBack={() => setPrinting(null)}>
        {printing.kind === 'checklist' ? <PrintChecklist detail={detail} /> : <LetterPrint text={printing.text} />}
      </PrintPreview>
    );
  }

  const { exam } = detail;
  const answers = new Map(detail.answers.map((a) => [a.questionId, a]));
  const carried = new Map(detail.carriedOver.map((c) => [c.questionId, c]));
  const followUps = new Map(detail.followUps.map((f) => [f.questionId, f]));
  const openQuestions = QUESTIONNAIRE.questions.filter((q) => !isAnswered(answers.get(q.id)?.value)).map((q) => q.text);
  const usePassage = (p: PassageItem, doc: DocumentInfo) => {
    const questionId = questionForTerm(p.term);
    setOnlyOpen(false);
    setPrefill({ questionId, fields: { quote: p.context, how: 'document', notes: `From “${doc.title ?? 'the attached document'}”, page ${p.page}.` } });
    // The form opens in the question's card; bring it into view.
    requestAnimationFrame(() => document.getElementById(`question-${questionId}`)?.scrollIntoView({ block: 'start' }));
  };

  return (
    <>
      {back}
      <h1 ref={headingRef} tabIndex={-1}>{examLabel(exam)}</h1>
      <div className="stack">
        <ExamFacts exam={exam} onChanged={() => void load()} />
        <div className="button-row no-print">
          <button type="button" className="button" onClick={() => setPrinting({ kind: 'checklist' })}>Print checklist</button>
        </div>
        {exam.facilityId !== null && <FacilityPanel facilityId={exam.facilityId} onSaved={() => void load()} />}
        {exam.studyId === null && <LinkStudyPanel exam={exam} onLinked={() => void load()} />}
        <DocumentsPanel examId={exam.id} documents={detail.documents} onChanged={() => void load()} onUsePassage={usePassage} />
        <section aria-labelledby="questions-title">
          <h2 id="questions-title">Questions</h2>
          <p className="hint">Ask the facility, then record what they said. An answer of “they don’t know” or “they would not say” counts as answered; “they will find out” stays open until they do.</p>
          <fieldset className="fieldset question-filter no-print">
            <legend>Show</legend>
            <div className="choice-list">
              <div className="check"><input id="show-all" type="radio" name="question-filter" checked={!onlyOpen} onChange={() => setOnlyOpen(false)} /><label htmlFor="show-all">All {QUESTIONNAIRE.questions.length} questions</label></div>
              <div className="check"><input id="show-open" type="radio" name="question-filter" checked={onlyOpen} onChange={() => setOnlyOpen(true)} /><label htmlFor="show-open">Only the {openQuestions.length} still open</label></div>
            </div>
          </fieldset>
          <ol className="question-list">
            {QUESTIONNAIRE.questions.map((q, i) => (onlyOpen && isAnswered(answers.get(q.id)?.value)) ? null : (
              <QuestionItem key={q.id} examId={exam.id} number={i + 1} question={q} answer={answers.get(q.id)} carried={carried.get(q.id)}
                followUp={followUps.get(q.id)} facilityName={exam.facilityName} prefill={prefill?.questionId === q.id ? prefill.fields : null} onChanged={() => void load()} />
            ))}
          </ol>
        </section>
        <LettersPanel detail={detail} openQuestions={openQuestions} onChanged={() => void load()} onPrint={(text) => setPrinting({ kind: 'letter', text })} />
        <ErrorAlert message={error} />
      </div>
    </>
  );
}
