/**
 * What the preload exposes to the page: exactly the contract's methods (each a fixed IPC channel)
 * plus a helper to read a dropped file's path. Never a generic ipcRenderer.invoke.
 */
import { API_METHODS, type ScanVaultApi } from '../../../shared/api';
import { channelFor } from './ipc-bridge';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}
export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export function buildRendererApi(ipc: IpcRendererLike): ScanVaultApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    api[method] = (input: unknown) => ipc.invoke(channelFor(method), input);
  }
  return Object.freeze(api) as unknown as ScanVaultApi;
}

export function exposeApi(bridge: ContextBridgeLike, ipc: IpcRendererLike, pathForFile: (file: unknown) => string): void {
  bridge.exposeInMainWorld('scanvault', buildRendererApi(ipc));
  bridge.exposeInMainWorld('scanvaultHost', Object.freeze({ kind: 'electron', pathForFile }));
}

export interface EventTargetLike {
  addEventListener(type: 'auxclick', listener: (event: { button: number; preventDefault(): void }) => void, capture: boolean): void;
}

/**
 * Renderer-side guard: a middle-click (auxclick) never follows a link. The main process denies new
 * windows too; this stops the click before Chromium asks for one.
 */
export function blockAuxClick(target: EventTargetLike): void {
  target.addEventListener('auxclick', (event) => {
    if (event.button !== 0) event.preventDefault();
  }, true);
}
