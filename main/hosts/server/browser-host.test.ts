import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/log';
import { startBrowserHost, type BrowserHost } from './browser-host';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function send(port: number, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: urlPath, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => { data += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('browser host', () => {
  let host: BrowserHost;
  const calls: [string, unknown][] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-static-'));
    writeFileSync(path.join(dir, 'index.html'), '<title>ScanVault</title>');
    host = await startBrowserHost({
      staticDir: dir, log: silentLogger,
      dispatch: async (m, i) => { calls.push([m, i]); return { ok: true, value: { echoed: m } }; },
    });
  });
  afterAll(() => host.close());
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${host.secret}` });

  it('listens on loopback with a long random secret in the printed URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[a-f0-9]{64}$/);
  });

  it('answers 401 to every request without the secret', async () => {
    expect((await send(host.port, 'GET', '/')).status).toBe(401);
    expect((await send(host.port, 'GET', '/index.html')).status).toBe(401);
    expect((await send(host.port, 'POST', '/api/getStatus', { 'Content-Type': 'application/json' }, '{}')).status).toBe(401);
    expect((await send(host.port, 'GET', '/?token=wrong')).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('trades the token for an HttpOnly SameSite cookie and drops it from the URL', async () => {
    const r = await send(host.port, 'GET', `/?token=${host.secret}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send(host.port, 'GET', '/', { Cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.body).toBe('<title>ScanVault</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('refuses foreign Host and Origin headers even with the secret', async () => {
    expect((await send(host.port, 'GET', '/', { ...auth(), Host: 'evil.example' })).status).toBe(403);
    expect((await send(host.port, 'GET', '/', { ...auth(), Host: `attacker.test:${host.port}` })).status).toBe(403);
    expect((await send(host.port, 'POST', '/api/getStatus', { ...auth(), 'Content-Type': 'application/json', Origin: 'http://evil.example' }, '{}')).status).toBe(403);
  });

  it('routes API calls through the dispatcher as JSON only', async () => {
    const r = await send(host.port, 'POST', '/api/getStatus', { ...auth(), 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${host.port}` }, '{}');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { echoed: 'getStatus' } });
    expect((await send(host.port, 'POST', '/api/getStatus', { ...auth(), 'Content-Type': 'text/plain' }, '{}')).status).toBe(415);
    expect((await send(host.port, 'GET', '/api/getStatus', auth())).status).toBe(405);
    expect((await send(host.port, 'POST', '/api/getStatus', { ...auth(), 'Content-Type': 'application/json' }, '{nope')).status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await send(host.port, 'GET', '/..%2f..%2f..%2fetc%2fpasswd', auth())).status).toBe(404);
    expect((await send(host.port, 'GET', '/missing.js', auth())).status).toBe(404);
  });
});
