/**
 * Security settings for the desktop window's session and contents, kept apart from main.ts so tests
 * can check them with fakes. The window's own options are inline in main-window.ts.
 */
import { ELECTRON_BYTES_ORIGIN } from '../../../shared/api/bytes';
import { contentSecurityPolicy } from '../common/security-headers';
import { APP_ORIGIN } from './ipc-bridge';

/** The window's CSP: the browser host's, plus fetches from the byte scheme (another origin here). */
export const WINDOW_CSP = contentSecurityPolicy([ELECTRON_BYTES_ORIGIN]);

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: { preventDefault(): void; url?: string }, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface SessionLike {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[] | string> }, callback: (r: { responseHeaders: Record<string, string[] | string> }) => void) => void): void;
    onBeforeRequest(listener: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void): void;
  };
}

/** Only the app's own pages, its byte scheme and inline data may load: no remote content at all. */
export function isAllowedUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith(`${ELECTRON_BYTES_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:');
}

export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...(details.responseHeaders ?? {}), 'Content-Security-Policy': [WINDOW_CSP] } });
  });
}

/**
 * No navigation away from the app and no new windows: a middle-click or Ctrl-click on a link
 * (which asks for a new window, not a navigation) is denied by the window-open handler, and
 * frames may not navigate elsewhere either.
 */
export function hardenWebContents(contents: WebContentsLike): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!(event.url ?? '').startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
