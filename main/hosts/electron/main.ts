/**
 * The Electron host: only wiring. Everything it calls is plain Node and tested without Electron
 * (main-window.ts, hardening.ts, ipc-bridge.ts, app-protocol.ts, the core). It cannot be launched on machines
 * without the Electron binary; see README.
 */
import { writeFile } from 'node:fs/promises';
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
  let win: BrowserWindow | null = null;
  const printer = {
    // The page's print stylesheet applies, so the PDF carries the document without the app's chrome.
    printPage: async () => {
      if (win === null) throw new Error('no window to print');
      return win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    },
    writeFile: (file: string, bytes: Uint8Array) => writeFile(file, bytes),
  };
  const handlers = withDesktopDialogs(core, (kind) => dialog.showOpenDialog(pickerOptions(kind)), (options) => dialog.showSaveDialog(options), printer);
  registerApiHandlers(ipcMain, createDispatcher(handlers, log, core));
  hardenSession(session.defaultSession);
  protocol.handle('app', (request) => handleAppRequest(staticDir, request.url));
  protocol.handle(ELECTRON_BYTES_SCHEME, (request) => handleBytesRequest(core, request, log));

  const mainWindow = createMainWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), app.isPackaged);
  win = mainWindow;
  mainWindow.once('ready-to-show', () => mainWindow.show());
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    void core.lockNow().finally(() => app.quit());
  });
}

void main();
