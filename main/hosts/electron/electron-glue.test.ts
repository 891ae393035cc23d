import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../shared/api';
import type { Dispatch } from '../../api/dispatch';
import { handleAppRequest } from './app-protocol';
import { pdfFileName, pickerOptions, withDesktopDialogs } from './desktop-dialogs';
import { hardenSession, hardenWebContents, isAllowedUrl, type SessionLike, type WebContentsLike } from './hardening';
import { createMainWindow, type BrowserWindowClass } from './main-window';
import { channelFor, isTrustedSender, registerApiHandlers, type IpcMainLike } from './ipc-bridge';
import { blockAuxClick, buildRendererApi, exposeApi, type EventTargetLike } from './preload-api';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api';

type Listener = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain(): IpcMainLike & { handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  return { handlers, handle: (c, l) => { handlers.set(c, l); }, removeHandler: (c) => { handlers.delete(c); } };
}

describe('IPC bridge', () => {
  it('registers exactly one channel per contract method and removes them again', () => {
    const ipc = fakeIpcMain();
    const unregister = registerApiHandlers(ipc, async () => ({ ok: true, value: null }));
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map(channelFor).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('dispatches calls from the app page and refuses any other sender', async () => {
    const calls: [string, unknown][] = [];
    const dispatch: Dispatch = async (m, i) => { calls.push([m, i]); return { ok: true, value: 'fine' }; };
    const ipc = fakeIpcMain();
    registerApiHandlers(ipc, dispatch);
    const handler = ipc.handlers.get(channelFor('unlock'))!;
    expect(await handler({ senderFrame: { url: 'app://scanvault/index.html' } }, { passphrase: 'p' })).toEqual({ ok: true, value: 'fine' });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(calls).toEqual([['unlock', { passphrase: 'p' }]]);
  });

  it('trusts only the app origin', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://scanvault/x' } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://scanvault.evil/x' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'file:///etc/passwd' } })).toBe(false);
  });
});

describe('preload', () => {
  it('exposes the contract methods on fixed channels, nothing generic', async () => {
    const invoked: unknown[][] = [];
    const api = buildRendererApi({ invoke: async (...args) => { invoked.push(args); return { ok: true, value: 1 }; } });
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    await api.getStatus({});
    expect(invoked).toEqual([['scanvault:getStatus', {}]]);
    const exposed: Record<string, unknown> = {};
    exposeApi({ exposeInMainWorld: (k, v) => { exposed[k] = v; } }, { invoke: async () => null }, () => '/x');
    expect(Object.keys(exposed).sort()).toEqual(['scanvault', 'scanvaultHost']);
    expect(Object.isFrozen(exposed.scanvault)).toBe(true);
  });
});

describe('window hardening', () => {
  /** A fake BrowserWindow class that records its options and the listeners put on its contents. */
  function fakeWindowClass(): { Window: BrowserWindowClass; made: { options: Record<string, unknown>; events: string[] }[] } {
    const made: { options: Record<string, unknown>; events: string[] }[] = [];
    class FakeWindow {
      readonly webContents: WebContentsLike;
      constructor(options: Record<string, unknown>) {
        const record = { options, events: [] as string[] };
        made.push(record);
        this.webContents = { on: (event) => { record.events.push(event); }, setWindowOpenHandler: () => { record.events.push('window-open-handler'); } };
      }
    }
    return { Window: FakeWindow as unknown as BrowserWindowClass, made };
  }

  it('uses an isolated, sandboxed renderer without Node, no auxclick, DevTools only when not packaged', () => {
    const { Window, made } = fakeWindowClass();
    createMainWindow(Window, '/p/preload.cjs', true);
    createMainWindow(Window, '/p/preload.cjs', false);
    const [packaged, dev] = made.map((m) => m.options.webPreferences as Record<string, unknown>);
    expect(packaged).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, disableBlinkFeatures: 'Auxclick', preload: '/p/preload.cjs', devTools: false,
    });
    expect(dev).toMatchObject({ devTools: true, contextIsolation: true });
    expect(made[0]!.options.show).toBe(false);
    expect(made[0]!.events).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'window-open-handler']));
  });

  it('writes the window options inline in new BrowserWindow({...}) so linters can read them', () => {
    const source = readFileSync(path.join(import.meta.dirname, 'main-window.ts'), 'utf8');
    expect(source).toMatch(/new BrowserWindow\(\{[\s\S]*webPreferences: \{[\s\S]*contextIsolation: true,[\s\S]*sandbox: true,/);
    expect(readFileSync(path.join(import.meta.dirname, 'main.ts'), 'utf8')).toContain('createMainWindow(BrowserWindow,');
  });

  it('a middle-click never follows a link in the page', () => {
    let listener: ((e: { button: number; preventDefault(): void }) => void) | undefined;
    let capture: boolean | undefined;
    const target: EventTargetLike = { addEventListener: (_type, l, c) => { listener = l; capture = c; } };
    blockAuxClick(target);
    let prevented = 0;
    listener!({ button: 1, preventDefault: () => { prevented++; } });
    listener!({ button: 0, preventDefault: () => { prevented++; } });
    expect(prevented).toBe(1);
    expect(capture).toBe(true);
  });

  it('blocks navigation, new windows, permissions and remote requests', () => {
    const listeners: Record<string, (e: { preventDefault(): void; url?: string }, url: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents: WebContentsLike = {
      on: (event, l) => { listeners[event] = l; },
      setWindowOpenHandler: (h) => { openHandler = h; },
    };
    hardenWebContents(contents);
    let prevented = 0;
    listeners['will-navigate']!({ preventDefault: () => { prevented++; } }, 'https://evil.example/');
    listeners['will-navigate']!({ preventDefault: () => { prevented++; } }, 'app://scanvault/index.html');
    listeners['will-frame-navigate']!({ url: 'https://evil.example/', preventDefault: () => { prevented++; } }, '');
    listeners['will-frame-navigate']!({ url: 'app://scanvault/x', preventDefault: () => { prevented++; } }, '');
    expect(prevented).toBe(2);
    expect(openHandler!({ url: 'https://x' })).toEqual({ action: 'deny' });

    let permission: boolean | undefined;
    let cancel: boolean | undefined;
    let headers: Record<string, unknown> = {};
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => h(null, 'media', (g) => { permission = g; }),
      setPermissionCheckHandler: () => undefined,
      webRequest: {
        onBeforeRequest: (l) => l({ url: 'https://cdn.example/x.js' }, (r) => { cancel = r.cancel; }),
        onHeadersReceived: (l) => l({ responseHeaders: {} }, (r) => { headers = r.responseHeaders; }),
      },
    };
    hardenSession(session);
    expect(permission).toBe(false);
    expect(cancel).toBe(true);
    expect(String(headers['Content-Security-Policy'])).toContain("default-src 'none'");
    expect(isAllowedUrl('app://scanvault/assets/a.js')).toBe(true);
    expect(isAllowedUrl('http://127.0.0.1:1/')).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('serves the renderer build and refuses to leave its folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-app-'));
    writeFileSync(path.join(dir, 'index.html'), '<h1>hi</h1>');
    const ok = await handleAppRequest(dir, 'app://scanvault/index.html');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await ok.text()).toBe('<h1>hi</h1>');
    expect((await handleAppRequest(dir, 'app://scanvault/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await handleAppRequest(dir, 'app://other/index.html')).status).toBe(404);
  });
});

describe('desktop dialogs', () => {
  it('overrides only pickImportPaths and keeps the core bound', async () => {
    const core = { getStatus: function (this: { tag: string }) { return Promise.resolve(this.tag); }, tag: 'core' } as unknown as ApiHandlers;
    for (const m of API_METHODS) if (!(m in core)) (core as unknown as Record<string, unknown>)[m] = async () => m;
    const handlers = withDesktopDialogs(core, async (kind) => ({ canceled: false, filePaths: [`/picked/${kind}`] }));
    expect(await handlers.getStatus({})).toBe('core');
    expect(await handlers.pickImportPaths({ kind: 'folder' })).toEqual({ paths: ['/picked/folder'] });
  });

  it('picks one vault folder (which may be new), or null when cancelled', async () => {
    const core = {} as ApiHandlers;
    for (const m of API_METHODS) (core as unknown as Record<string, unknown>)[m] = async () => m;
    const asked: string[] = [];
    let canceled = false;
    const handlers = withDesktopDialogs(core, async (kind) => {
      asked.push(kind);
      return { canceled, filePaths: canceled ? [] : ['/Volumes/USB/ScanVault'] };
    });
    expect(await handlers.pickVaultFolder({})).toEqual({ dir: '/Volumes/USB/ScanVault' });
    canceled = true;
    expect(await handlers.pickVaultFolder({})).toEqual({ dir: null });
    expect(asked).toEqual(['vault-folder', 'vault-folder']);
    expect(pickerOptions('vault-folder')).toEqual({
      title: 'Choose a folder for your vault',
      buttonLabel: 'Use this folder',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      filters: [],
    });
    expect(pickerOptions('folder').properties).toEqual(['openDirectory']);
    expect(pickerOptions('files').properties).toEqual(['openFile', 'multiSelections']);
  });

  it('picks a backup place: the save dialog for a new file, the open dialog for the rest', async () => {
    const core = {} as ApiHandlers;
    for (const m of API_METHODS) (core as unknown as Record<string, unknown>)[m] = async () => m;
    const asked: string[] = [];
    const handlers = withDesktopDialogs(
      core,
      async (kind) => { asked.push(kind); return { canceled: false, filePaths: [`/picked/${kind}`] }; },
      async (options) => { asked.push(`save:${options.defaultPath.endsWith('.svbackup')}`); return { canceled: false, filePath: '/media/usb/b.svbackup' }; },
    );
    expect(await handlers.pickBackupPath({ purpose: 'save-file' })).toEqual({ path: '/media/usb/b.svbackup' });
    expect(await handlers.pickBackupPath({ purpose: 'open-file' })).toEqual({ path: '/picked/backup-file' });
    expect(await handlers.pickBackupPath({ purpose: 'folder' })).toEqual({ path: '/picked/backup-folder' });
    expect(asked).toEqual(['save:true', 'backup-file', 'backup-folder']);
  });
});

describe('export destination', () => {
  it('names a new zip or folder with the save dialog, and says null when cancelled or without one', async () => {
    const core = {} as ApiHandlers;
    for (const m of API_METHODS) (core as unknown as Record<string, unknown>)[m] = async () => m;
    const asked: string[] = [];
    const open = async () => ({ canceled: true, filePaths: [] });
    const handlers = withDesktopDialogs(core, open, async (options) => {
      asked.push(options.defaultPath);
      return options.defaultPath.endsWith('.zip') ? { canceled: false, filePath: '/media/usb/share.zip' } : { canceled: true };
    });
    expect(await handlers.pickExportDestination({ kind: 'zip' })).toEqual({ path: '/media/usb/share.zip' });
    expect(await handlers.pickExportDestination({ kind: 'folder' })).toEqual({ path: null });
    expect(asked[0]).toMatch(/^ScanVault share \d{4}-\d{2}-\d{2}\.zip$/);
    expect(asked[1]).toMatch(/^ScanVault share \d{4}-\d{2}-\d{2}$/);
    expect(await withDesktopDialogs(core, open).pickExportDestination({ kind: 'zip' })).toEqual({ path: null });
  });
});

describe('save as PDF', () => {
  const core = {} as ApiHandlers;
  for (const m of API_METHODS) (core as unknown as Record<string, unknown>)[m] = async () => m;
  const open = async () => ({ canceled: true, filePaths: [] });

  it('asks where to save, prints the page and writes it there', async () => {
    const written: { path: string; bytes: Uint8Array }[] = [];
    const asked: string[] = [];
    const handlers = withDesktopDialogs(core, open, async (o) => { asked.push(o.defaultPath); return { canceled: false, filePath: '/home/me/letter.pdf' }; }, {
      printPage: async () => Uint8Array.from([0x25, 0x50, 0x44, 0x46]),
      writeFile: async (p, bytes) => { written.push({ path: p, bytes }); },
    });
    expect(await handlers.savePageAsPdf({ title: 'Request: copy of my images / reports' })).toEqual({ supported: true, saved: true });
    expect(asked).toEqual(['Request copy of my images reports.pdf']);
    expect(written).toEqual([{ path: '/home/me/letter.pdf', bytes: Uint8Array.from([0x25, 0x50, 0x44, 0x46]) }]);
  });

  it('writes nothing when the dialog is cancelled, and says it is not supported without a printer', async () => {
    let printed = 0;
    const printer = { printPage: async () => { printed += 1; return new Uint8Array(); }, writeFile: async () => undefined };
    const cancelled = withDesktopDialogs(core, open, async () => ({ canceled: true }), printer);
    expect(await cancelled.savePageAsPdf({ title: 'Checklist' })).toEqual({ supported: true, saved: false });
    expect(printed).toBe(0);
    expect(await withDesktopDialogs(core, open).savePageAsPdf({ title: 'Checklist' })).toEqual({ supported: false, saved: false });
  });

  it('makes a file name without separators or control characters', () => {
    expect(pdfFileName('a/b\\c:d*e?"f<g>h|i\u0001j')).toBe('a b c d e f g h i j.pdf');
    expect(pdfFileName(' / ')).toBe('ScanVault document.pdf');
  });
});

describe('packaging', () => {
  /** The `electronFuses:` block of electron-builder.yml as key -> value (flat `key: value` lines). */
  function fuses(): Record<string, string> {
    const yml = readFileSync(path.join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8').split('\n');
    const start = yml.indexOf('electronFuses:');
    expect(start).toBeGreaterThanOrEqual(0);
    const out: Record<string, string> = {};
    for (const line of yml.slice(start + 1)) {
      const m = /^ {2}([A-Za-z]+): *(\S+)\s*(#.*)?$/.exec(line);
      if (!m) break;
      out[m[1]!] = m[2]!;
    }
    return out;
  }

  it('sets the Electron fuses: no run-as-node, no NODE_OPTIONS or inspect, encrypted cookies, asar only and checked', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('uses only fuse names electron-builder knows', () => {
    const scheme = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const name of Object.keys(fuses())) expect(known).toContain(name);
  });
});
