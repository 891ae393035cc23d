import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A document shown as it will print. The bar above it (back, print) is screen-only; the print
 * stylesheet (styles/exams.css) also hides the app's header, so printed pages carry only the document.
 */
export function PrintPreview({ title, onBack, children }: { title: string; onBack: () => void; children: ReactNode }) {
  const printRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    printRef.current?.focus();
  }, []);
  return (
    <div className="print-preview">
      <div className="print-bar no-print" role="region" aria-label="Print preview">
        <button type="button" className="button-quiet back-button" onClick={onBack}>← Back to the exam</button>
        <p className="print-bar-text">This is how <strong>{title}</strong> will print. Use your printer, or choose “Save as PDF” in the print window.</p>
        <button ref={printRef} type="button" className="button button-primary" onClick={() => window.print()}>Print</button>
      </div>
      {children}
    </div>
  );
}
