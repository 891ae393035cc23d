/**
 * The desktop window. Its options are written inline in `new BrowserWindow({...})` and typed with
 * Electron's own types, so security linters (Electronegativity) and reviewers see every setting
 * where the window is made. Takes the BrowserWindow class as a parameter so tests can pass a fake.
 */
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { hardenWebContents } from './hardening';

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export function createMainWindow(BrowserWindow: BrowserWindowClass, preload: string, isPackaged: boolean): ElectronBrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    backgroundColor: '#101418',
    show: false,
    title: 'ScanVault',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click (auxclick) on a link must not open anything: denied here and in hardening.ts.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Developer tools only in development builds: in the installed app they would expose the keys' process.
      devTools: !isPackaged,
    },
  });
  hardenWebContents(win.webContents);
  return win;
}
