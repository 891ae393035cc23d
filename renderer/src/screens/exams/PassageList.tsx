import { PASSAGE_TERMS, termGroup, type PassageTerm } from '../../../../shared/ai-record/passages';
import { highlightParts } from './exam-text';

export interface PassageItem {
  page: number;
  term: string;
  phrase: string;
  context: string;
}

function group(term: string) {
  return (PASSAGE_TERMS as readonly string[]).includes(term) ? termGroup(term as PassageTerm) : null;
}

/**
 * The passages of a consent form or notice worth reading first: what kind of passage, the page, the
 * sentence with the matched phrase highlighted, and a button that records the answer it implies.
 */
export function PassageList({ passages, documentTitle, onUse }: { passages: readonly PassageItem[]; documentTitle: string; onUse: (p: PassageItem) => void }) {
  if (passages.length === 0) return <p className="muted">None of the phrases to look out for were found in this document.</p>;
  return (
    <ol className="passage-list" aria-label={`Passages to read in ${documentTitle}`}>
      {passages.map((p, i) => {
        const g = group(p.term);
        const parts = highlightParts(p.context, p.phrase);
        return (
          <li key={`${p.page}:${i}`} className="passage">
            <p className="passage-head"><strong>{g?.label ?? p.term}</strong> <span className="muted">· page {p.page}</span></p>
            <blockquote className="passage-context">
              {parts ? <>{parts.before}<mark>{parts.match}</mark>{parts.after}</> : p.context}
            </blockquote>
            {g && <p className="hint">{g.explanation}</p>}
            <button type="button" className="button" aria-label={`Record the answer this implies: ${g?.label ?? p.term}, page ${p.page}`} onClick={() => onUse(p)}>
              Record the answer this implies
            </button>
          </li>
        );
      })}
    </ol>
  );
}
