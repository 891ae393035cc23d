import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { Dispatch } from '../../api/dispatch';
import type { Logger } from '../../core/log';
import { answerByteRequest, isBytePath, type ByteSource } from '../common/byte-route';
import type { UploadSink } from '../../core/import/upload-staging';
import { receiveUpload } from './uploads';
import { loadStatic } from '../common/static-files';
import { SECURITY_HEADERS } from '../common/security-headers';
import { isAllowedHost, isAllowedOrigin, presentedSecret, secretMatches, sessionCookieName } from './security';

export interface BrowserHostOptions {
  dispatch: Dispatch;
  /** Folder holding the built renderer (index.html and assets). */
  staticDir: string;
  log: Logger;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Only for tests; a launch normally gets a fresh random secret. */
  secret?: string;
  uploads?: UploadSink;
  /** Decrypted file bytes for GET /bytes/<kind>/<id> (the core); absent: 404. */
  bytes?: ByteSource;
}

export interface BrowserHost {
  port: number;
  secret: string;
  /** The address to open: it carries the secret once; the page then holds it in a session cookie. */
  url: string;
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 1024 * 1024;

/**
 * The browser host: the real UI and the API over HTTP on 127.0.0.1 only. Every request needs the
 * per-launch secret (401 otherwise); Host and Origin are checked against DNS rebinding.
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const secret = opts.secret ?? randomBytes(32).toString('hex');
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      opts.log.warn('server.request-failed', {}, 'INTERNAL');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden host');
    if (!isAllowedOrigin(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden origin');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    // Entry: the printed URL carries the secret once; trade it for a session cookie and drop it from the URL.
    const token = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && token !== null) {
      if (!secretMatches(token, secret)) return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${sessionCookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      res.end();
      return;
    }
    if (!secretMatches(presentedSecret(req, port), secret)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized: open the address printed by "scanvault serve".');
    }

    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (isBytePath(url.pathname)) return handleBytes(req, res, url.pathname);
    if (url.pathname.startsWith('/upload/')) {
      if (!opts.uploads) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      const result = await receiveUpload(req, url, opts.uploads);
      // A refused body is not read: the connection closes after the answer instead.
      if (result.close) res.setHeader('Connection', 'close');
      return send(res, result.status, 'application/json', JSON.stringify(result.body));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const file = await loadStatic(opts.staticDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return send(res, 200, file.type, file.body);
  }

  /** Same secret and Host/Origin checks as the API (done above); the body is piped with backpressure. */
  async function handleBytes(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!opts.bytes) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const reply = await answerByteRequest(opts.bytes, { method: req.method ?? 'GET', pathname, range: req.headers.range }, opts.log);
    res.writeHead(reply.status, { ...SECURITY_HEADERS, ...reply.headers });
    if (reply.body === null || typeof reply.body === 'string') {
      res.end(reply.body ?? undefined);
      return;
    }
    try {
      await pipeline(reply.body, res);
    } catch {
      // Damage found mid-file, a lock, or the reader left: abort, so a cut file never looks complete.
      res.destroy();
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST');
    // A JSON content type forces a CORS preflight for any cross-site request, which we never answer.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'text/plain; charset=utf-8', 'Send JSON');
    }
    const body = await readBody(req, MAX_JSON_BYTES);
    if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'Request too large');
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: 'The request was not valid JSON.' } }));
    }
    const result = await opts.dispatch(method, input);
    return send(res, 200, 'application/json', JSON.stringify(result));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    secret,
    url: `http://127.0.0.1:${port}/?token=${secret}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
