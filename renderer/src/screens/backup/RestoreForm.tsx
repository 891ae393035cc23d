import { useId, useState, type FormEvent } from 'react';
import { VaultFolderPath } from '../../../../shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseField } from '../../components/PassphraseField';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { PathField } from './PathField';

/** Restores a backup into a new folder (never over a vault), after a confirmation. */
export function RestoreForm({ nativeDialogs, disabled, onJobId }: { nativeDialogs: boolean; disabled: boolean; onJobId: (jobId: string, target: string) => void }) {
  const api = useApi();
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [useRecoveryKey, setUseRecoveryKey] = useState(false);
  const keyId = useId();
  const checkId = useId();
  const [errors, setErrors] = useState<{ source?: string; target?: string }>({});
  const [confirming, setConfirming] = useState<{ source: string; target: string } | null>(null);
  const { busy, error, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = VaultFolderPath.safeParse(source.trim());
    const t = VaultFolderPath.safeParse(target.trim());
    setErrors({ ...(s.success ? {} : { source: s.error.issues[0]?.message ?? 'Type the full path.' }), ...(t.success ? {} : { target: t.error.issues[0]?.message ?? 'Type the full path.' }) });
    if (s.success && t.success) setConfirming({ source: s.data, target: t.data });
  };
  const restore = async () => {
    if (!confirming) return;
    const secret = useRecoveryKey ? { recoveryKey: passphrase.trim() } : { passphrase };
    const started = await run(() => api.startRestore({ source: confirming.source, vault: confirming.target, ...secret }));
    setConfirming(null);
    if (started) {
      setPassphrase('');
      onJobId(started.jobId, confirming.target);
    }
  };

  return (
    <section className="card" aria-labelledby="restore-title">
      <h2 id="restore-title">Restore a backup</h2>
      <p>Makes a new vault from a backup file or folder, in a new folder, and checks it. Nothing that exists is changed.</p>
      <form className="stack" onSubmit={submit} noValidate>
        <PathField label="Backup file or folder" hint="The backup file (.svbackup) or the backup folder." value={source} onChange={setSource} purpose="open-file" nativeDialogs={nativeDialogs} placeholder="e.g. /media/you/MyDrive/scanvault-2026-12-01.svbackup" error={errors.source ?? null} />
        <PathField label="Restore into the new folder" hint="A new or empty folder. A folder that already holds a vault or other files is refused." value={target} onChange={setTarget} purpose="folder" nativeDialogs={nativeDialogs} placeholder="e.g. /home/you/ScanVault restored" error={errors.target ?? null} />
        <div className="check">
          <input id={checkId} type="checkbox" checked={useRecoveryKey} onChange={(e) => { setUseRecoveryKey(e.target.checked); setPassphrase(''); }} />
          <label htmlFor={checkId}>I forgot the passphrase: use the recovery key</label>
        </div>
        {useRecoveryKey ? (
          <div className="field">
            <label htmlFor={keyId}>Recovery key of the backed-up vault</label>
            <input id={keyId} type="text" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} spellCheck={false} autoComplete="off" autoCapitalize="characters" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" />
          </div>
        ) : (
          <PassphraseField label="Passphrase of the backed-up vault" toggleName="passphrase" value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
        )}
        <ErrorAlert message={error} />
        <div className="button-row">
          <button type="submit" className="button" disabled={disabled || busy || !source.trim() || !target.trim() || !passphrase}>Restore…</button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog title="Restore this backup?" confirmLabel="Restore" busy={busy} onConfirm={() => void restore()} onCancel={() => setConfirming(null)}>
          <p>ScanVault will make a vault in <code className="path">{confirming.target}</code> from the backup and check every file in it.</p>
          <p>Nothing that exists is changed or replaced: a folder that already holds a vault or other files is refused.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
