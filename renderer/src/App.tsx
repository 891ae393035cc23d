import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Status } from '../../shared/domain';
import { watchLock } from './api/watch-lock';
import { useAutoLock } from './hooks/useAutoLock';
import { AppShell } from './screens/AppShell';
import { AuthLayout } from './screens/AuthLayout';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { ServicesProvider, useServices } from './services';
import { ErrorAlert } from './components/ErrorAlert';
import { clearViewerCaches } from './viewer/cornerstone/lock';

/**
 * The top-level state machine, driven only by the core's status: no vault -> first run (then the
 * recovery key, shown once), locked -> unlock, unlocked -> the app. Switching the vault folder
 * (first run or unlock) returns a new status, and the screen follows it. Locking unmounts the app, so
 * nothing read from the vault stays on screen or in React state.
 */
export function App() {
  const services = useServices();
  const [status, setStatus] = useState<Status | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [lockedForInactivity, setLockedForInactivity] = useState(false);
  const statusRef = useRef(status);
  statusRef.current = status;

  const refresh = useCallback(async () => {
    const result = await services.api.getStatus({});
    if (!result.ok) {
      setLoadError(result.error.message);
      return;
    }
    if (statusRef.current?.state === 'unlocked' && result.value.state === 'locked') setLockedForInactivity(true);
    setLoadError(null);
    setStatus(result.value);
  }, [services.api]);

  /** The core said "locked" somewhere (a poll, a touch or any call): find out and show Unlock. */
  const noticeLocked = useCallback(() => {
    if (statusRef.current?.state === 'unlocked') void refresh();
  }, [refresh]);

  const guarded = useMemo(() => ({ ...services, api: watchLock(services.api, noticeLocked) }), [services, noticeLocked]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useAutoLock(status?.state === 'unlocked' && recoveryKey === null, noticeLocked);

  // Locked by hand or idle (or no vault): the viewer's decoded images and caches go at once.
  const unlocked = status?.state === 'unlocked';
  useEffect(() => {
    if (!unlocked) clearViewerCaches();
  }, [unlocked]);

  const onStatus = useCallback((next: Status) => {
    setLockedForInactivity(false);
    setStatus(next);
  }, []);

  const screen = () => {
    if (loadError) {
      return (
        <AuthLayout>
          <h1>ScanVault can’t be reached</h1>
          <div className="stack">
            <ErrorAlert message={loadError} />
            <button type="button" className="button button-primary" onClick={() => void refresh()}>Try again</button>
          </div>
        </AuthLayout>
      );
    }
    if (recoveryKey !== null) {
      return (
        <RecoveryKeyScreen
          recoveryKey={recoveryKey}
          onDone={() => {
            setRecoveryKey(null);
            void refresh();
          }}
        />
      );
    }
    if (!status) return <AuthLayout><p className="muted" aria-live="polite">Opening ScanVault…</p></AuthLayout>;
    switch (status.state) {
      case 'no-vault':
        return <FirstRunScreen status={status} onCreated={setRecoveryKey} onStatus={onStatus} />;
      case 'locked':
        return <UnlockScreen status={status} lockedForInactivity={lockedForInactivity} onUnlocked={onStatus} />;
      case 'unlocked':
        return <AppShell status={status} onStatus={onStatus} />;
    }
  };

  return <ServicesProvider value={guarded}>{screen()}</ServicesProvider>;
}
