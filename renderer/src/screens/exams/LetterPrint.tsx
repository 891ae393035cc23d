import type { LetterText } from './letter-text';

/** A letter as it prints: sender, date, recipient, subject, then the paragraphs. */
export function LetterPrint({ text }: { text: LetterText }) {
  const paragraphs = text.body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return (
    <article className="print-doc letter" aria-label={text.title}>
      <p className="letter-sender">{text.sender}</p>
      <p className="letter-date">{text.date}</p>
      <p className="letter-recipient">{text.recipient}</p>
      <h1 className="letter-title">{text.title}</h1>
      {paragraphs.map((p, i) => <p key={i} className="letter-paragraph">{p}</p>)}
    </article>
  );
}
