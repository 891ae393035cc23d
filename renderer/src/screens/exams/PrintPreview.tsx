import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../../services';

/**
 * A document shown as it will print. The bar above it (back, print, save as PDF) is screen-only;
 * the print stylesheet (styles/exams.css) also hides the app's header, so printed pages carry only
 * the document. "Save as PDF" is the desktop app's own (a save dialog, then the page printed to
 * that file); in a browser it opens the browser's print window, whose destination list offers it.
 */
export function PrintPreview({ title, onBack, backLabel = '← Back to the exam', children }: { title: string; onBack: () => void; backLabel?: string; children: ReactNode }) {
  const api = useApi();
  const printRef = useRef<HTMLButtonElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    printRef.current?.focus();
  }, []);
  const saveAsPdf = async (): Promise<void> => {
    setMessage(null);
    const result = await api.savePageAsPdf({ title });
    if (!result.ok) { setMessage(result.error.message); return; }
    if (!result.value.supported) {
      setMessage('In the print window that opens, choose “Save as PDF” as the printer.');
      window.print();
      return;
    }
    setMessage(result.value.saved ? 'Saved as a PDF where you chose. It is not encrypted: keep it somewhere safe.' : 'Nothing was saved.');
  };
  return (
    <div className="print-preview">
      <div className="print-bar no-print" role="region" aria-label="Print preview">
        <button type="button" className="button-quiet back-button" onClick={onBack}>{backLabel}</button>
        <p className="print-bar-text">This is how <strong>{title}</strong> will print. Use your printer, or save it as a PDF.</p>
        <button ref={printRef} type="button" className="button button-primary" onClick={() => window.print()}>Print</button>
        <button type="button" className="button" onClick={() => { void saveAsPdf(); }}>Save as PDF</button>
        <p className="print-bar-text" role="status">{message}</p>
      </div>
      {children}
    </div>
  );
}
