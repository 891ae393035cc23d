/**
 * Which folder holds the vault: checking a folder the person chose, and remembering that choice
 * across launches in a tiny plaintext settings file ({ "vaultDir": "…" }: a path, no patient data).
 */
import { readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CoreError } from '../core-error';
import { isCode, writeFileAtomic } from '../vault/atomic-file';

const MAX_PATH_LENGTH = 4096;

const SettingsFile = z.object({ vaultDir: z.string().min(1).max(MAX_PATH_LENGTH) });

/** The folder remembered in `settingsFile`, or null when there is none (or it is unreadable). */
export function readRememberedVaultDir(settingsFile: string): string | null {
  let text: string;
  try {
    text = readFileSync(settingsFile, 'utf8');
  } catch {
    return null; // never written yet, or unreadable: fall back to the default folder
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const settings = SettingsFile.safeParse(parsed);
  if (!settings.success || !path.isAbsolute(settings.data.vaultDir)) return null;
  return path.resolve(settings.data.vaultDir);
}

/**
 * The folder a host opens at launch: an explicit one (the CLI's --vault) always wins, then the
 * remembered choice, then the default in the per-user data folder.
 */
export function resolveVaultDir(opts: { explicit?: string | undefined; settingsFile: string; fallback: string }): string {
  if (opts.explicit !== undefined) return path.resolve(opts.explicit);
  return readRememberedVaultDir(opts.settingsFile) ?? opts.fallback;
}

/** Writes the settings file atomically, readable by this user only (0600; its folder 0700 when created). */
export async function rememberVaultDir(settingsFile: string, vaultDir: string): Promise<void> {
  await mkdir(path.dirname(settingsFile), { recursive: true, mode: 0o700 });
  await writeFileAtomic(settingsFile, `${JSON.stringify({ vaultDir }, null, 2)}\n`);
}

/**
 * Checks a folder the person chose for the vault and returns it normalised. A missing folder is
 * fine (creating the vault makes it); a file, or a place ScanVault may not look into, is refused.
 * Whether the folder is empty or holds a vault is the caller's business (Status.state).
 */
export async function checkVaultFolder(dir: string): Promise<string> {
  if (dir.length === 0 || dir.length > MAX_PATH_LENGTH || dir.includes('\0') || !path.isAbsolute(dir)) {
    throw new CoreError('BAD_REQUEST', 'Type the full path of the folder, starting from the top of the drive.');
  }
  const resolved = path.resolve(dir);
  try {
    if (!(await stat(resolved)).isDirectory()) throw notAFolder();
  } catch (error) {
    if (error instanceof CoreError) throw error;
    if (isCode(error, 'ENOENT')) return resolved;
    if (isCode(error, 'ENOTDIR')) throw notAFolder();
    if (isCode(error, 'ENAMETOOLONG')) throw new CoreError('BAD_REQUEST', 'That path is too long. Choose a folder with a shorter path.');
    if (isCode(error, 'EACCES') || isCode(error, 'EPERM')) {
      throw new CoreError('BAD_REQUEST', 'ScanVault is not allowed to use that folder. Choose a folder you can write to.');
    }
    throw error;
  }
  return resolved;
}

function notAFolder(): CoreError {
  return new CoreError('BAD_REQUEST', 'That is a file, not a folder. Choose or type a folder for the vault.');
}
