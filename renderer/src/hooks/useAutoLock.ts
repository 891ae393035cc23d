import { useEffect, useRef } from 'react';
import type { VaultState } from '../../../shared/domain';
import { useApi } from '../services';

const TOUCH_EVERY_MS = 30_000;
const POLL_EVERY_MS = 15_000;

/**
 * While the vault is unlocked: tells the core the person is still there (at most every 30 s, on
 * pointer, wheel or key activity), and asks every 15 s and whenever the window regains focus whether the
 * core has locked the vault meanwhile; if so, `onLocked` is called.
 */
export function useAutoLock(active: boolean, onLocked: () => void): void {
  const api = useApi();
  const onLockedRef = useRef(onLocked);
  onLockedRef.current = onLocked;

  useEffect(() => {
    if (!active) return undefined;
    let lastTouch = 0;
    const seen = (state: VaultState) => {
      if (state !== 'unlocked') onLockedRef.current();
    };
    const onActivity = () => {
      const now = Date.now();
      if (now - lastTouch < TOUCH_EVERY_MS) return;
      lastTouch = now;
      void api.touch({}).then((r) => {
        if (r.ok) seen(r.value.state);
      });
    };
    const check = () => {
      void api.getStatus({}).then((r) => {
        if (r.ok) seen(r.value.state);
      });
    };
    const timer = setInterval(check, POLL_EVERY_MS);
    window.addEventListener('pointerdown', onActivity, { passive: true });
    window.addEventListener('keydown', onActivity, { passive: true });
    window.addEventListener('wheel', onActivity, { passive: true });
    window.addEventListener('focus', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pointerdown', onActivity);
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('wheel', onActivity);
      window.removeEventListener('focus', check);
    };
  }, [active, api]);
}
