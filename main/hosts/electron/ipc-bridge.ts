/**
 * Binds the API contract to Electron IPC: one channel per contract method, generated from the
 * contract table (no hand-written handler per method). Written against small interfaces so it is
 * unit-tested with fakes; main.ts passes the real ipcMain.
 */
import { API_METHODS, type ApiMethod } from '../../../shared/api';
import { apiError } from '../../../shared/errors';
import type { Dispatch } from '../../api/dispatch';

export const CHANNEL_PREFIX = 'scanvault:';
export const channelFor = (method: ApiMethod): string => `${CHANNEL_PREFIX}${method}`;

export interface IpcEventLike {
  senderFrame: { url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The only page allowed to call the API: the app's own renderer, served from app://scanvault/. */
export const APP_ORIGIN = 'app://scanvault';

export function isTrustedSender(event: IpcEventLike): boolean {
  const url = event.senderFrame?.url;
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function registerApiHandlers(ipcMain: IpcMainLike, dispatch: Dispatch, trusted = isTrustedSender): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), async (event, input) => {
      if (!trusted(event)) return { ok: false, error: apiError('BAD_REQUEST', 'Request refused.') };
      return dispatch(method, input);
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(channelFor(method));
  };
}
