// Tests only: for crash-safety.test.ts. When SCANVAULT_CRASH_WRITE_MID_IMPORT is set, the child
// writes a setting and changes the passphrase (header + 'passphrase-changed' event) while its
// import is between group commits, prints "wrote", then blocks its own event loop so the import
// makes no further progress until the test kills it.
import type { ProgressSink } from '../../core/jobs/job-runner';
import { writeAutoLockMinutes } from '../../core/session/settings';
import type { OpenVault } from '../../core/vault/vault';

export const MID_IMPORT_NEW_PASSPHRASE = 'a new passphrase written mid import';
export const MID_IMPORT_AUTO_LOCK_MINUTES = 7;
const AFTER_FILES = 20;

export function progressForCrashChild(vault: OpenVault, passphrase: string): ProgressSink {
  if (process.env.SCANVAULT_CRASH_WRITE_MID_IMPORT === undefined) return { set: () => undefined };
  let started = false;
  return {
    set: (update) => {
      if (started || (update.filesDone ?? 0) < AFTER_FILES) return;
      started = true;
      void (async () => {
        await writeAutoLockMinutes(vault, MID_IMPORT_AUTO_LOCK_MINUTES);
        await vault.changePassphrase(passphrase, MID_IMPORT_NEW_PASSPHRASE);
        process.stdout.write('wrote\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
      })();
    },
  };
}
