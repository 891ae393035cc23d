import { useEffect, useId, useRef, useState } from 'react';
import type { RemovalPreview, RemovalResult, RemovalTarget } from '../../../../shared/api/library-query';
import { describeRemovalPreview, removalTitle } from '../../../../shared/removal-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../services';

interface Props {
  target: RemovalTarget;
  /** What the person clicked, e.g. "Series 2: AXIAL", shown under the title. */
  name: string;
  onDone: (result: RemovalResult) => void;
  onCancel: () => void;
}

/**
 * Asks before removing, stating exactly what goes (from the core's preview) and that earlier
 * backups still hold it. A modal alertdialog: focus is trapped inside, Cancel is focused first,
 * Escape cancels. The removal sends the preview's fingerprint, so a changed vault is refused.
 */
export function RemoveDialog({ target, name, onDone, onCancel }: Props) {
  const api = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [preview, setPreview] = useState<RemovalPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    let live = true;
    void api.previewRemoval(target).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, target, attempt]);

  const remove = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    const r = await api.removeFromVault({ target, fingerprint: preview.fingerprint });
    setBusy(false);
    if (r.ok) return onDone(r.value);
    setError(r.error.message);
    // The vault changed: show what would go now before asking again.
    if (r.error.code === 'STALE_PREVIEW') {
      setPreview(null);
      setAttempt((n) => n + 1);
    }
  };

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{removalTitle(target.kind)}</h2>
      <div id={bodyId}>
        <p><strong><bdi>{name}</bdi></strong></p>
        {!preview && !error && <p role="status">Counting what would be removed…</p>}
        {preview && describeRemovalPreview(preview).map((line) => <p key={line}>{line}</p>)}
      </div>
      <ErrorAlert message={error} />
      <div className="button-row">
        <button ref={cancelRef} type="button" className="button" disabled={busy} onClick={onCancel}>Cancel</button>
        <button type="button" className="button button-danger" disabled={busy || !preview} onClick={() => void remove()}>
          {busy ? 'Removing…' : 'Remove from vault'}
        </button>
      </div>
    </dialog>
  );
}
