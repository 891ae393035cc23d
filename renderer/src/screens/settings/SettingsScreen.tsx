import type { Status } from '../../../../shared/domain';
import { AutoLockSetting } from './AutoLockSetting';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/** Settings: auto-lock, passphrase, and where the vault folder is. */
export function SettingsScreen({ status, onStatus }: { status: Status; onStatus: (status: Status) => void }) {
  return (
    <>
      <h1>Settings</h1>
      <div className="stack">
        <AutoLockSetting minutes={status.autoLockMinutes} onStatus={onStatus} />
        <ChangePassphraseForm />
        <section className="card" aria-labelledby="where-title">
          <h2 id="where-title">Where your vault is</h2>
          <p>Your encrypted vault is this folder on this computer:</p>
          <p className="path-box"><code>{status.vaultDir}</code></p>
          <p className="muted">
            To keep a backup, copy the whole folder to an external drive or another safe place while the vault is locked. The copy stays encrypted: it opens only with your passphrase or recovery key.
          </p>
          <p className="muted">
            To use a vault in another folder (for example on an external drive), lock this vault first: the unlock screen then offers “Use a different folder”. ScanVault remembers the folder you choose the next time it starts.
          </p>
        </section>
      </div>
    </>
  );
}
