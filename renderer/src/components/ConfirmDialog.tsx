import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * Asks before a change, saying what will change. A native modal dialog: focus moves into it and
 * stays there, Escape cancels, and focus returns to the button that opened it when it closes
 * (when that button is gone, e.g. its record moved, focus stays with the page).
 */
export function ConfirmDialog({ title, confirmLabel, busy = false, onConfirm, onCancel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    // The browser returns focus on close() only while the dialog is in the page; React removes it
    // first, so focus goes back to the opener by hand.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>{confirmLabel}</button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>Cancel</button>
      </div>
    </dialog>
  );
}
