/**
 * The byte channel in the desktop app: a privileged scheme (scanvault-bytes://vault/bytes/…)
 * answered by the same byte route as the browser host. The window's pages live on app://scanvault,
 * so every fetch here is cross-origin and carries an Origin header: only the app's own origin is
 * answered, anything else (another page, an <img> or a navigation, which send no Origin) gets 403.
 */
import type { Readable } from 'node:stream';
import { ELECTRON_BYTES_ORIGIN, ELECTRON_BYTES_SCHEME } from '../../../shared/api/bytes';
import type { Logger } from '../../core/log';
import { answerByteRequest, type ByteSource } from '../common/byte-route';
import { APP_ORIGIN } from './ipc-bridge';

/**
 * Registered before app ready. corsEnabled because the page's origin (app://) differs from this
 * scheme's; stream so the body is sent as it is decrypted; no bypassCSP (the page's CSP lists it).
 */
export const BYTES_SCHEME_PRIVILEGES = {
  scheme: ELECTRON_BYTES_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
} as const;

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': APP_ORIGIN,
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, Accept-Ranges',
  Vary: 'Origin',
};

export async function handleBytesRequest(source: ByteSource, request: Request, log: Logger): Promise<Response> {
  const url = new URL(request.url);
  if (`${url.protocol}//${url.host}` !== ELECTRON_BYTES_ORIGIN) return refusal(404, 'Not found');
  if (request.headers.get('origin') !== APP_ORIGIN) return refusal(403, 'Forbidden');
  if (request.method === 'OPTIONS') {
    // Preflight for a Range header (not every Chromium treats it as CORS-safelisted).
    return new Response(null, {
      status: 204,
      headers: { ...CORS_HEADERS, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'Range', 'Access-Control-Max-Age': '600' },
    });
  }
  const reply = await answerByteRequest(source, {
    method: request.method, pathname: url.pathname, range: request.headers.get('range') ?? undefined,
  }, log);
  const body = reply.body === null || typeof reply.body === 'string' ? reply.body : toWebStream(reply.body);
  return new Response(body, { status: reply.status, headers: { ...reply.headers, ...CORS_HEADERS } });
}

/**
 * A web stream that pulls from the Node stream only when its reader asks (highWaterMark 0), so
 * memory stays flat however large the file. A Node error errors the web stream (the renderer's
 * read fails instead of ending cleanly); cancelling destroys the Node stream and closes the blob.
 */
export function toWebStream(readable: Readable): ReadableStream<Uint8Array> {
  const iterator = readable[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    cancel() {
      readable.destroy();
    },
  }, { highWaterMark: 0 });
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
