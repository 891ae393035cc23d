import { useId, useState } from 'react';
import type { Status } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';

const CHOICES = [
  { minutes: 5, label: '5 minutes' },
  { minutes: 10, label: '10 minutes' },
  { minutes: 15, label: '15 minutes' },
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 0, label: 'Never' },
];

/** How long ScanVault waits without activity before locking; saved as soon as it is changed. */
export function AutoLockSetting({ minutes, onStatus }: { minutes: number; onStatus: (status: Status) => void }) {
  const api = useApi();
  const selectId = useId();
  const hintId = useId();
  const [saved, setSaved] = useState('');
  const { busy, error, run } = useAction();
  const choices = CHOICES.some((c) => c.minutes === minutes) ? CHOICES : [...CHOICES, { minutes, label: `${minutes} minutes` }];

  const change = async (value: number) => {
    setSaved('');
    const status = await run(() => api.setAutoLock({ minutes: value }));
    if (status) {
      onStatus(status);
      setSaved(value === 0 ? 'Saved. The vault stays open until you lock it or close ScanVault.' : 'Saved.');
    }
  };

  return (
    <section className="card" aria-labelledby="autolock-title">
      <h2 id="autolock-title">Automatic lock</h2>
      <div className="field">
        <label htmlFor={selectId}>Lock automatically after</label>
        <select id={selectId} value={minutes} disabled={busy} aria-describedby={hintId} onChange={(e) => void change(Number(e.target.value))}>
          {choices.map((c) => <option key={c.minutes} value={c.minutes}>{c.label}</option>)}
        </select>
        <p className="hint" id={hintId}>If nobody uses ScanVault for this long, it locks so others using this computer cannot see your records.</p>
      </div>
      <p className="hint" aria-live="polite">{saved}</p>
      <ErrorAlert message={error} />
    </section>
  );
}
