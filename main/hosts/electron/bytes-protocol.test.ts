import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ELECTRON_BYTES_ORIGIN, type ByteRef } from '../../../shared/api/bytes';
import { CoreError } from '../../core/core-error';
import type { OpenedBytes } from '../../core/bytes/bytes-feature';
import { silentLogger } from '../../core/log';
import { VaultError } from '../../core/vault/errors';
import type { ByteSource } from '../common/byte-route';
import { BYTES_SCHEME_PRIVILEGES, handleBytesRequest, toWebStream } from './bytes-protocol';
import { WINDOW_CSP, isAllowedUrl } from './hardening';
import { handleAppRequest } from './app-protocol';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILE = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));

/** Serves FILE as instance 1; instance 2 is damaged after its first chunk; anything else is unknown. */
function fakeSource(opts: { locked?: boolean } = {}): ByteSource & { closed: number } {
  const source = {
    closed: 0,
    async openBytes(ref: ByteRef): Promise<OpenedBytes> {
      if (opts.locked) throw new CoreError('VAULT_LOCKED');
      if (ref.kind !== 'instance' || (ref.id !== 1 && ref.id !== 2)) throw new CoreError('NOT_FOUND');
      const damaged = ref.id === 2;
      return {
        kind: 'instance', size: FILE.length,
        stream: async (start, end) => {
          const stream = Readable.from((async function* () {
            yield FILE.subarray(start, Math.min(end, start + 65536));
            if (damaged) throw new VaultError('BLOB_CORRUPT');
            for (let at = start + 65536; at < end; at += 65536) yield FILE.subarray(at, Math.min(end, at + 65536));
          })(), { objectMode: false });
          stream.once('close', () => { source.closed += 1; });
          return stream;
        },
        close: async () => { source.closed += 1; },
      };
    },
  };
  return source;
}

const APP = 'app://scanvault';
const req = (url: string, headers: Record<string, string> = { Origin: APP }, method = 'GET'): Request => new Request(url, { method, headers });

describe('scanvault-bytes:// protocol', () => {
  it('is registered as a standard, secure, fetchable, streaming scheme with CORS for the app page', () => {
    expect(BYTES_SCHEME_PRIVILEGES).toEqual({
      scheme: 'scanvault-bytes',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
    });
  });

  it('answers only the app origin: no Origin (img, navigation) or another page gets 403', async () => {
    const source = fakeSource();
    expect((await handleBytesRequest(source, req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`, {}), silentLogger)).status).toBe(403);
    expect((await handleBytesRequest(source, req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`, { Origin: 'https://evil.example' }), silentLogger)).status).toBe(403);
    expect((await handleBytesRequest(source, req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`, { Origin: 'null' }), silentLogger)).status).toBe(403);
    expect((await handleBytesRequest(source, req('scanvault-bytes://other/bytes/instance/1'), silentLogger)).status).toBe(404);
    const ok = await handleBytesRequest(source, req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`), silentLogger);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(Buffer.from(await ok.arrayBuffer()).equals(FILE)).toBe(true);
  });

  it('sends the same headers and ranges as the browser host', async () => {
    const r = await handleBytesRequest(fakeSource(), req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`, { Origin: APP, Range: 'bytes=65530-65545' }), silentLogger);
    expect(r.status).toBe(206);
    expect(Object.fromEntries(r.headers)).toMatchObject({
      'content-type': 'application/dicom', 'content-length': '16', 'content-range': `bytes 65530-65545/${FILE.length}`,
      'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'accept-ranges': 'bytes',
    });
    expect(r.headers.get('access-control-expose-headers')).toContain('Content-Range');
    expect(Buffer.from(await r.arrayBuffer()).equals(FILE.subarray(65530, 65546))).toBe(true);
    const unsatisfiable = await handleBytesRequest(fakeSource(), req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`, { Origin: APP, Range: `bytes=${FILE.length}-` }), silentLogger);
    expect(unsatisfiable.status).toBe(416);
  });

  it('answers a Range preflight for the app origin only', async () => {
    const pre = await handleBytesRequest(fakeSource(), req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`, { Origin: APP }, 'OPTIONS'), silentLogger);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('Range');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
  });

  it('maps locked, unknown and damaged to their codes', async () => {
    const locked = await handleBytesRequest(fakeSource({ locked: true }), req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`), silentLogger);
    expect(locked.status).toBe(423);
    expect(await locked.json()).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    const unknown = await handleBytesRequest(fakeSource(), req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/77`), silentLogger);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('damage after the first chunk errors the body: the page never reads a clean, short file', async () => {
    const source = fakeSource();
    const r = await handleBytesRequest(source, req(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/2`), silentLogger);
    expect(r.status).toBe(200);
    await expect(r.arrayBuffer()).rejects.toBeDefined();
  });

  it('the web stream pulls only when read, and cancelling destroys the Node stream', async () => {
    let pulled = 0;
    const node = Readable.from((async function* () {
      for (let i = 0; i < 1000; i += 1) {
        pulled += 1;
        yield Buffer.alloc(65536);
      }
    })(), { objectMode: false, highWaterMark: 65536 });
    const reader = toWebStream(node).getReader();
    expect((await reader.read()).value?.length).toBe(65536);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pulled).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(node.destroyed).toBe(true);
  });

  it('the window may load and fetch the byte scheme, and the app pages carry that CSP', async () => {
    expect(isAllowedUrl(`${ELECTRON_BYTES_ORIGIN}/bytes/instance/1`)).toBe(true);
    expect(isAllowedUrl('scanvault-bytes://elsewhere/bytes/instance/1')).toBe(false);
    expect(WINDOW_CSP).toContain(`connect-src 'self' ${ELECTRON_BYTES_ORIGIN}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-app-'));
    writeFileSync(path.join(dir, 'index.html'), '<p>x</p>');
    const page = await handleAppRequest(dir, `${APP}/index.html`);
    expect(page.headers.get('content-security-policy')).toBe(WINDOW_CSP);
  });
});
