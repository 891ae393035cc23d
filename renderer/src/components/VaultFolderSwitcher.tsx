import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { VaultFolderPath, type Status } from '../../../shared/domain';
import { useAction } from '../hooks/useAction';
import { useApi } from '../services';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  status: Status;
  /** Says what the folder is for on this screen, e.g. "Your vault is in this folder:". */
  currentLabel: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The core's status after the switch: the screen follows its state (no vault → first run, locked → unlock). */
  onSwitched: (status: Status) => void;
}

/**
 * Before the vault is open: shows which folder is in use and offers "Use a different folder"
 * (e.g. an external drive). Switching is only possible while no vault is open.
 */
export function VaultFolderSwitcher({ status, currentLabel, open, onOpenChange, onSwitched }: Props) {
  const api = useApi();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  const [dir, setDir] = useState('');
  const [switched, setSwitched] = useState(false);
  const { busy, error, setError, run } = useAction();
  const picker = useAction();

  // Keyboard and screen-reader users land in the field when it appears, and back on the opener after.
  useEffect(() => {
    if (open && !wasOpen.current) input.current?.focus();
    if (!open && wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const pick = async () => {
    setError(null);
    const picked = await picker.run(() => api.pickVaultFolder({}));
    if (picked?.dir) setDir(picked.dir);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    picker.setError(null);
    const checked = VaultFolderPath.safeParse(dir.trim());
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Type the full path of a folder.');
      return;
    }
    const next = await run(() => api.setVaultFolder({ dir: checked.data }));
    if (!next) return;
    setDir('');
    setSwitched(true);
    onOpenChange(false);
    onSwitched(next);
  };

  const cancel = () => {
    setError(null);
    picker.setError(null);
    onOpenChange(false);
  };

  const shownError = error ?? picker.error;

  return (
    <section className="vault-folder">
      <p className="vault-folder-current">
        {currentLabel} <code className="path" data-testid="vault-folder">{status.vaultDir}</code>
      </p>
      {switched && !open && <p className="success" role="status">Now using this folder.</p>}
      {!open ? (
        <p className="vault-folder-offer">
          <button ref={opener} type="button" className="link-button" aria-describedby={hintId} onClick={() => { setSwitched(false); onOpenChange(true); }}>
            Use a different folder
          </button>
          <span id={hintId} className="muted">Keep your vault on an external drive or another folder.</span>
        </p>
      ) : (
        <form className="stack vault-folder-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor={inputId}>Vault folder</label>
            <p id={hintId} className="hint">
              Keep your vault on an external drive or another folder. An empty or new folder gets a new vault; a folder that already holds a ScanVault vault is opened.
            </p>
            <input
              ref={input}
              id={inputId}
              type="text"
              value={dir}
              onChange={(e) => setDir(e.target.value)}
              aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
              aria-invalid={error ? true : undefined}
              placeholder={status.host === 'electron' ? 'e.g. E:\\ScanVault or /Volumes/MyDrive/ScanVault' : 'e.g. /media/you/MyDrive/ScanVault'}
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
            />
          </div>
          {status.capabilities.nativeDialogs && (
            <button type="button" className="button" onClick={() => void pick()} disabled={busy || picker.busy}>Choose folder…</button>
          )}
          <ErrorAlert message={shownError} id={errorId} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy || picker.busy || dir.trim() === ''}>
              {busy ? 'Checking the folder…' : 'Use this folder'}
            </button>
            <button type="button" className="link-button" onClick={cancel}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
