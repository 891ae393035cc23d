import { useState, type FormEvent } from 'react';
import { VaultFolderPath } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isoDateOf } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { PathField } from './PathField';

interface Props {
  layout: 'file' | 'folder';
  nativeDialogs: boolean;
  disabled: boolean;
  onJobId: (jobId: string) => void;
}

const TEXT = {
  file: {
    title: 'Make a backup file',
    lead: 'One file with everything in the vault, still encrypted: it opens only with your passphrase or recovery key. ScanVault checks it after writing. An existing file is never replaced.',
    label: 'Save the backup file as',
    hint: 'The full path of a new file, ideally on an external drive.',
    placeholder: `e.g. /media/you/MyDrive/scanvault-${isoDateOf(new Date())}.svbackup`,
    button: 'Make backup file',
  },
  folder: {
    title: 'Keep a backup folder up to date',
    lead: 'A folder on another drive that you bring up to date now and then: only files added since the last time are copied, so it is quick. Use an empty folder the first time.',
    label: 'Backup folder',
    hint: 'The full path of an empty folder, or of the backup folder you used before.',
    placeholder: 'e.g. /media/you/MyDrive/ScanVault backup',
    button: 'Update backup folder',
  },
} as const;

/** Starts a backup (file or folder) as a job. */
export function MakeBackupForm({ layout, nativeDialogs, disabled, onJobId }: Props) {
  const api = useApi();
  const [target, setTarget] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const text = TEXT[layout];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = VaultFolderPath.safeParse(target.trim());
    if (!checked.success) {
      setPathError(checked.error.issues[0]?.message ?? 'Type the full path.');
      return;
    }
    setPathError(null);
    const started = await run(() => api.startBackup({ layout, path: checked.data }));
    if (started) onJobId(started.jobId);
  };
  return (
    <section className="card" aria-labelledby={`backup-${layout}-title`}>
      <h2 id={`backup-${layout}-title`}>{text.title}</h2>
      <p>{text.lead}</p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <PathField label={text.label} hint={text.hint} value={target} onChange={setTarget} purpose={layout === 'file' ? 'save-file' : 'folder'} nativeDialogs={nativeDialogs} placeholder={text.placeholder} error={pathError} />
        <ErrorAlert message={error} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={disabled || busy || target.trim() === ''}>{text.button}</button>
        </div>
      </form>
    </section>
  );
}
