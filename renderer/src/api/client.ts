/**
 * The renderer's only way to reach the core: the contract's methods, either through the Electron
 * preload (window.scanvault) or over HTTP to the browser host (same origin, session cookie).
 */
import { API_METHODS, type ScanVaultApi } from '../../../shared/api';
import { apiError, type Result } from '../../../shared/errors';

export interface DesktopHost {
  kind: 'electron';
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    scanvault?: ScanVaultApi;
    scanvaultHost?: DesktopHost;
  }
}

function httpApi(fetchImpl: typeof fetch = fetch.bind(window)): ScanVaultApi {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const method of API_METHODS) {
    api[method] = async (input: unknown) => {
      try {
        const res = await fetchImpl(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        if (res.status === 401) {
          return { ok: false, error: apiError('VAULT_LOCKED', 'This browser session has ended. Open the address printed by “scanvault serve” again.') };
        }
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: apiError('INTERNAL', 'ScanVault is not reachable. Check that “scanvault serve” is still running, then reload this page.') };
      }
    };
  }
  return api as unknown as ScanVaultApi;
}

let cached: ScanVaultApi | null = null;

export function getApi(): ScanVaultApi {
  cached ??= window.scanvault ?? httpApi();
  return cached;
}

/** For tests: replace the API with a fake. */
export function setApi(api: ScanVaultApi): void {
  cached = api;
}

/** Browser host only: sends files to an upload staging area held in memory by the core. */
export async function uploadFile(uploadId: string, relativePath: string, file: Blob): Promise<{ ok: boolean; reason?: string }> {
  const res = await fetch(`/upload/${uploadId}?path=${encodeURIComponent(relativePath)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  return (await res.json()) as { ok: boolean; reason?: string };
}
