/**
 * In place of a viewport, for what is not a picture: a series of documents or reports (an
 * Encapsulated PDF, a structured report, anything else named in plain words) or a loose PDF filed
 * with the study. Several objects in one series get a chooser.
 */
import { useState } from 'react';
import type { ViewerInstance } from '../../../../shared/api/viewer';
import { NonImageView } from './details/NonImageView';
import { PdfView } from './details/PdfView';

export type OpenDocument =
  | { kind: 'series'; title: string; instances: ViewerInstance[] }
  | { kind: 'attachment'; title: string; id: number };

export function DocumentPane({ doc, onClose }: { doc: OpenDocument; onClose?: () => void }) {
  const [chosen, setChosen] = useState(0);
  const instances = doc.kind === 'series' ? doc.instances : [];
  const instance = instances[Math.min(chosen, instances.length - 1)];
  return (
    <section className="document-pane" aria-label={doc.title}>
      <div className="document-pane-head">
        <h2>{doc.title}</h2>
        {instances.length > 1 && (
          <label>
            Object
            <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
              {instances.map((i, k) => <option key={i.id} value={k}>{`${k + 1} of ${instances.length}`}</option>)}
            </select>
          </label>
        )}
        {onClose && <button type="button" className="viewer-button" onClick={onClose}>Close document</button>}
      </div>
      <div className="document-pane-body">
        {doc.kind === 'attachment' && <PdfView source={{ kind: 'attachment', id: doc.id }} title={doc.title} />}
        {instance && <NonImageView key={instance.id} instance={instance} />}
      </div>
    </section>
  );
}
