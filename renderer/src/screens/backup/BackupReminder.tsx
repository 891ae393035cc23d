import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../../shared/domain';
import { useApi } from '../../services';

/**
 * A calm line under the header when the last backup (or, with none, the vault) is older than the
 * reminder setting. "Not now" hides it until the vault is unlocked again.
 */
export function BackupReminder({ hidden, onOpen }: { hidden: boolean; onOpen: () => void }) {
  const api = useApi();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [dismissed, setDismissed] = useState(false);
  // Asked again whenever the person leaves the Backups page, where a backup may just have been made.
  useEffect(() => {
    if (hidden) return undefined;
    let live = true;
    void api.getBackupStatus({}).then((r) => { if (live && r.ok) setStatus(r.value); });
    return () => { live = false; };
  }, [api, hidden]);
  if (hidden || dismissed || !status?.reminderDue) return null;
  const text = status.lastBackupAt === null
    ? 'This vault has no backup yet. A backup on another drive is how you get your records back if this computer is lost.'
    : `Your last backup is more than ${status.remindAfterDays} days old. A new one would also hold what you added since.`;
  return (
    <aside className="backup-reminder" aria-label="Backup reminder">
      <p>{text}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={onOpen}>Go to Backups</button>
        <button type="button" className="link-button" onClick={() => setDismissed(true)}>Not now</button>
      </div>
    </aside>
  );
}
