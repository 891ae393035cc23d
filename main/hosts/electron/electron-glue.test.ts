import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../shared/api';
import type { Dispatch } from '../../api/dispatch';
import { handleAppRequest } from './app-protocol';
import { pickerOptions, withDesktopDialogs } from './desktop-dialogs';
import { hardenSession, hardenWebContents, isAllowedUrl, windowOptions, type SessionLike, type WebContentsLike } from './hardening';
import { channelFor, isTrustedSender, registerApiHandlers, type IpcMainLike } from './ipc-bridge';
import { buildRendererApi, exposeApi } from './preload-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
  it('uses an isolated, sandboxed renderer without Node', () => {
    const prefs = windowOptions('/p/preload.cjs').webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/p/preload.cjs' });
  });

  it('blocks navigation, new windows, permissions and remote requests', () => {
    const listeners: Record<string, (e: { preventDefault(): void }, url: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents: WebContentsLike = {
      on: (event, l) => { listeners[event] = l; },
      setWindowOpenHandler: (h) => { openHandler = h; },
    };
    hardenWebContents(contents);
    let prevented = 0;
    listeners['will-navigate']!({ preventDefault: () => { prevented++; } }, 'https://evil.example/');
    listeners['will-navigate']!({ preventDefault: () => { prevented++; } }, 'app://scanvault/index.html');
    expect(prevented).toBe(1);
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
});
