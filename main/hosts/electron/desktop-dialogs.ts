import { API_METHODS, type ApiHandlers } from '../../../shared/api';

/** What the desktop app may ask the system picker for. */
export type PickerKind = 'files' | 'folder' | 'vault-folder' | 'backup-file' | 'backup-folder';

export type ShowOpenDialog = (kind: PickerKind) => Promise<{ canceled: boolean; filePaths: string[] }>;

/** Electron's save dialog, for a new backup file. */
export type ShowSaveDialog = (options: { title: string; buttonLabel: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

/** The window's page as PDF (Electron's webContents.printToPDF, print stylesheet applied) and a way to write it. */
export interface PagePrinter {
  printPage(): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
}

/** A file name from a document title: no path separators or characters file systems refuse. */
export function pdfFileName(title: string): string {
  const printable = [...title].map((ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${base || 'ScanVault document'}.pdf`;
}

/** The subset of Electron's OpenDialogOptions we use (kept here so it is tested without Electron). */
export interface PickerOptions {
  title?: string;
  buttonLabel?: string;
  properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory' | 'promptToCreate')[];
  filters: { name: string; extensions: string[] }[];
}

export function pickerOptions(kind: PickerKind): PickerOptions {
  switch (kind) {
    case 'files':
      return { properties: ['openFile', 'multiSelections'], filters: [{ name: 'Medical images, archives and reports', extensions: ['*'] }] };
    case 'folder':
      return { properties: ['openDirectory'], filters: [] };
    case 'vault-folder':
      // One folder, which may be new (macOS: "New Folder" button; Windows: typing a new name).
      return {
        title: 'Choose a folder for your vault',
        buttonLabel: 'Use this folder',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
        filters: [],
      };
    case 'backup-file':
      return { title: 'Choose a backup file', properties: ['openFile'], filters: [{ name: 'ScanVault backups', extensions: ['svbackup'] }] };
    case 'backup-folder':
      return { title: 'Choose a backup folder', buttonLabel: 'Use this folder', properties: ['openDirectory', 'createDirectory', 'promptToCreate'], filters: [] };
  }
}

/** The core's handlers (bound to the core) with the file and folder pickers supplied by the desktop host. */
export function withDesktopDialogs(core: ApiHandlers, showOpenDialog: ShowOpenDialog, showSaveDialog?: ShowSaveDialog, printer?: PagePrinter): ApiHandlers {
  const handlers: Record<string, unknown> = {};
  for (const method of API_METHODS) handlers[method] = (core[method] as (i: unknown) => unknown).bind(core);
  const bound = handlers as ApiHandlers;
  bound.pickImportPaths = async ({ kind }) => {
    const result = await showOpenDialog(kind);
    return { paths: result.canceled ? [] : result.filePaths };
  };
  bound.pickVaultFolder = async () => {
    const result = await showOpenDialog('vault-folder');
    return { dir: result.canceled ? null : result.filePaths[0] ?? null };
  };
  bound.pickBackupPath = async ({ purpose }) => {
    if (purpose === 'save-file') {
      if (!showSaveDialog) return { path: null };
      const saved = await showSaveDialog({ title: 'Save the backup file', buttonLabel: 'Save backup', defaultPath: `scanvault-${new Date().toISOString().slice(0, 10)}.svbackup`, filters: [{ name: 'ScanVault backups', extensions: ['svbackup'] }] });
      return { path: saved.canceled ? null : saved.filePath ?? null };
    }
    const result = await showOpenDialog(purpose === 'open-file' ? 'backup-file' : 'backup-folder');
    return { path: result.canceled ? null : result.filePaths[0] ?? null };
  };
  bound.pickExportDestination = async ({ kind }) => {
    // The export makes a new folder or zip and never writes into an existing one, so both are "save as" names.
    if (!showSaveDialog) return { path: null };
    const day = new Date().toISOString().slice(0, 10);
    const saved = await showSaveDialog(kind === 'zip'
      ? { title: 'Save the shared copy as a zip file', buttonLabel: 'Save here', defaultPath: `ScanVault share ${day}.zip`, filters: [{ name: 'Zip archives', extensions: ['zip'] }] }
      : { title: 'Name the new folder for the shared copy', buttonLabel: 'Create folder', defaultPath: `ScanVault share ${day}`, filters: [] });
    return { path: saved.canceled ? null : saved.filePath ?? null };
  };
  bound.savePageAsPdf = async ({ title }) => {
    if (!showSaveDialog || !printer) return { supported: false, saved: false };
    const saved = await showSaveDialog({ title: 'Save as PDF', buttonLabel: 'Save PDF', defaultPath: pdfFileName(title), filters: [{ name: 'PDF documents', extensions: ['pdf'] }] });
    if (saved.canceled || !saved.filePath) return { supported: true, saved: false };
    await printer.writeFile(saved.filePath, await printer.printPage());
    return { supported: true, saved: true };
  };
  return bound;
}
