import { useEffect, useRef, useState } from 'react';
import { MPR_ORIENTATIONS, type MprOrientation } from '../../viewer/cornerstone/mpr';
import type { ViewerSession } from '../../viewer/cornerstone/session';

const LABEL: Record<MprOrientation, string> = { axial: 'Axial (from feet)', sagittal: 'Sagittal (from the side)', coronal: 'Coronal (from the front)' };

/** Three side views of one volume; the wheel moves through slices in each, the tools work as in the stack. */
export function MprPanel({ session, imageIds, onClose }: { session: ViewerSession; imageIds: string[]; onClose: () => void }) {
  const refs = useRef<Partial<Record<MprOrientation, HTMLDivElement | null>>>({});
  // 'loading', 'shown', or the message saying why the views could not be built.
  const [status, setStatus] = useState<string>('loading');
  const [complete, setComplete] = useState(false);

  useEffect(() => {
    const { axial, sagittal, coronal } = refs.current;
    if (!axial || !sagittal || !coronal) return;
    let live = true;
    const view = session.mpr({ axial, sagittal, coronal });
    const unobserve = [axial, sagittal, coronal].map((el) => session.observe(el));
    void view.loaded.then(() => { if (live) setComplete(true); });
    view.show(imageIds).then(() => { if (live) setStatus('shown'); }, () => {
      if (live) setStatus('The side views could not be built from this series. Close them and use the normal view.');
    });
    return () => {
      live = false;
      unobserve.forEach((u) => u());
      session.closeMpr();
    };
  }, [session, imageIds]);

  return (
    <section className="mpr-panel" aria-label="Side views (MPR)" data-mpr-status={status === 'loading' || status === 'shown' ? status : 'failed'} data-mpr-complete={complete}>
      <div className="mpr-head">
        <h2>Side views</h2>
        {status === 'loading' && <p role="status">Building the volume…</p>}
        {status === 'shown' && !complete && <p role="status">Loading the remaining slices…</p>}
        {status !== 'loading' && status !== 'shown' && <p role="alert">{status}</p>}
        <button type="button" className="viewer-button" onClick={onClose}>Close side views</button>
      </div>
      <div className="mpr-grid">
        {MPR_ORIENTATIONS.map((o) => (
          <div key={o} className="mpr-cell" role="group" aria-label={LABEL[o]}>
            <div ref={(el) => { refs.current[o] = el; }} className="viewport-canvas" data-testid={`mpr-${o}`} onContextMenu={(e) => e.preventDefault()} />
            <span className="mpr-label">{LABEL[o]}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
