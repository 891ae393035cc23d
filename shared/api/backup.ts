/** Backups of the vault (a single file, or a folder kept up to date) and restoring one into a new folder. */
import { z } from 'zod';
import { BackupStatus, VaultFolderPath } from '../domain';
import { Empty, Passphrase, method } from './method';

/** A full path typed or picked by the person (the same rules as a vault folder path). */
const BackupPath = VaultFolderPath;

export const backupMethods = {
  /** Writes a backup as a job: `file` makes one new file (never overwrites), `folder` updates a backup folder. */
  startBackup: method(z.object({ layout: z.enum(['file', 'folder']), path: BackupPath }).strict(), z.object({ jobId: z.string() }), { needsUnlock: true }),
  /** When the last backup was made and whether a reminder is due. */
  getBackupStatus: method(Empty, BackupStatus, { needsUnlock: true }),
  /** How old the last backup may get before the app reminds (days). */
  setBackupReminder: method(z.object({ days: z.number().int().min(1).max(365) }).strict(), BackupStatus, { needsUnlock: true }),
  /**
   * Restores a backup file or folder into a new, empty folder, as a job; the passphrase (or recovery key)
   * is the one the vault had when the backup was made. Works while locked (the vault may be the thing lost).
   */
  startRestore: method(
    z.object({ source: BackupPath, vault: BackupPath, passphrase: Passphrase.optional(), recoveryKey: z.string().min(1).max(200).optional() }).strict()
      .refine((r) => (r.passphrase === undefined) !== (r.recoveryKey === undefined), 'Give the passphrase or the recovery key of the backed-up vault.'),
    z.object({ jobId: z.string() }),
    { needsUnlock: false },
  ),
  /** Desktop app only: the system's dialog for a backup's place; null when cancelled. */
  pickBackupPath: method(z.object({ purpose: z.enum(['save-file', 'folder', 'open-file', 'open-folder']) }).strict(), z.object({ path: z.string().nullable() }), { needsUnlock: false }),
} as const;
