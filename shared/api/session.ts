/** Creating, unlocking and locking the vault; where it lives; passphrase and auto-lock. */
import { z } from 'zod';
import { Status, VaultFolderPath } from '../domain';
import { Empty, Passphrase, method } from './method';

export const sessionMethods = {
  getStatus: method(Empty, Status, { needsUnlock: false }),
  createVault: method(
    z.object({ passphrase: Passphrase }).strict(),
    z.object({ recoveryKey: z.string() }),
    { needsUnlock: false },
  ),
  unlock: method(z.object({ passphrase: Passphrase }).strict(), Status, { needsUnlock: false }),
  unlockWithRecoveryKey: method(
    z.object({ recoveryKey: z.string().min(1).max(200), newPassphrase: Passphrase }).strict(),
    Status,
    { needsUnlock: false },
  ),
  lock: method(Empty, Status, { needsUnlock: false }),
  /**
   * Uses another folder for the vault (e.g. on an external drive) and remembers it for the next
   * launch. Only while no vault is open. The folder may be missing (a new vault is created there),
   * hold a vault (state becomes 'locked') or hold other files (state 'no-vault'; creating refuses).
   */
  setVaultFolder: method(z.object({ dir: VaultFolderPath }).strict(), Status, { needsUnlock: false }),
  /** Desktop app only: the system's folder picker for the vault folder; null when cancelled. */
  pickVaultFolder: method(Empty, z.object({ dir: z.string().nullable() }), { needsUnlock: false }),
  changePassphrase: method(
    z.object({ oldPassphrase: Passphrase, newPassphrase: Passphrase }).strict(),
    z.object({ changed: z.literal(true) }),
    { needsUnlock: true },
  ),
  setAutoLock: method(
    z.object({ minutes: z.number().int().min(0).max(24 * 60) }).strict(),
    Status,
    { needsUnlock: true },
  ),
  /** Tells the core the person is still there (resets the auto-lock timer). */
  touch: method(Empty, z.object({ state: z.enum(['no-vault', 'locked', 'unlocked']) }), { needsUnlock: false }),
} as const;
