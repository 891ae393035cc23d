import { useId, useState } from 'react';
import type { BackupStatus } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHOICES = [7, 14, 30, 60, 90, 180];

export function describeLastBackup(status: BackupStatus, now: number): string {
  if (status.lastBackupAt === null) return 'No backup of this vault has been made yet.';
  const at = new Date(status.lastBackupAt);
  const days = Math.floor((now - at.getTime()) / DAY_MS);
  const ago = days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  return `Last backup: ${at.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' })} (${ago}).`;
}

/** When the last backup was made, a calm reminder when it is old, and how old it may get. */
export function LastBackup({ status, onStatus }: { status: BackupStatus; onStatus: (s: BackupStatus) => void }) {
  const api = useApi();
  const selectId = useId();
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState('');
  const choices = CHOICES.includes(status.remindAfterDays) ? CHOICES : [...CHOICES, status.remindAfterDays].sort((a, b) => a - b);
  const change = async (days: number) => {
    setSaved('');
    const next = await run(() => api.setBackupReminder({ days }));
    if (next) {
      onStatus(next);
      setSaved('Saved.');
    }
  };
  return (
    <section className="card" aria-labelledby="last-backup-title">
      <h2 id="last-backup-title">Your backups</h2>
      <p data-testid="last-backup">{describeLastBackup(status, Date.now())}</p>
      {(status.reminderDue || status.lastBackupAt === null) && (
        <p className="notice" role="status">
          {status.lastBackupAt === null
            ? 'Make a backup now and keep it on another drive: if this computer is lost or its disk fails, the backup is how you get your records back.'
            : `It has been more than ${status.remindAfterDays} days since the last backup. Make a new one so it holds your recent imports.`}
        </p>
      )}
      <div className="field">
        <label htmlFor={selectId}>Remind me when the last backup is older than</label>
        <select id={selectId} value={status.remindAfterDays} disabled={busy} onChange={(e) => void change(Number(e.target.value))}>
          {choices.map((d) => <option key={d} value={d}>{d} days</option>)}
        </select>
      </div>
      <p className="hint" aria-live="polite">{saved}</p>
      <ErrorAlert message={error} />
    </section>
  );
}
