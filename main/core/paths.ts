import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'ScanVault';

/** The small plaintext file, beside the default vault, that remembers which folder holds the vault. */
export const SETTINGS_FILE_NAME = 'settings.json';

/**
 * The per-user data folder, computed the way Electron's app.getPath('userData') does, so the CLI,
 * the browser host and the desktop app find the same vault without importing Electron here.
 * Everything comes from `env` (HOME / USERPROFILE included), so tests can point it at a temp folder.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) || os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultVaultDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(userDataDir(env, platform), 'vault');
}

/** Where the chosen vault folder is remembered across launches (a path only, never patient data). */
export function settingsFilePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(userDataDir(env, platform), SETTINGS_FILE_NAME);
}
