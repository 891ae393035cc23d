/**
 * The link to bin/scanvault.js when it started this process (older system Node re-running us on
 * Node 24). Its IPC channel closes when the launcher dies, even by SIGKILL: the work then stops
 * (the running job is cancelled and the vault locked) instead of running on where nobody sees it.
 */
export interface LauncherProcess {
  /** Present only when a parent opened an IPC channel (started directly by Node: absent). */
  send?: unknown;
  connected?: boolean;
  on(event: 'disconnect', listener: () => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
  disconnect?(): void;
  exit(code?: number): never;
  exitCode?: NodeJS.Process['exitCode'];
}

/** Exit code when the launcher went away (128 + SIGHUP, as if the terminal had closed). */
export const LAUNCHER_GONE_EXIT = 129;
/** Cancelling and locking normally take well under a second; a stuck prompt must not keep us alive. */
const GRACE_MS = 3000;

export function watchLauncher(proc: LauncherProcess): { stop: AbortSignal; release(): void } {
  const controller = new AbortController();
  if (typeof proc.send !== 'function') return { stop: controller.signal, release: () => undefined };
  const onGone = (): void => {
    controller.abort();
    proc.exitCode = LAUNCHER_GONE_EXIT;
    setTimeout(() => proc.exit(LAUNCHER_GONE_EXIT), GRACE_MS).unref();
  };
  proc.on('disconnect', onGone);
  return {
    stop: controller.signal,
    // The 'disconnect' listener keeps the channel (and so this process) alive: drop both when done.
    release() {
      proc.off('disconnect', onGone);
      if (proc.connected === true) proc.disconnect?.();
    },
  };
}
