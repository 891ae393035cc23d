/**
 * The Electron host: only wiring. Everything it calls is plain Node and tested without Electron
 * (main-window.ts, hardening.ts, ipc-bridge.ts, app-protocol.ts, the core). It cannot be launched on machines
 * without the Electron binary; see README.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { createDispatcher } from '../../api/dispatch';
import { createLogger } from '../../core/log';
import { defaultVaultDir, settingsFilePath } from '../../core/paths';
import { ScanVaultCore } from '../../core/scanvault-core';
import { resolveVaultDir } from '../../core/session/vault-folder';
import { ELECTRON_BYTES_SCHEME } from '../../../shared/api/bytes';
import { handleAppRequest } from './app-protocol';
import { BYTES_SCHEME_PRIVILEGES, handleBytesRequest } from './bytes-protocol';
import { hardenSession } from './hardening';
import { createMainWindow } from './main-window';
import { registerApiHandlers, APP_ORIGIN } from './ipc-bridge';
import { pickerOptions, withDesktopDialogs } from './desktop-dialogs';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  BYTES_SCHEME_PRIVILEGES,
]);

const log = createLogger();
const staticDir = path.join(__dirname, '..', 'renderer');

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  // The same per-user folder and settings file as the CLI and `scanvault serve` (core/paths.ts), so
  // all three open the folder the person last chose.
  const settingsFile = settingsFilePath();
  const core = new ScanVaultCore({
    vaultDir: resolveVaultDir({ settingsFile, fallback: defaultVaultDir() }),
    settingsFile, host: 'electron', log, nativeDialogs: true,
  });
  const handlers = withDesktopDialogs(core, (kind) => dialog.showOpenDialog(pickerOptions(kind)), (options) => dialog.showSaveDialog(options));
  registerApiHandlers(ipcMain, createDispatcher(handlers, log, core));
  hardenSession(session.defaultSession);
  protocol.handle('app', (request) => handleAppRequest(staticDir, request.url));
  protocol.handle(ELECTRON_BYTES_SCHEME, (request) => handleBytesRequest(core, request, log));

  const win = createMainWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), app.isPackaged);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    void core.lockNow().finally(() => app.quit());
  });
}

void main();
