import { formatCount } from '../../format';

/** Browser host only: files are sent to ScanVault before the import itself starts. */
export function SendingPanel({ done, total, onStop }: { done: number; total: number; onStop: () => void }) {
  return (
    <section className="card progress-panel" aria-labelledby="sending-title">
      <h2 id="sending-title">Sending files to ScanVault…</h2>
      <progress aria-label="Sending progress" max={total} value={done} />
      <p className="progress-text" aria-live="polite">Sending files… {formatCount(done)} of {formatCount(total)}</p>
      <div className="progress-actions">
        <button type="button" className="button" onClick={onStop}>Stop sending</button>
        <p className="hint">Nothing is imported until all files have been sent.</p>
      </div>
    </section>
  );
}
