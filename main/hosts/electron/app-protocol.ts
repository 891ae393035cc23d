import { loadStatic } from '../common/static-files';
import { SECURITY_HEADERS } from '../common/security-headers';
import { WINDOW_CSP } from './hardening';
import { APP_ORIGIN } from './ipc-bridge';

const HEADERS = { ...SECURITY_HEADERS, 'Content-Security-Policy': WINDOW_CSP };

/** Serves the built renderer for app://scanvault/… requests (the desktop window never loads remote pages). */
export async function handleAppRequest(staticDir: string, requestUrl: string): Promise<Response> {
  if (!requestUrl.startsWith(`${APP_ORIGIN}/`)) return new Response('Not found', { status: 404 });
  const file = await loadStatic(staticDir, new URL(requestUrl).pathname);
  if (!file) return new Response('Not found', { status: 404, headers: HEADERS });
  return new Response(new Uint8Array(file.body), { status: 200, headers: { ...HEADERS, 'Content-Type': file.type } });
}
